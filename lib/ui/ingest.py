"""The 'Add articles' form: upload files or paste text, with progress and a report per input."""

from __future__ import annotations

from datetime import date

import streamlit as st

from lib.ingest.corpus import Corpus, OpenedStore
from lib.ingest.pipeline import ingest_bytes
from lib.text.embed import article_vectors
from lib.text.language import KEPT_BETWEEN_PASTES_S, release_language_model
from lib.ui.collection import STORAGE_NOTE
from lib.ui.loaders import get_embedder
from lib.ui.url_state import write_url

_ICONS = {"added": ":material/check_circle:", "duplicate": ":material/content_copy:", "unchanged": ":material/content_copy:", "rejected": ":material/error:"}


def _show(report) -> None:
    if report.status == "added":
        st.success(report.message, icon=_ICONS["added"])
    elif report.status == "rejected":
        st.error(report.message, icon=_ICONS["rejected"])
    else:
        st.warning(report.message, icon=_ICONS["duplicate"])


_REPORTS_KEY = "storylens-ingest-reports"


def has_pending_reports() -> bool:
    """True right after an add, so the page can keep the form (and its reports) open."""
    return _REPORTS_KEY in st.session_state


def add_articles_form(corpus: Corpus | OpenedStore) -> None:
    """Upload/paste form. After adding, the page reruns (so every count and list
    updates at once) and the per-input reports are shown above the form."""
    for report in st.session_state.pop(_REPORTS_KEY, []):
        _show(report)
    st.caption(
        "Upload saved pages (.txt, .md, .html) or paste an article's text. Menus, comments and "
        "other page furniture are removed automatically; added articles are kept for next time. "
        + STORAGE_NOTE
    )
    with st.form("add-articles", clear_on_submit=True):
        uploads = st.file_uploader(
            "Article files",
            type=["txt", "md", "html", "htm"],
            accept_multiple_files=True,
            help="Select one or more saved article pages.",
        )
        pasted = st.text_area(
            "…or paste an article's text",
            height=150,
            help="Select all the text of the article page, copy, and paste it here.",
        )
        st.caption("If you know them, say where and when the pasted article appeared (optional): "
                   "what you give here is used instead of what is read from the text.")
        known = st.columns(3)
        given_outlet = known[0].text_input("Outlet", placeholder="e.g. Reuters", key="paste-outlet",
                                           help="The publisher, as you would name it. Leave empty to read it from the text.")
        given_title = known[1].text_input("Title", key="paste-title",
                                          help="The headline. Leave empty to use the first line of the text.")
        given_date = known[2].date_input("Published on", value=None, format="YYYY-MM-DD", key="paste-date",
                                         min_value=date(1900, 1, 1), max_value=date(2100, 12, 31),
                                         help="The day it was published. Leave empty to read it from the text.")
        pasted_name = st.text_input(
            "Name for the pasted text (optional)",
            key="paste-name",
            help="Used as the file name of the pasted article, e.g. reuters-2024-10-25.txt.",
        )
        submitted = st.form_submit_button("Add to the collection", type="primary")
    if not submitted:
        return
    inputs = [(upload.name, upload.getvalue(), None) for upload in uploads or []]
    if pasted.strip():
        given = {"outlet": given_outlet, "title": given_title, "published": given_date.isoformat() if given_date else None}
        inputs.append(((pasted_name.strip() or "pasted-article") + ("" if pasted_name.strip().lower().endswith((".txt", ".md", ".html", ".htm")) else ".txt"), pasted.encode("utf-8"), given))
    if not inputs:
        st.warning("Nothing to add: choose a file or paste some text first.")
        return
    reports = []
    with st.status(f"Adding {len(inputs)} article(s)…", expanded=True) as status:
        bar = st.progress(0.0)
        for done, (name, data, given) in enumerate(inputs):
            status.update(label=f"Reading '{name}' ({done + 1}/{len(inputs)})…")
            reports.append(ingest_bytes(corpus.store, corpus.settings, name, data, given=given))
            bar.progress((done + 1) / len(inputs))
        release_language_model(after_s=KEPT_BETWEEN_PASTES_S)
        added = sum(report.status == "added" for report in reports)
        status.update(label=f"Done: {added} of {len(inputs)} added.", state="complete" if added else "error")
    added_ids = [report.article_id for report in reports if report.status == "added"]
    prepare_for_search(corpus, added_ids)
    if not added_ids:
        for report in reports:
            _show(report)
        return
    st.session_state[_REPORTS_KEY] = reports
    first_added = next(report for report in reports if report.status == "added")
    write_url({"article": first_added.source_file, "sentence": None})
    st.rerun()


def prepare_for_search(corpus: Corpus | OpenedStore, article_ids: list[str]) -> None:
    """Embed new articles now, with progress, and bring the stored views (dates, search index,
    timeline, topics) up to date with them where they can be extended by the new articles alone, so
    the next search, Timeline and Compare answer at once. A view that cannot be extended (articles
    removed since, never built, too many added) is built whole by the page that next shows it."""
    from lib.present.extend import extend_views

    articles = [article for article in map(corpus.store.article, article_ids) if article is not None]
    total = sum(len(article.sentences) for article in articles)
    if not total:
        return
    with st.status(f"Preparing {total} new sentences for search…", expanded=False) as status:
        bar = st.progress(0.0)
        embedder = get_embedder()
        article_vectors(corpus.store, articles, embedder, progress=lambda done, all_, _what: bar.progress(done / max(all_, 1)))
        status.update(label="Updating the search index, timeline and topics…")
        extend_views(corpus.store, embedder, corpus.settings)
        status.update(label="New articles are searchable.", state="complete")


def scroll_to_highlight(key: str = "highlighted-sentence") -> None:
    """Scroll the page to the container `st-key-<key>` (the highlighted sentence).

    Streamlit has no scroll API, so a zero-height component runs a few lines of
    script in its same-origin iframe; it retries while the page is still drawing.
    """
    import streamlit.components.v1 as components

    components.html(
        "<script>(function(){let n=0;const t=setInterval(function(){"
        f"const el=window.parent.document.querySelector('.st-key-{key}');"
        "if(el){el.scrollIntoView({block:'center'});clearInterval(t);}if(++n>40)clearInterval(t);},100);})();</script>",
        height=0,
    )
