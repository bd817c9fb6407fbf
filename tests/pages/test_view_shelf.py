"""The views kept in memory: at most a few collections at once, so switching stories cannot grow without bound."""

from lib.ui.loaders import KEPT_COLLECTIONS, _ViewShelf


def test_views_of_the_least_recent_collection_are_dropped():
    shelf = _ViewShelf()
    stories = [f"/stories/{index}" for index in range(KEPT_COLLECTIONS + 1)]
    for story in stories:
        shelf.touch(story)
        shelf.views[("search", story)] = (("fingerprint",), object())
        shelf.views[("events", story)] = (("fingerprint",), object())
    shelf.touch(stories[-1])
    kept = {data_dir for _name, data_dir in shelf.views}
    assert kept == set(stories[1:])
    assert len(shelf.recent) == KEPT_COLLECTIONS


def test_reopening_a_story_keeps_it_among_the_recent_ones():
    shelf = _ViewShelf()
    first, second, third = "/stories/a", "/stories/b", "/stories/c"
    for story in (first, second):
        shelf.touch(story)
        shelf.views[("search", story)] = (("fingerprint",), object())
    shelf.touch(first)  # the user goes back to the first story
    shelf.touch(third)
    kept = {data_dir for _name, data_dir in shelf.views}
    assert first in kept and second not in kept
