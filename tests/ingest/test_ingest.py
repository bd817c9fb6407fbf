"""Ingestion of the bundled corpus and of user inputs: titles, dates, outlets, furniture, duplicates."""

import json
import subprocess
import sys

import pytest

from lib.core.settings import REPO_ROOT, load_settings
from lib.ingest.corpus import load_corpus, open_store
from lib.ingest.pipeline import build_article, ingest_bytes, sync_folder

BUNDLED = REPO_ROOT / "data" / "articles"

EXPECTED = {
    "000_23855ce6f6a14ab7.txt": {
        "title": "N.Korea to send workers to Russian drone factory to gain expertise",
        "outlet_has": "NHK",
        "kept": ["A total of 25,000 workers from North Korea are to be dispatched there."],
        "furniture": ["Middle East tensions force Japan", "Try Our AI Features", "No comments yet", "superlong"],
    },
    "001_3fe3a61bf119b289.txt": {
        "title": "Kim Jong Un Orders Massive Missile Production Boost for 2026, Deepening Russia Ties",
        "outlet_has": "AFP",
        "kept": ["Pyongyang is believed to have supplied Russia with artillery shells and missiles for the war."],
        "furniture": ["本コンテンツ", "ASEAN", "関連記事"],
    },
    "002_f09298817ccba4f1.txt": {
        "title": "Japan says it is seriously concerned over Russia-N Korea military cooperation",
        "outlet": "Japan Today (Kyodo)",
        "date": "2024-06-20",
        "kept": ['"Such remarks are totally unacceptable," he said.'],
        "furniture": ["how embarrassing", "( +1 / -4 )", "dailymail", "GPlusMedia", "5 Comments", "Image: Vladimir Smirnov"],
    },
    "003_acf3f096cf1d3bac.txt": {
        "title": "Japanese Chief Cabinet Secretary Hayashi: North Korean troops in Russia threaten regional stability",
        "outlet_has": "Kyodo",
        "date": "2024-10-26",
        "kept": ["As per Ukraine’s estimates, the number of transferred North Korean troops currently stands at around 12,000, including 500 officers and three generals from Pyongyang."],
        "furniture": ["Become a Patron", "cup of coffee", "Photo via Wikimedia", "Related:"],
    },
    "004_8ccb0b7b50ae83bd.txt": {
        "title": "Japan's minister visits Kyiv to stress mutual concern over N Korean troops",
        "outlet": "Business Standard (AP)",
        "date": "2024-11-16",
        "kept": ["According to US, South Korean and Ukrainian intelligence assessments, up to 12,000 North Korean troops have been sent to Russia as part of a major defence treaty between the countries."],
        "furniture": ["Smart Quarterly", "Subscribe", "Next Story", "₹", "Topics :", "Photo: Bloomberg"],
    },
}


@pytest.mark.parametrize("source_file", sorted(EXPECTED))
def test_bundled_article_has_its_headline_outlet_and_clean_body(articles_by_file, source_file):
    article = articles_by_file[source_file]
    expected = EXPECTED[source_file]
    assert article.title == expected["title"]
    if "outlet" in expected:
        assert article.outlet == expected["outlet"]
    else:
        assert expected["outlet_has"] in article.outlet
    for sentence in expected["kept"]:
        assert sentence in article.body
    for furniture in expected["furniture"]:
        assert furniture not in article.body
    assert article.language == "en"


@pytest.mark.parametrize("source_file", [name for name, e in EXPECTED.items() if "date" in e])
def test_stated_publication_date_is_exact_day(articles_by_file, source_file):
    published = articles_by_file[source_file].published
    assert (published.date, published.precision, published.stated) == (EXPECTED[source_file]["date"], "day", True)
    assert published.clue


@pytest.mark.parametrize("source_file", ["000_23855ce6f6a14ab7.txt", "001_3fe3a61bf119b289.txt"])
def test_page_without_a_date_is_never_given_a_stated_day(articles_by_file, source_file):
    published = articles_by_file[source_file].published
    assert not published.stated
    assert published.precision in ("month", "year", "unknown")
    assert published.clue


