"""Timeline events on the bundled corpus, with the real model: dated, sourced, merged, furniture-free."""

import json
import re
import subprocess
import sys

import pytest

from lib.core.settings import REPO_ROOT
from lib.events.build import build_events, event_to_json, filter_events
from lib.events.mentions import summarise

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def events(corpus, embedder):
    return build_events(corpus, embedder)


def find(events, quote_part):
    """Events with a source sentence containing `quote_part`."""
    return [event for event in events if any(quote_part in source.quote for source in event.sources)]


def test_the_treaty_signing_is_dated_19_june_2024(events):
    (treaty,) = find(events, "treaty signed Wednesday")
    assert (treaty.start, treaty.end, treaty.precision) == ("2024-06-19", "2024-06-19", "day")
    assert "002_f09298817ccba4f1.txt" in {source.source_file for source in treaty.sources}
    assert "treaty" in treaty.summary and "Wednesday" in treaty.clue


def test_the_treaty_mentioned_by_two_outlets_is_one_event_with_both_sources(events):
    (treaty,) = find(events, "treaty signed Wednesday")
    files = {source.source_file for source in treaty.sources}
    assert files == {"000_23855ce6f6a14ab7.txt", "002_f09298817ccba4f1.txt"}
    assert any("last June" in source.quote for source in treaty.sources)


def test_the_japanese_statement_is_dated_20_june_2024(events):
    (statement,) = find(events, "on Thursday expressed their concern")
    assert (statement.start, statement.end, statement.precision) == ("2024-06-20", "2024-06-20", "day")
    assert statement.sources[0].published.date == "2024-06-20"


def test_iwaya_arrived_in_kyiv_on_16_november_2024(events):
    (arrival,) = find(events, "arrived in Kyiv on Saturday")
    assert (arrival.start, arrival.end, arrival.precision) == ("2024-11-16", "2024-11-16", "day")
    assert arrival.summary.startswith("Japan's foreign minister arrived in Kyiv")


def test_last_week_fighting_is_dated_to_the_week_before_the_report(events):
    (fighting,) = [event for event in find(events, "small-scale fighting") if "Last week" in event.clue]
    assert (fighting.start, fighting.end, fighting.precision) == ("2024-11-04", "2024-11-10", "week")
    assert fighting.end < "2024-11-16"


def test_two_dates_in_one_sentence_give_two_events(events):
    kursk = [event for event in find(events, "small-scale fighting") if "August 6" in event.clue]
    assert len(kursk) == 1 and kursk[0].start == "2024-08-06"
    assert kursk[0].summary == "Ukraine launched a surprise push on August 6"


def test_the_2022_invasion_is_background_context(events):
    (war,) = find(events, "which began in February 2022")
    assert war.is_context
    assert (war.start, war.end) == ("2022-02-01", "2022-02-28")
    assert war not in filter_events(events, include_context=False)


def test_events_on_the_same_day_are_not_merged_just_for_the_date(events):
    arrival = find(events, "arrived in Kyiv on Saturday")
    drones = find(events, "83 Shahed drones")
    assert arrival and drones and arrival[0].event_id != drones[0].event_id


def test_a_statement_in_a_report_that_dates_nothing_is_dated_to_the_week_of_the_report(events):
    (concern,) = find(events, "has expressed deep concern")
    assert (concern.start, concern.end, concern.precision) == ("2024-10-20", "2024-10-26", "week")
    assert "reported on 26 Oct 2024 (no date in sentence)" in concern.clue


