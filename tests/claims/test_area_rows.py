"""Areas (land burned, flooded, cleared) are read in every language and compared in a row of their own,
hectares with hectares; weights are not compared (on a price story they are the price's amount of goods)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eval.eval_coverage_views import BENCH
from lib.claims.build import build_claims
from lib.core.settings import load_settings
from lib.ingest.corpus import load_corpus
from lib.text.numbers import extract_quantities

WILDFIRE = Path(__file__).parent / "data" / "wildfire_area"  # an invented story: four pages, four languages


@pytest.mark.parametrize(
    "sentence, language, value, unit",
    [
        ("A wildfire has burned about 64,000 hectares since Wednesday.", "en", 64000, "ha"),
        ("The fire has scorched 250 km² of forest.", "en", 250, "km²"),
        ("It covers 300 square kilometres.", "en", 300, "km²"),
        ("Crews saved 12,000 acres of farmland.", "en", 12000, "acres"),
        ("O incêndio já consumiu mais de 60 mil hectares.", "pt", 60000, "ha"),
        ("Il rogo ha distrutto oltre 60.000 ettari di boschi.", "it", 60000, "ha"),
        ("Das Feuer hat mehr als 60.000 Hektar Wald zerstört.", "de", 60000, "ha"),
        ("Le feu a parcouru 120 kilomètres carrés de garrigue.", "fr", 120, "km²"),
        ("El incendio ha arrasado 60.000 hectáreas.", "es", 60000, "ha"),
        ("Пожар охватил 60 тысяч гектаров леса.", "ru", 60000, "ha"),
        ("산불이 약 6만4천 헥타르를 태웠다.", "ko", 64000, "ha"),
        ("山火事で約6万4000ヘクタールが焼失した。", "ja", 64000, "ha"),
        ("大火已烧毁约6.4万公顷林地。", "zh", 64000, "ha"),
    ],
)
def test_an_area_is_read_as_an_area_in_every_language(sentence, language, value, unit):
    (figure,) = [q for q in extract_quantities(sentence, language) if q.value == value]
    assert (figure.unit, figure.counted) == (unit, "area")


@pytest.mark.parametrize(
    "sentence, language, value, kind",
    [
        ("The storm moved 40 km inland.", "en", 40, "distance"),
        ("The ministry released 210,000 tonnes of stockpiled rice.", "en", 210000, "weight"),
    ],
)
def test_a_length_or_a_weight_is_not_an_area(sentence, language, value, kind):
    (figure,) = [q for q in extract_quantities(sentence, language) if q.value == value]
    assert figure.counted == kind


def _claims_of(folder: Path, pages, embedder):
    for page in pages:
        shutil.copy(page, folder / page.name)
    return build_claims(load_corpus(load_settings(folder)), embedder)


def test_areas_given_in_four_languages_are_compared_in_one_row(tmp_path, embedder):
    claimset = _claims_of(tmp_path, sorted(WILDFIRE.glob("*.txt")), embedder)
    (row,) = [topic for topic in claimset.topics if topic.counted == "area"]
    assert row.unit == "ha" and row.label.startswith("Area (ha)")
    assert {claim.source_file for claim in row.figures} == {"pt_litoral.txt", "it_sud.txt", "en_wire.txt", "ko_hanbit.txt"}
    assert sorted(claim.value for claim in row.figures) == [60000, 60000, 64000, 64000]
    assert row.status == "agree"  # "more than 60,000" then "about 64,000": nothing contradicts


def test_a_prices_amount_of_goods_is_never_compared_as_a_weight(tmp_path, embedder):
    story = BENCH / "japan-rice"
    if not story.is_dir():
        pytest.fail(f"needs the coverage-dev pages at {story}")
    claimset = _claims_of(tmp_path, sorted(story.glob("*.txt")), embedder)
    assert not [topic.label for topic in claimset.topics if topic.counted == "weight"]  # "5キロ" vs "60キロ当たり"
