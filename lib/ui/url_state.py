"""The one home of URL state: what a page reads from and writes to the address bar.

Every page keeps what a person would want to share (query, filters, the chosen
topic, event or article) in `st.query_params`, so a link reproduces the view.
Values from a link are untrusted: readers return plain-words problems instead
of raising, and dates go through the one reader of typed dates.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from lib.core.errors import StoryLensError
from lib.core.user_dates import parse_date_bound

TRUE_WORDS = ("1", "true", "yes")


def url_value(name: str, default: str | None = None) -> str | None:
    """The last value of `name` in the URL, or `default`."""
    values = st.query_params.get_all(name)
    return values[-1] if values else default


def url_values(name: str) -> list[str]:
    """Every value of `name` in the URL, without repeats, in order."""
    return list(dict.fromkeys(st.query_params.get_all(name)))


def url_flag(name: str) -> bool:
    return url_value(name) in TRUE_WORDS


def url_day(name: str, problems: list[str]) -> date | None:
    """A date from the URL ("2024-06-19"; "2024-06" or "2024" mean their first day), or None with a note."""
    value = url_value(name)
    if not value:
        return None
    try:
        return date.fromisoformat(parse_date_bound(value, name=f"'{name}' in the link"))
    except StoryLensError as error:
        problems.append(f"Ignored {name}='{value}': {error}")
        return None


def known_values(name: str, options, label: str, problems: list[str]) -> list[str]:
    """The values of `name` that are among `options`; the others are named in `problems`."""
    wanted = url_values(name)
    unknown = [value for value in wanted if value not in options]
    if unknown:
        problems.append(
            f"Ignored {label} {', '.join(repr(value) for value in unknown)} from the link: not in this collection"
            + (f" (choose from: {', '.join(options)})." if options else ".")
        )
    return [value for value in wanted if value in options]


def write_url(values: dict[str, str | list[str] | None], owned: tuple[str, ...] = ()) -> None:
    """Put `values` in the URL; an empty value (None, "", [], False) removes its parameter.

    `owned` names further parameters this page controls: those not in `values`
    are removed. Parameters are only written when they change (each write reruns
    nothing, but keeps the browser history clean).
    """
    params = st.query_params
    for name in owned:
        if name not in values and name in params:
            del params[name]
    for name, value in values.items():
        if value in (None, "", [], False):
            if name in params:
                del params[name]
            continue
        if value is True:
            value = "1"
        wanted = list(value) if isinstance(value, (list, tuple)) else [str(value)]
        if params.get_all(name) != wanted:
            params[name] = wanted if len(wanted) > 1 else wanted[0]


def share_link() -> str:
    """The address of exactly this view (page, query, filters), or "" outside a browser."""
    from urllib.parse import urlencode

    base = (st.context.url or "").split("?", 1)[0]
    params = [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]
    return base + ("?" + urlencode(params) if params else "")