@pytest.mark.parametrize(
    "undated, dated, day",
    [
        # Hayashi's 20 Jun press conference: one dot, not a week bar beside the dot.
        ("told a regular press conference", "on Thursday expressed their concern", "2024-06-20"),
        ("clear violation of relevant U.N. Security Council resolutions", "on Thursday expressed their concern", "2024-06-20"),
        # The Kyiv visit: one dot, not a 10-16 Nov bar beside the 16 Nov dot.
        ("High on the agenda was Tokyo's grave concern", "arrived in Kyiv on Saturday", "2024-11-16"),
        ("neutralised up to a dozen drones", "attacked overnight by Russian drones", "2024-11-16"),
    ],
)
def test_an_undated_sentence_joins_the_happening_an_earlier_sentence_of_its_report_dates(events, undated, dated, day):
    (event,) = find(events, undated)
    assert event in find(events, dated)
    assert event.end == day and event.precision == "day"


def test_one_report_and_one_happening_give_one_timeline_row(events):
    """No report has an undated week bar beside a dot of its own inside that week, and the press
    conference and the Kyiv visit are one row each."""
    assert not [event for event in events if event.precision == "week" and "no date in sentence" in event.clue
                and any(other is not event and other.precision == "day" and event.start <= other.start <= event.end
                        and {s.source_file for s in other.sources} & {s.source_file for s in event.sources}
                        for other in events)]
    assert len(find(events, "arrived in Kyiv on Saturday")) == 1 and len(find(events, "regular press conference")) == 1


@pytest.mark.parametrize("quote", ["have been sent to Russia", "currently stands at around 12,000"])
def test_standing_figures_are_not_events(events, quote):
    assert not find(events, quote)


@pytest.mark.parametrize(
    "furniture",
    ["Israel", "Iran", "superlong", "bond", "tariff", "Middle East", "ASEAN", "Hague", "embarrassing", "Patron", "Subscribe"],
)
def test_nothing_from_comments_or_related_articles_becomes_an_event(events, furniture):
    assert not find(events, furniture)


def test_every_source_is_an_exact_sentence_of_its_article_body(events, articles_by_file):
    for event in events:
        for source in event.sources:
            article = articles_by_file[source.source_file]
            sentence = article.sentences[source.sentence_index]
            assert sentence.text == source.quote
            assert article.body[sentence.start : sentence.end] == source.quote
            assert source.outlet == article.outlet and source.published == article.published


def _squash(text):
    return re.sub(r"\s+", " ", text).strip()


def test_summaries_are_words_from_a_source_sentence(events):
    for event in events:
        summary = _squash(event.summary.removesuffix("…"))
        assert any(summary in _squash(source.quote) for source in event.sources), event.summary


def test_summaries_are_at_most_eight_whole_words(events):
    """Who did what in at most 8 words, never cut inside a word."""
    for event in events:
        summary = _squash(event.summary.removesuffix("…"))
        assert len(summary.split()) <= 8, event.summary
        assert any(re.search(re.escape(summary) + r"(?![\w'’])", _squash(source.quote)) for source in event.sources), event.summary


def test_every_event_has_an_ordered_interval_a_precision_and_a_clue(events):
    assert events == sorted(events, key=lambda event: (event.start, event.end, event.summary))
    for event in events:
        assert event.start <= event.end
        assert event.precision in ("day", "week", "month", "year")
        assert event.clue
        assert len({(source.source_file, source.sentence_index) for source in event.sources}) == len(event.sources)


def test_events_are_cached_per_corpus_and_rebuilt_identically(corpus, embedder, events):
    assert build_events(corpus, embedder) == events


def test_the_summary_of_a_reduced_relative_clause_is_the_thing_dated():
    sentence = "Putin said Russia would deepen cooperation under the strategic partnership treaty signed Wednesday, noting the deal."
    start = sentence.index("Wednesday")
    assert summarise(sentence, start, start + len("Wednesday")) == "the strategic partnership treaty signed Wednesday"


