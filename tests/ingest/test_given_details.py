"""What a person states when adding an article (outlet, title, day) beats what is read
from the text, and survives a rebuild of the record by newer ingestion code."""

from lib.core.settings import load_settings
from lib.ingest.pipeline import ingest_bytes

TEXT = (
    "South Korea's spy agency said on Friday that North Korea had sent another 1,500 soldiers "
    "to Russia's Far East, bringing the total to about 3,000.\n\n"
    "Officials in Tokyo said they were watching the deployment closely."
).encode("utf-8")
GIVEN = {"outlet": "Seoul Daily", "title": "More troops moved", "published": "2024-10-25"}



def test_given_details_win_and_survive_a_rebuild(tmp_path):
    from lib.ingest.corpus import load_corpus

    settings = load_settings(tmp_path)
    corpus = load_corpus(settings)
    store = corpus.store
    other = (b"Rice prices rose again in March as stockpiles were released by the farm ministry.\n\n"
             b"Shoppers said they had cut back on imported brands while waiting for the new harvest.")
    plain = ingest_bytes(store, settings, "plain.txt", other)
    assert plain.status == "added"
    assert store.article(plain.article_id).outlet != "Seoul Daily"  # nothing given: read from the text

    report = ingest_bytes(store, settings, "pasted.txt", TEXT, given=GIVEN)
    assert report.status == "added", report.message
    article = store.article(report.article_id)
    assert (article.outlet, article.title) == ("Seoul Daily", "More troops moved")
    assert article.published.date == "2024-10-25" and article.published.stated
    assert article.published.clue == "given by the person who added it"
    assert not any(path.name.endswith(".json") for path in store.upload_files()), "the note is not an upload"

    # newer ingestion code rebuilds the record from the raw bytes, as sync_folder does
    raw_path = next(row[4] for row in store.rows() if row[0] == report.article_id)
    rebuilt = ingest_bytes(store, settings, "pasted.txt", store.read_raw(raw_path), origin="upload",
                           raw_path=raw_path, pipeline="newer-code")
    assert rebuilt.status == "added", rebuilt.message
    again = store.article(rebuilt.article_id)
    assert (again.outlet, again.title, again.published.date) == ("Seoul Daily", "More troops moved", "2024-10-25")
