"""Articles: every article in the collection, one article's cleaned text, and adding articles."""

from lib.ui.router import require_router

require_router()  # a deep link on a fresh server must still get the app around it

import streamlit as st

from lib.present.markdown import escape_markdown, highlight_span
from lib.present.tables import articles_table, csv_bytes, removed_table
from lib.present.words import date_note, date_words, language_name, outlet_name
from lib.ui.ingest import add_articles_form, has_pending_reports
from lib.ui.ingest import scroll_to_highlight
from lib.ui.loaders import get_corpus
from lib.ui.url_state import url_value, write_url

corpus = get_corpus()
st.title("Articles")
removed_title = st.session_state.pop("articles-removed", None)
if removed_title:
    st.success(f"Removed “{removed_title}”: it is no longer searched, on the timeline or compared.")
st.caption(
    "Every article in this collection, with its publication date and how sure it is. "
    "Open one to read its cleaned text and see what was removed from the page."
)
with st.expander("Add articles", expanded=not corpus.articles or has_pending_reports(), icon=":material/add_circle:"):
    add_articles_form(corpus)

table = articles_table(corpus.articles)
# On screen: plain words, no file names (they are in the article detail and the CSV).
shown = table.drop(columns=["Date clue", "File"]).assign(
    Outlet=[outlet_name(corpus.by_source_file(name).outlet) for name in table["File"]],
    Published=[date_words(corpus.by_source_file(name).published) for name in table["File"]],
    Language=[language_name(corpus.by_source_file(name).language) for name in table["File"]],
)
st.dataframe(
    shown,
    hide_index=True,
    width="stretch",
    column_config={
        # Title, outlet and date fit a 390 px phone side by side (160 + 85 + 105 px); the title stays pinned.
        "Title": st.column_config.TextColumn("Title", pinned=True, width=160),
        "Outlet": st.column_config.TextColumn("Outlet", width=85),
        "Published": st.column_config.TextColumn(
            "Published", width=105,
            help='"about" means the page prints no date and it was worked out from other clues.',
        ),
        "Removed blocks": st.column_config.NumberColumn(
            "Removed blocks", help="Menus, comments, related links and other page furniture kept out of the article."
        ),
    },
)
st.download_button(
    "Download this list (CSV)",
    csv_bytes(table),
    file_name="storylens-articles.csv",
    mime="text/csv",
    help="The table above as a spreadsheet file.",
)

files = list(table["File"])
requested = url_value("article")
if files:
    chosen = st.selectbox(
        "Open an article",
        files,
        index=files.index(requested) if requested in files else 0,
        format_func=lambda name: f"{corpus.by_source_file(name).title} — {outlet_name(corpus.by_source_file(name).outlet)}",
        help="Shows the article's cleaned text; the link in your address bar opens the same article.",
    )
    if chosen != requested:
        write_url({"article": chosen, "sentence": None})
    article = corpus.by_source_file(chosen)

    st.header(article.title)
    st.markdown(
        f"**{escape_markdown(outlet_name(article.outlet))}** · {escape_markdown(date_words(article.published))} · "
        f"{escape_markdown(language_name(article.language))} · {len(article.sentences)} sentences",
        help=date_note(article.published) or None,
    )
    st.caption(escape_markdown(f"How the date was found: {article.published.clue} · file {article.source_file}"))
    links = st.columns(3)
    links[0].page_link(
        "pages/timeline.py",
        label="Events from this outlet",
        icon=":material/timeline:",
        query_params={"outlet": article.outlet},
        help="The timeline, showing only events this outlet reported.",
    )
    links[1].page_link(
        "pages/compare.py",
        label="Compare with other sources",
        icon=":material/compare_arrows:",
        help="What each source says on the topics this story is argued about.",
    )
    if corpus.store.origin_of(article.article_id) == "upload":
        with links[2].popover("Remove this article", help="Deletes this article you added (the bundled articles stay)."):
            st.markdown(f"Remove “{escape_markdown(article.title)}” from this collection? "
                        "Search, the timeline and comparisons will no longer use it.")
            if st.button("Yes, remove it", type="primary", key="confirm-remove"):
                corpus.store.remove_article(article.article_id)
                st.session_state["articles-removed"] = article.title
                write_url({"article": None, "sentence": None})
                st.rerun()

    highlight = url_value("sentence")
    target = next((s for s in article.sentences if str(s.index) == highlight), None)
    if target is not None:
        st.info(f"Highlighted: sentence {target.index + 1} of {len(article.sentences)} (scrolled into view).")
    cursor = 0
    for paragraph in article.body.split("\n\n"):
        start = article.body.index(paragraph, cursor)
        cursor = start + len(paragraph)
        if target is not None and start <= target.start < cursor:
            with st.container(key="highlighted-sentence"):
                st.markdown(highlight_span(paragraph, target.start - start, target.end - start))
            scroll_to_highlight()
        else:
            st.markdown(escape_markdown(paragraph))

    with st.expander(f"What was removed from the page ({len(article.removed)} blocks)"):
        st.caption("Reader comments, related-article lists, offers, appeals, credits and other page furniture are kept out of search, timeline and comparisons.")
        st.dataframe(removed_table(article), hide_index=True, width="stretch")
else:
    st.info("This collection has no articles yet: open **Add articles** above.")