def _cli(*args, data_dir):
    return subprocess.run(
        [sys.executable, "-m", "lib.cli", "events", *args, "--data", str(data_dir)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600,
    )


def test_cli_prints_the_events_as_json_sorted_by_start(bundled_data_dir, events):
    result = _cli("--json", data_dir=bundled_data_dir)
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed == [event_to_json(event) for event in events]
    assert [item["start"] for item in printed] == sorted(item["start"] for item in printed)
    first = printed[0]
    assert {"start", "end", "precision", "clue", "summary", "sources", "is_context", "event_id"} <= set(first)
    assert {"source_file", "quote", "outlet", "published"} <= set(first["sources"][0])


def test_cli_story_only_leaves_out_background(bundled_data_dir):
    result = _cli("--json", "--story-only", data_dir=bundled_data_dir)
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed and not any(item["is_context"] for item in printed)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--from", "2024-13-01"], "is not a date for --from"),
        (["--to", "yesterday"], "is not a date for --to"),
        (["--from", "2024-12-01", "--to", "2024-06-01"], "is after --to"),
        (["--outlet", "No Such Outlet"], "No outlet named 'No Such Outlet'"),
        (["--story-only", "--context"], "contradict each other"),
    ],
)
def test_cli_bad_input_gets_one_clear_line_and_exit_2(bundled_data_dir, args, message):
    result = _cli("--json", *args, data_dir=bundled_data_dir)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_events_match_the_reviewed_golden_file(events):
    """tests/golden/events.json was reviewed line by line; regenerate with python -m eval.make_golden_events."""
    from eval.make_golden_events import GOLDEN, golden_view

    assert golden_view(events) == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_the_evaluation_against_hand_checked_gold_stays_above_its_floors(events):
    from eval.eval_events import GOLD, evaluate
    from eval.floors import floors

    result = evaluate(events, json.loads(GOLD.read_text(encoding="utf-8")))
    below = {name: result[name] for name, floor in floors("events").items() if result[name] < floor}
    assert floors("events") and not below, (below, result["errors"])


NEW_REPORT = """North Korea fires missiles as Kim prepares Moscow trip

Published: March 5, 2025

SEOUL — North Korea fired two ballistic missiles into the sea on Tuesday, South Korea's military said. Kim Jong Un will visit Moscow next month, state media said. The two leaders met in Vladivostok in September 2023. Analysts say the cooperation could deepen. Last month, the US and South Korea held joint drills near the border. Previously, officials said the launches had stopped.
North Korea has also sent an estimated 11,000 troops to Russia, US officials said.
"""


@pytest.fixture(scope="module")
def new_report_mentions(tmp_path_factory):
    from lib.core.settings import load_settings
    from lib.events.mentions import find_event_mentions
    from lib.ingest.pipeline import build_article

    article = build_article("new_report.txt", NEW_REPORT.encode(), load_settings(tmp_path_factory.mktemp("new")))
    assert article.published.date == "2025-03-05"
    return {mention.summary: mention for mention in find_event_mentions(article)}


@pytest.mark.parametrize(
    "summary, start, end, precision",
    [
        ("North Korea fired two ballistic missiles into the sea on Tuesday", "2025-03-04", "2025-03-04", "day"),
        ("The two leaders met in Vladivostok in September 2023", "2023-09-01", "2023-09-30", "month"),
        ("the US and South Korea held joint drills near the border", "2025-02-01", "2025-02-28", "month"),
    ],
)
def test_the_same_cues_find_events_in_a_new_report(new_report_mentions, summary, start, end, precision):
    mention = new_report_mentions[summary]
    assert (mention.start, mention.end, mention.precision) == (start, end, precision)


@pytest.mark.parametrize("words", ["will visit Moscow", "Analysts say", "Previously", "has also sent an estimated 11,000 troops"])
def test_plans_opinions_and_undated_background_are_not_events(new_report_mentions, words):
    assert not any(words in mention.sentence.text for mention in new_report_mentions.values())