def test_every_sentence_is_located_exactly_in_its_body(corpus):
    for article in corpus.articles:
        assert article.sentences
        for sentence in article.sentences:
            assert article.body[sentence.start : sentence.end] == sentence.text


def test_every_removal_has_a_kind_and_a_reason(corpus):
    from lib.core.models import REMOVED_KINDS

    for article in corpus.articles:
        for block in article.removed:
            assert block.kind in REMOVED_KINDS
            assert block.reason.strip()


def test_reader_comments_are_recorded_as_comments(articles_by_file):
    removed = articles_by_file["002_f09298817ccba4f1.txt"].removed
    comment_text = " ".join(block.text for block in removed if block.kind == "comment")
    assert "how embarrassing" in comment_text


def test_relaunch_with_unchanged_inputs_redoes_no_work(bundled_data_dir, corpus):
    settings = load_settings(bundled_data_dir)
    assert sync_folder(open_store(settings), settings) == []


def test_record_from_older_code_is_rebuilt(tmp_path):
    settings = load_settings(tmp_path)
    store = open_store(settings)
    data = (BUNDLED / "003_acf3f096cf1d3bac.txt").read_bytes()
    report = ingest_bytes(store, settings, "old.txt", data, pipeline="old-code")
    assert report.status == "added"
    reports = sync_folder(store, settings)
    assert [r.status for r in reports] == ["added"]
    assert store.count() == 1


def test_same_file_twice_is_reported_not_stored_twice(tmp_path):
    settings = load_settings(tmp_path)
    store = open_store(settings)
    data = (BUNDLED / "004_8ccb0b7b50ae83bd.txt").read_bytes()
    first = ingest_bytes(store, settings, "a.txt", data)
    second = ingest_bytes(store, settings, "b.txt", data)
    assert first.status == "added"
    assert second.status == "duplicate" and "a.txt" in second.message
    assert store.count() == 1


def test_resyndicated_copy_with_small_changes_is_a_near_duplicate(tmp_path):
    settings = load_settings(tmp_path)
    store = open_store(settings)
    original = (BUNDLED / "002_f09298817ccba4f1.txt").read_text(encoding="utf-8")
    copy = original.replace("regular press conference", "regular news conference").replace("TOKYO", "TOKYO, Japan")
    assert ingest_bytes(store, settings, "original.txt", original.encode()).status == "added"
    report = ingest_bytes(store, settings, "copy.txt", copy.encode())
    assert report.status == "duplicate" and "near-copy" in report.message
    assert store.count() == 1


def test_different_articles_are_both_added(tmp_path):
    settings = load_settings(tmp_path)
    store = open_store(settings)
    for name in ("002_f09298817ccba4f1.txt", "003_acf3f096cf1d3bac.txt"):
        assert ingest_bytes(store, settings, name, (BUNDLED / name).read_bytes()).status == "added"
    assert store.count() == 2


def test_added_message_is_in_plain_words(tmp_path):
    """The report a user reads after adding: the date as a reader says it, no precision code, no "utf-8"."""
    settings = load_settings(tmp_path)
    store = open_store(settings)
    utf8 = ingest_bytes(store, settings, "a.txt", (BUNDLED / "003_acf3f096cf1d3bac.txt").read_bytes())
    assert utf8.status == "added"
    assert "(day)" not in utf8.message and "utf-8" not in utf8.message.lower()
    assert "2024" in utf8.message
    text = (BUNDLED / "002_f09298817ccba4f1.txt").read_text(encoding="utf-8")
    legacy = ingest_bytes(store, settings, "b.txt", text.encode("utf-16"))
    assert legacy.status == "added"
    assert "utf-16" in legacy.message.lower()  # an unusual encoding is still named, in words


@pytest.mark.parametrize(
    "name, data, message_has",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\t\n  ", "whitespace"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        ("report.pdf", b"%PDF-1.4 some pdf", "not accepted"),
        ("menu.txt", b"Home\nNews\nSport\nWeather\nContact us\nAbout\n", "no article text"),
    ],
)
def test_bad_input_gets_a_clear_message_and_changes_nothing(tmp_path, name, data, message_has):
    settings = load_settings(tmp_path)
    store = open_store(settings)
    ingest_bytes(store, settings, "keep.txt", (BUNDLED / "003_acf3f096cf1d3bac.txt").read_bytes())
    before = [a.article_id for a in store.articles()]
    report = ingest_bytes(store, settings, name, data)
    assert report.status == "rejected"
    assert message_has in report.message
    assert "Traceback" not in report.message
    assert [a.article_id for a in store.articles()] == before


