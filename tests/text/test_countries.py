"""The countries a figure's sentence names, in the languages the app reads (CLDR names, lib.text.countries),
and the Compare rows' check that a figure concerns its kind's countries."""

from __future__ import annotations

import pytest

from lib.text.countries import countries_named


@pytest.mark.parametrize(
    "sentence, codes",
    [
        ("About 10,000 North Korean soldiers are now training in Russia's east.", {"KP", "RU"}),
        ("北朝鮮がロシアに約3000人を派遣した。", {"KP", "RU"}),
        ("북한이 러시아로 보낸 병력은 1만 5천 명이다.", {"KP", "RU"}),
        ("Мьянмы военные сообщили о 1000 погибших.", {"MM"}),
        ("缅甸地震已造成1000人死亡。", {"MM"}),
        ("The average price at Japanese supermarkets rose.", {"JP"}),
        ("A new タイプ of rice went on sale.", set()),  # 'タイ' (Thailand) inside a longer katakana word
        ("파병 병력이란 말은 쓰지 않았다.", set()),  # '이란' (Iran) as a particle glued to a noun
        ("At least 20 people died in the capital.", set()),
    ],
)
def test_countries_are_read_in_every_language(sentence, codes):
    assert countries_named(sentence) == codes


def test_a_country_in_the_possessive_names_who_counts_not_where():
    sentence = "Südkoreas Generalstab kommt dagegen auf etwa 1100 Getötete und Verletzte."
    assert countries_named(sentence) == {"KR"}
    assert countries_named(sentence, possessive=False) == set()
    assert countries_named("South Korea's military said 1,100 died in Russia.", possessive=False) == {"RU"}


REPORTS = {
    "p1.txt": ("Flood toll rises in Nepal", "12 May 2025",
               "Floods in Nepal have killed at least 120 people, officials said on Monday. "
               "Rescue teams in Nepal are still searching villages along the river."),
    "p2.txt": ("Nepal floods: more bodies found", "14 May 2025",
               "The number of people killed in the Nepal floods has risen to 150, the army said. "
               "In a separate accident, a bus crash in India killed 40 people on Tuesday, police said."),
    "p3.txt": ("Nepal flood deaths climb", "16 May 2025",
               "Nepal's disaster agency said 170 people had been killed by the floods in Nepal. "
               "Many roads remain closed."),
    "p4.txt": ("Nepal counts the dead after floods", "18 May 2025",
               "Officials in Nepal say the floods have killed around 180 people across the country. "
               "Aid groups asked for more helicopters."),
}


@pytest.fixture(scope="module")
def flood_rows(tmp_path_factory, embedder):
    from lib.claims.build import build_claims
    from lib.core.settings import load_settings
    from lib.ingest.corpus import load_corpus

    folder = tmp_path_factory.mktemp("floods")
    for name, (title, day, body) in REPORTS.items():
        (folder / name).write_text(f"{title}\n\nPublished {day}\n\n{body}\n", encoding="utf-8")
    return build_claims(load_corpus(load_settings(folder)), embedder)


def test_a_figure_about_another_country_does_not_join_the_kinds_row(flood_rows):
    rows = [topic for topic in flood_rows.topics if topic.counted == "people killed"]
    assert len(rows) == 1, [topic.label for topic in flood_rows.topics]
    values = {claim.value for claim in rows[0].figures}
    assert {120, 150, 170, 180} <= values
    assert 40 not in values, "the bus crash in India is not a figure of the Nepal floods' toll"