def test_cli_outlet_filter_keeps_only_that_outlets_reports(bundled_data_dir, articles_by_file):
    outlet = articles_by_file["004_8ccb0b7b50ae83bd.txt"].outlet
    result = _cli("--json", "--outlet", outlet, data_dir=bundled_data_dir)
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed and all(source["outlet"] == outlet for item in printed for source in item["sources"])
    assert any("arrived in Kyiv on Saturday" in source["quote"] for item in printed for source in item["sources"])


# --------------------------------------------------------------------------- merging at scale


def _brute_force_clusters(mentions, vectors):
    """The reference: complete-linkage over every pair, most similar first (what merging must equal)."""
    from lib.events.merge import _same_event

    similarity = vectors @ vectors.T
    clusters = [{index} for index in range(len(mentions))]
    owner = list(range(len(mentions)))
    pairs = sorted(((float(similarity[i, j]), i, j) for i in range(len(mentions)) for j in range(i + 1, len(mentions))), reverse=True)
    for _score, i, j in pairs:
        a, b = owner[i], owner[j]
        if a != b and all(_same_event(mentions[x], mentions[y], float(similarity[x, y])) for x in clusters[a] for y in clusters[b]):
            clusters[a] |= clusters[b]
            for index in clusters[b]:
                owner[index] = a
            clusters[b] = set()
    return sorted(sorted(cluster) for cluster in clusters if cluster)


@pytest.fixture(scope="module")
def bundled_mentions(corpus, embedder):
    from lib.events.mentions import find_event_mentions

    # What merging sees: a sentence dated by an earlier one of its report joins that one's event after merging.
    mentions = [mention for article in corpus.articles for mention in find_event_mentions(article) if mention.dated_by != "context"]
    return mentions, embedder.encode([mention.summary for mention in mentions])


def _indexes(clusters, mentions):
    position = {id(mention): index for index, mention in enumerate(mentions)}
    return sorted(sorted(position[id(mention)] for mention in cluster) for cluster in clusters)


