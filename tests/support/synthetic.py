"""Synthetic news pages for tests and benches: deterministic, page-shaped, several languages of furniture.

Used where real pages are too few (scale, fuzz, concurrency); accuracy is always
measured on real or hand-checked pages (eval/).
"""

from __future__ import annotations

import random

ACTORS = (
    "Russia", "North Korea", "Japan", "South Korea", "Ukraine", "The United States", "China",
    "Kim Jong Un", "Vladimir Putin", "Chief Cabinet Secretary Yoshimasa Hayashi", "Foreign Minister Takeshi Iwaya",
    "The Kremlin", "Pyongyang", "Moscow", "Tokyo", "Seoul's National Intelligence Service", "NATO",
    "The Pentagon", "Ukrainian military intelligence", "Japan's Defense Ministry", "KCNA", "Sergei Shoigu",
    "Defence Minister Andrei Belousov", "The UN Security Council", "Analysts in Seoul", "Western diplomats",
)
VERBS = (
    "said", "warned", "confirmed", "denied", "announced", "reported", "estimated", "claimed",
    "expressed concern that", "told reporters that", "stated on state television that", "insisted that",
)
OBJECTS = (
    "{n} North Korean troops had been deployed to the Kursk region",
    "{n} artillery shells were shipped by rail to Russian depots",
    "a new drone factory in Tatarstan would employ {n} workers from Pyongyang",
    "the partnership treaty requires mutual military assistance in case of aggression",
    "{n} ballistic missiles were transferred for use against Ukraine",
    "sanctions would be expanded to cover {n} more companies",
    "military technology cooperation would deepen under the new agreement",
    "casualties among North Korean soldiers had reached {n}",
    "a joint exercise involving {n} personnel took place near Vladivostok",
    "Japan would coordinate closely with its Group of Seven partners",
    "satellite images showed {n} containers at the port of Rajin",
    "the two leaders discussed space technology and fighter jets",
    "Tokyo lodged a protest through diplomatic channels",
    "the regional security environment had become more severe",
    "production of missiles and shells would rise by {n} percent",
)
WHENS = (
    "on {date}", "last week", "on Monday", "in {month}", "earlier this year", "on {date}, according to officials",
    "during a visit to Pyongyang", "at a regular press conference", "in a statement released {date}", "",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
FURNITURE = (
    "Share this article", "Comments (12)", "Subscribe to our newsletter for the latest updates",
    "Related Articles", "2 min read", "Advertisement", "Most Read", "Sign up for free",
    "Photo: AP", "Click here to follow us on Telegram", "© 2025 All rights reserved.", "Log in to comment",
    "Read more:", "Trending now", "Support independent journalism – donate today",
)
OUTLET_LINES = ("Japan Today", "NHK WORLD", "Kyiv Independent", "Business Standard", "Korea Herald", "The Japan Times")


def _sentence(rng: random.Random) -> str:
    year = rng.choice((2024, 2025))
    date = f"{MONTHS[rng.randrange(12)]} {rng.randint(1, 28)}, {year}"
    obj = rng.choice(OBJECTS).format(n=f"{rng.randint(2, 300) * rng.choice((10, 100, 1000)):,}")
    when = rng.choice(WHENS).format(date=date, month=f"{MONTHS[rng.randrange(12)]} {year}")
    text = f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {obj}"
    return (text + (" " + when if when else "")).strip() + "."


def synthetic_article(index: int, seed: int = 7) -> bytes:
    """Page text of one synthetic article (UTF-8), deterministic in (index, seed).

    Looks like a pasted news page: headline, outlet and date line, 4-8
    paragraphs of 1-4 sentences, and furniture (share buttons, comments,
    related links) before and after. Different indexes are not near-duplicates.
    """
    rng = random.Random(seed * 1_000_003 + index)
    year = rng.choice((2024, 2025))
    lines = [f"{rng.choice(ACTORS)} {rng.choice(('warns', 'confirms', 'denies', 'reports'))} on Russia-North Korea ties ({index})"]
    lines.append(f"{rng.choice(OUTLET_LINES)} | {MONTHS[rng.randrange(12)]} {rng.randint(1, 28)}, {year}")
    lines.extend(rng.sample(FURNITURE, 2))
    for _ in range(rng.randint(4, 8)):
        lines.append("")
        lines.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 4))))
    lines.append("")
    lines.extend(rng.sample(FURNITURE, 3))
    return ("\n".join(lines) + "\n").encode("utf-8")


