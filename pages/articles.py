"""Articles: every article in the collection, one article's cleaned text, and adding articles.

The list pages through the store's catalogue (one slim row per article) and opening an
article reads just that article: nothing is loaded whole, whatever the collection's size.
"""

from lib.ui.router import require_router

require_router()  # a deep link on a fresh server must still get the app around it

from dataclasses import replace

import streamlit as st

from lib.core.store import catalogue_pages
from lib.present.markdown import escape_markdown, highlight_span
from lib.present.tables import by_publication_date, catalogue_csv, catalogue_table, removed_table
from lib.present.words import date_note, date_words, language_name, outlet_name
from lib.ui.ingest import add_articles_form, has_pending_reports
from lib.ui.ingest import scroll_to_highlight
from lib.ui.loaders import get_catalogue_summary, get_opened_store, inferred_dates_pending, read_ahead_for_additions
from lib.ui.url_state import url_value, write_url

PAGE_SIZE = 50  # articles per page of the list; filters show once there is more than one page

opened = get_opened_store()
store = opened.store
summary = get_catalogue_summary(opened)
read_ahead_for_additions(opened)  # so the first page pasted is added as quickly as the next
st.title("Articles")
removed_title = st.session_state.pop("articles-removed", None)
if removed_title:
    st.success(f"Removed “{removed_title}”: it is no longer searched, on the timeline or compared.")
st.caption(
    "Every article in this collection, with its publication date and how sure it is. "
    "Open one to read its cleaned text and see what was removed from the page."
)
with st.expander("Add articles", expanded=not summary.article_count or has_pending_reports(), icon=":material/add_circle:"):
    add_articles_form(opened)

filters = {"outlet": None, "language": None, "title_contains": None}
if summary.article_count > PAGE_SIZE:
    choices = st.columns(3)
    filters["outlet"] = choices[0].selectbox(
        "Outlet", [None] + [name for name, _count in summary.outlet_counts], key="articles-outlet",
        format_func=lambda name: "All outlets" if name is None else outlet_name(name),
    )
    filters["language"] = choices[1].selectbox(
        "Language", [None] + [code for code, _count in summary.language_counts], key="articles-language",
        format_func=lambda code: "All languages" if code is None else language_name(code),
    )
    filters["title_contains"] = choices[2].text_input("Title contains", key="articles-title").strip() or None

# Keyset paging: the keys the pages before this one started after; new filters start again.
if st.session_state.get("articles-filters") != filters:
    st.session_state["articles-filters"] = dict(filters)
    st.session_state["articles-page-starts"] = []
starts = st.session_state["articles-page-starts"]
rows = store.catalogue(after=starts[-1] if starts else None, limit=PAGE_SIZE + 1, **filters)
entries = by_publication_date(rows[:PAGE_SIZE])
more = len(rows) > PAGE_SIZE

table = catalogue_table(entries)
# On screen: plain words, no file names (they are in the article detail and the CSV).
shown = table.drop(columns=["Date clue", "File"]).assign(
    Outlet=[outlet_name(entry.outlet) for entry in entries],
    Published=[date_words(entry.published) for entry in entries],
    Language=[language_name(entry.language) for entry in entries],
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
if starts or more:
    first_shown = len(starts) * PAGE_SIZE + 1
    total = "" if any(filters.values()) else f" of {summary.article_count:,}"
    st.caption(f"Articles {first_shown:,}–{first_shown + len(entries) - 1:,}{total}, in file-name order page by page.")
    turn = st.columns(2)
    turn[0].button("Previous page", icon=":material/chevron_left:", disabled=not starts, on_click=starts.pop)
    turn[1].button("Next page", icon=":material/chevron_right:", disabled=not more,
                   on_click=lambda: starts.append(rows[PAGE_SIZE - 1].key))
if inferred_dates_pending(opened):
    st.caption("Dates of pages that print none are being worked out from the other reports; "
               "until then those pages show “date unknown”.")
if summary.article_count and not entries:
    st.info(f"No articles match these filters. Clear them to see all {summary.article_count:,}.")
st.download_button(
    "Download this list (CSV)",
    lambda: catalogue_csv(catalogue_pages(store, **filters)),  # built when clicked: every page, not just this one
    file_name="storylens-articles.csv",
    mime="text/csv",
    help="The list above (every page, with the filters chosen) as a spreadsheet file.",
)

by_file = {entry.source_file: entry for entry in reversed(entries)}  # the first entry of a file name wins
requested = url_value("article")
if requested and requested not in by_file:
    # A link to an article on another page of the list: read its row (by key, one index lookup).
    found = store.catalogue(after=(requested, ""), limit=1)
    if found and found[0].source_file == requested:
        by_file[requested] = found[0]
    elif summary.article_count:
        st.warning(f"The link names an article this collection does not hold (“{requested}”): showing the first one instead.")
files = [entry.source_file for entry in entries if by_file[entry.source_file] is entry]
files += [name for name in by_file if name not in files]
if files:
    chosen = st.selectbox(
        "Open an article",
        files,
        index=files.index(requested) if requested in files else 0,
        format_func=lambda name: f"{by_file[name].title} — {outlet_name(by_file[name].outlet)}",
        help="Shows the article's cleaned text; the link in your address bar opens the same article.",
    )
    if chosen != requested:
        write_url({"article": chosen, "sentence": None})
    entry = by_file[chosen]
    article = store.article(entry.article_id)
    if article is None:
        st.info(f"“{entry.title}” was removed from this collection a moment ago.")
        st.stop()
    article = replace(article, published=entry.published)  # the date every page shows (inferred when needed)

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
    if entry.origin == "upload":
        with links[2].popover("Remove this article", help="Deletes this article you added (the bundled articles stay)."):
            st.markdown(f"Remove “{escape_markdown(article.title)}” from this collection? "
                        "Search, the timeline and comparisons will no longer use it.")
            if st.button("Yes, remove it", type="primary", key="confirm-remove"):
                store.remove_article(article.article_id)
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
elif not summary.article_count:
    st.info("This collection has no articles yet: open **Add articles** above.")