@pytest.mark.parametrize("copies, jitter", [(1, 0.0), (6, 0.02), (6, 0.08)])
def test_merging_equals_checking_every_pair(bundled_mentions, copies, jitter):
    """The interval sweep finds exactly the clusters an all-pairs comparison finds (copies of the
    bundled mentions with jittered vectors make many near-ties and overlapping candidates)."""
    from dataclasses import replace as replace_record

    import numpy as np

    from lib.events.merge import merge_mentions

    mentions, vectors = bundled_mentions
    many = [replace_record(mention) for _copy in range(copies) for mention in mentions]  # distinct records
    noisy = np.vstack([vectors] * copies) + np.random.default_rng(copies).normal(0, jitter, (len(many), vectors.shape[1]))
    noisy = (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(np.float32)
    clusters = _indexes(merge_mentions(many, noisy), many)
    assert clusters == _brute_force_clusters(many, noisy)
    if jitter < 0.05:  # heavier noise leaves no pair similar enough: the equality above still holds
        assert len(clusters) < len(many)  # the bundled corpus has events told by several sentences


@pytest.mark.parametrize("copies", [1, 3])
def test_array_rules_accept_exactly_the_pairs_same_event_accepts(bundled_mentions, copies):
    """`_PairRules.accept` (the vectorised check) against `_same_event` on every pair,
    including pairs from the same sentence, the same article and statement pairs."""
    from dataclasses import replace as replace_record

    import numpy as np

    from lib.events.merge import _PairRules, _same_event

    mentions, vectors = bundled_mentions
    many = [replace_record(mention) for _copy in range(copies) for mention in mentions]
    stacked = np.vstack([vectors] * copies)
    firsts, seconds = np.triu_indices(len(many), k=1)
    similarity = (stacked @ stacked.T)[firsts, seconds].astype(np.float64)
    expected = np.array([_same_event(many[i], many[j], float(score)) for i, j, score in zip(firsts, seconds, similarity)])
    assert expected.any() and not expected.all()
    assert (_PairRules(many).accept(firsts, seconds, similarity) == expected).all()


def _counting(array):
    """`array` as a numpy subclass that counts the similarities (matmul outputs) computed from it."""
    import numpy as np

    class Counting(np.ndarray):
        products = [0]

        def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
            plain = [item.view(np.ndarray) if isinstance(item, Counting) else item for item in inputs]
            result = getattr(ufunc, method)(*plain, **kwargs)
            if ufunc is np.matmul:
                Counting.products[0] += int(np.size(result))
            return result

    return array.view(Counting), Counting.products


def test_past_the_pair_budget_each_mention_keeps_its_most_similar_partners(bundled_mentions, monkeypatch):
    """Over MERGE_PAIR_BUDGET, pairs across articles are limited per mention (most similar
    first), pairs within one article are all kept, and every kept pair is still accepted."""
    from dataclasses import replace as replace_record

    import numpy as np

    from lib.events import merge as events
    from lib.events.merge import _same_event, candidate_pairs

    mentions, vectors = bundled_mentions
    # 8 copies of the corpus as if from 8 other outlets: each copy's articles are new articles.
    copies = [{m.article.article_id: replace_record(m.article, article_id=f"{m.article.article_id}-{n}") for m in mentions} for n in range(8)]
    many = [replace_record(mention, article=copies[n][mention.article.article_id]) for n in range(8) for mention in mentions]
    stacked = np.vstack([vectors] * 8)
    exact = candidate_pairs(many, stacked, neighbours=0)
    monkeypatch.setattr(events, "MERGE_PAIR_BUDGET", len(exact[0]) // 3)
    monkeypatch.setattr(events, "MERGE_MIN_NEIGHBOURS", 1)
    limited = candidate_pairs(many, stacked)
    assert 0 < len(limited[0]) <= len(exact[0]) // 3 + sum(
        many[i].article is many[j].article for i, j in zip(exact[1], exact[2])
    )
    exact_pairs = set(zip(exact[1].tolist(), exact[2].tolist()))
    assert set(zip(limited[1].tolist(), limited[2].tolist())) <= exact_pairs
    assert all(_same_event(many[i], many[j], float(score)) for score, i, j in zip(*limited))
    within = {(i, j) for i, j in exact_pairs if many[i].article is many[j].article}
    assert within <= set(zip(limited[1].tolist(), limited[2].tolist()))
    assert len(events.merge_mentions(many, stacked)) >= len(events.merge_mentions(many, stacked, neighbours=0))


def test_a_large_collection_is_merged_within_cells_of_similar_mentions(bundled_mentions, monkeypatch):
    """Past MERGE_EXACT_MENTIONS each mention meets only the mentions of its nearest cells:
    every pair found is still one `_same_event` accepts, and almost all pairs are still found."""
    from dataclasses import replace as replace_record

    import numpy as np

    from lib.events import merge as events
    from lib.events.merge import _cells, _same_event, candidate_pairs

    mentions, vectors = bundled_mentions
    copies = [{m.article.article_id: replace_record(m.article, article_id=f"{m.article.article_id}-{n}") for m in mentions} for n in range(8)]
    many = [replace_record(mention, article=copies[n][mention.article.article_id]) for n in range(8) for mention in mentions]
    stacked = np.vstack([vectors] * 8)
    exact = set(zip(*(part.tolist() for part in candidate_pairs(many, stacked, neighbours=0)[1:])))
    monkeypatch.setattr(events, "MERGE_EXACT_MENTIONS", 50)
    size = max(10, len(many) // 6)  # about six cells, whatever the number of bundled mentions
    monkeypatch.setattr(events, "MERGE_CELL_SIZE", size)
    assert _cells(stacked, size)[0] >= 5  # the mentions really are split
    scores, firsts, seconds = candidate_pairs(many, stacked)
    found = set(zip(firsts.tolist(), seconds.tolist()))
    assert len(found) == len(scores)  # no pair twice
    assert found <= exact
    assert len(found) >= 0.9 * len(exact)
    assert all(_same_event(many[i], many[j], float(score)) for score, i, j in zip(scores, firsts, seconds))
    assert events.merge_mentions(many, stacked)


@pytest.mark.parametrize("count", [1000, 3000])
def test_merging_compares_only_mentions_whose_dates_are_close_not_all_pairs(bundled_mentions, count):
    """Mentions a week apart can never be one event: merging them computes about
    count x MERGE_BLOCK similarities (linear in count), not count² / 2, and merges nothing.
    (Twice that past ~2,450 mentions, where the pairs are counted first against the budget.)"""
    import datetime
    from dataclasses import replace as replace_record

    import numpy as np

    from lib.events.merge import MERGE_BLOCK, candidate_pairs, merge_mentions

    mentions, vectors = bundled_mentions
    first = datetime.date(2024, 6, 1)
    spread = [
        replace_record(mentions[index % len(mentions)], start=(day := (first + datetime.timedelta(days=7 * index)).isoformat()), end=day)
        for index in range(count)
    ]
    same = np.repeat(vectors[:1], count, axis=0)  # identical vectors: only the dates keep them apart
    counted, products = _counting(same)
    assert len(candidate_pairs(spread, counted)[0]) == 0
    assert products[0] <= 2 * count * (MERGE_BLOCK + 1)
    assert products[0] < count * count // 4
    assert len(merge_mentions(spread, same)) == count


PASTED = """Japan says it is seriously concerned over Russia-N Korea military cooperation
June 20, 2024

The Japanese government on Thursday expressed concern over military cooperation between Russia and North Korea.
The Japanese government on Thursday expressed concern over military cooperation between Russia and North Korea. Chief Cabinet Secretary Yoshimasa Hayashi told a regular press conference that such remarks were totally unacceptable.
"""


def test_a_pasted_article_whose_lead_repeats_gives_one_row(tmp_path, embedder):
    from lib.core.settings import load_settings
    from lib.ingest.corpus import load_corpus

    (tmp_path / "pasted.txt").write_text(PASTED, encoding="utf-8")
    events = build_events(load_corpus(load_settings(tmp_path)), embedder)
    (event,) = [event for event in events if find([event], "expressed concern")]
    assert (event.start, event.end, event.precision) == ("2024-06-20", "2024-06-20", "day")
    assert find([event], "told a regular press conference")
    assert len(find(events, "expressed concern")) == 1


@pytest.mark.parametrize(
    "sentence, summary",
    [
        ("14 March 2025 - The Eastport harbour reopened after engineers inspected the bridge.", "The Eastport harbour reopened"),
        ("March 3, 2025 (Pacific Wire) - Japan's Defense Ministry said it scrambled jets.", "Japan's Defense Ministry said it scrambled jets"),
        ("14 mars 2025 — Le gouvernement a relevé son niveau d'alerte.", "Le gouvernement a relevé son niveau d'alerte"),
        # Not datelines: a range of years, and a date inside the reported clause.
        ("About 2024 - 2025 budgets were cut by the ministry.", "About 2024 - 2025 budgets were cut by the ministry"),
        ("The ministry said on 3 March 2025 - a Monday - that jets were scrambled.", "The ministry said on 3 March 2025 - a Monday - that jets were scrambled"),
    ],
)
def test_summary_never_starts_with_a_dated_dateline(sentence, summary):
    """A pasted lead "14 March 2025 - …" gives a label that starts with who did what, not with its date."""
    assert summarise(sentence) == summary


def test_an_undated_summary_is_not_a_trailing_relative_clause():
    from lib.events.mentions import summarise

    sentence = ("Counting every flight and ship, the country has so far committed 137 tonnes of aid, "
                "according to officials, who said more would follow if needed.")
    summary = summarise(sentence)
    assert summary.startswith("the country has so far committed") and "who said" not in summary