def test_cli_ingest_then_articles_json_on_another_store(tmp_path):
    data_dir = tmp_path / "store"
    article = BUNDLED / "004_8ccb0b7b50ae83bd.txt"
    run = lambda *args: subprocess.run([sys.executable, "-m", "lib.cli", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    ingested = run("ingest", str(article), "--data", str(data_dir))
    assert ingested.returncode == 0, ingested.stderr
    assert "[added]" in ingested.stdout
    listed = run("articles", "--json", "--data", str(data_dir))
    assert listed.returncode == 0, listed.stderr
    payload = json.loads(listed.stdout)
    assert [item["source_file"] for item in payload] == ["004_8ccb0b7b50ae83bd.txt"]
    item = payload[0]
    assert set(item) >= {"source_file", "title", "outlet", "published", "language", "body", "removed", "sentences"}
    assert item["published"] == {**item["published"], "date": "2024-11-16", "precision": "day", "stated": True}
    assert isinstance(item["sentences"], int) and item["sentences"] > 5
    assert all(set(block) == {"kind", "text", "reason"} for block in item["removed"])


@pytest.mark.parametrize("bad", ["empty", "missing", "folder"])
def test_cli_ingest_bad_input_exits_2_with_one_line(tmp_path, bad):
    target = {"empty": tmp_path / "empty.txt", "missing": tmp_path / "nope.txt", "folder": tmp_path}[bad]
    if bad == "empty":
        target.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "lib.cli", "ingest", str(target), "--data", str(tmp_path / "d")],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_data_folder_with_loose_article_files_is_read(tmp_path):
    (tmp_path / "story.txt").write_bytes((BUNDLED / "003_acf3f096cf1d3bac.txt").read_bytes())
    corpus = load_corpus(load_settings(tmp_path))
    assert [a.source_file for a in corpus.articles] == ["story.txt"]


def test_build_article_reads_html(tmp_path):
    html = (
        "<html><head><title>Seoul says troops moved | The Test Herald</title>"
        '<meta property="og:site_name" content="The Test Herald">'
        '<meta property="article:published_time" content="2024-10-25T08:00:00+09:00"></head>'
        "<body><nav><a href='/'>Home</a><a href='/world'>World</a></nav><article><h1>Seoul says troops moved</h1>"
        "<p>South Korea's spy agency said on Friday that North Korea has sent about 3,000 troops to Russia this month.</p>"
        "<p>The agency said the soldiers were being trained at bases in Russia's Far East before deployment.</p>"
        "<p>Officials in Tokyo said they were closely watching the situation with their allies.</p>"
        "</article><footer>© 2024 The Test Herald</footer></body></html>"
    )
    article = build_article("page.html", html.encode(), load_settings(tmp_path))
    assert article.input_kind == "html"
    assert "3,000 troops" in article.body
    assert "Home" not in article.body
    assert article.published.date == "2024-10-25" and article.published.stated
    assert "Test Herald" in article.outlet


def test_a_dump_far_longer_than_an_article_is_refused(tmp_path):
    settings = load_settings(tmp_path)
    sentence = "North Korea sent more troops to Russia according to officials in Seoul. "
    data = ("A very long page\n\n" + sentence * 4000).encode()
    report = ingest_bytes(open_store(settings), settings, "dump.txt", data)
    assert report.status == "rejected"
    assert "more than one article" in report.message


def test_a_paste_of_more_lines_than_a_page_has_names_the_reason(tmp_path):
    settings = load_settings(tmp_path)
    data = ("Menu item\n" * 100_500).encode()
    report = ingest_bytes(open_store(settings), settings, "lines.txt", data)
    assert report.status == "rejected"
    assert "lines, more than" in report.message and "one article at a time" in report.message
