"""Which story (collection) this session shows: the switcher, "New story", and the link.

The current story is `?collection=<slug>` in the address bar (absent for the
bundled story), so every shared link opens the same story. Streamlit drops
query parameters when a person moves to another page, so the session also
remembers it and writes it back on every run. A bad or unknown slug in a link
is explained and the bundled story is shown instead, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from lib.core.collections import (
    BUNDLED_SLUG,
    Collection,
    CollectionError,
    bundled_collection,
    create_collection,
    list_collections,
    resolve_collection,
)
from lib.core.settings import Settings, load_settings
from lib.ui.url_state import url_value, write_url

SESSION_KEY = "storylens-collection"
URL_PARAM = "collection"
PICKER_KEY = "storylens-story-picker"
# Said wherever articles are added: we cannot tell a hosted app's disk from a lasting one,
# so it is always said, in words that hold for both.
STORAGE_NOTE = (
    "Articles you add are kept in this app's storage. On a hosted app such as Streamlit Community Cloud, "
    "they last only as long as that storage does: a restart or redeploy of the app loses them "
    "(the bundled story always comes back)."
)


@dataclass(frozen=True)
class OpenedCollection:
    collection: Collection
    problem: str | None  # why the story in the link was not opened, in words


def session_data_dir(base: Settings) -> Settings:
    """`base` pointed at this session's story (the bundled one when none was chosen or it is gone)."""
    slug = st.session_state.get(SESSION_KEY)
    if not slug or slug == BUNDLED_SLUG:
        return base
    try:
        return base.with_data_dir(resolve_collection(slug, base).data_dir)
    except CollectionError:
        return base  # the folder went away mid-session: open_collection explains it on the next run


def open_collection() -> OpenedCollection:
    """The story of this run: from the link, else the session, else the bundled one; kept in both."""
    settings = load_settings()
    wanted = url_value(URL_PARAM)
    if wanted is None:
        wanted = st.session_state.get(SESSION_KEY)
    problem = None
    try:
        collection = resolve_collection(wanted, settings)
    except CollectionError as error:
        problem = str(error)
        collection = bundled_collection(settings)
    st.session_state[SESSION_KEY] = collection.slug
    write_url({URL_PARAM: None if collection.bundled else collection.slug})
    return OpenedCollection(collection, problem)


def _forget_other_story(slug: str) -> None:
    """Session state for story `slug`: the previous story's filters, picks and link parameters are dropped."""
    for key in list(st.session_state.keys()):
        if key not in (SESSION_KEY, PICKER_KEY):
            del st.session_state[key]
    st.session_state[SESSION_KEY] = slug
    st.query_params.from_dict({} if slug == BUNDLED_SLUG else {URL_PARAM: slug})


def _picked() -> None:
    _forget_other_story(st.session_state[PICKER_KEY])


def story_switcher(current: Collection) -> None:
    """The sidebar's story picker and its "New story" button."""
    collections = list_collections(load_settings())
    by_slug = {collection.slug: collection for collection in collections}
    by_slug.setdefault(current.slug, current)
    # A keyed picker set from the session before it is drawn: it always shows the story
    # this run opened (from a link, a switch, or "New story"), and a pick applies in its callback.
    if st.session_state.get(PICKER_KEY) != current.slug:
        st.session_state[PICKER_KEY] = current.slug
    st.selectbox(
        "Story",
        list(by_slug),
        key=PICKER_KEY,
        on_change=_picked,
        format_func=lambda slug: by_slug[slug].name if slug in by_slug else slug,
        help="Each story is its own collection of articles. The bundled story is always here; "
        "stories you start are added to this list.",
    )
    if st.button("New story", icon=":material/add:", help="Start an empty collection for another story, then add its articles."):
        _new_story_dialog()


@st.dialog("Start a new story")
def _new_story_dialog() -> None:
    st.markdown(
        "A story is its own collection of articles: search, the timeline and comparisons use only its "
        "articles. Name it, then paste or upload its articles on the Articles page."
    )
    with st.form("new-story", border=False):
        name = st.text_input("Name of the story", placeholder="e.g. Myanmar earthquake 2025", max_chars=80)
        started = st.form_submit_button("Start the story", type="primary")
    st.caption(STORAGE_NOTE)
    if not started:
        return
    try:
        collection = create_collection(name, load_settings())
    except CollectionError as error:
        st.error(str(error))
        return
    _forget_other_story(collection.slug)
    st.switch_page("pages/articles.py", query_params={URL_PARAM: collection.slug})
