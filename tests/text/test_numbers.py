"""Number extraction: values, ranges, qualifiers and counted nouns from news sentences."""

from __future__ import annotations

import pytest

from lib.text.numbers import (
    Quantity,
    counted_quantities,
    extract_quantities,
    normalize_unit,
    parse_number,
)


def _figures(sentence: str) -> list[tuple]:
    return [(q.value, q.value_high, q.unit, q.qualifier) for q in extract_quantities(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # bundled-corpus sentences
        (
            "According to reports from Ukraine and South Korea, 3,000 North Korean soldiers, including special "
            "forces, are training in Russia’s Far East.",
            [(3000, None, "troops", None)],
        ),
        (
            "According to US, South Korean and Ukrainian intelligence assessments, up to 12,000 North Korean troops "
            "have been sent to Russia as part of a major defence treaty between the countries.",
            [(12000, None, "troops", "up to")],
        ),
        (
            "As per Ukraine’s estimates, the number of transferred North Korean troops currently stands at around "
            "12,000, including 500 officers and three generals from Pyongyang.",
            [(12000, None, "troops", "around"), (500, None, "officers", None), (3, None, "generals", None)],
        ),
        (
            "Ukrainian air defences neutralised up to a dozen drones, said the head of Kyiv's military administration.",
            [(12, None, "drones", "up to")],
        ),
        ("A total of 25,000 workers from North Korea are to be dispatched there.", [(25000, None, "workers", None)]),
        (
            "Japan's foreign minister arrived in Kyiv to discuss the deployment of thousands of troops to support "
            "Moscow's war in Ukraine.",
            [(1000, None, "troops", "thousands")],
        ),
        # sentences written for these tests
        ("Between 10,000 and 12,000 North Korean soldiers were sent.", [(10000, 12000, "troops", None)]),
        ("Seoul said 10,000 to 12,000 troops had arrived.", [(10000, 12000, "troops", None)]),
        ("Some 10,000-12,000 troops had arrived by December.", [(10000, 12000, "troops", "around")]),
        ("More than 1,500 special forces troops were sent.", [(1500, None, "troops", "more than")]),
        ("At least 100 soldiers were killed in the fighting.", [(100, None, "troops", "at least")]),
        ("Nearly 11,000 North Korean troops are in Kursk.", [(11000, None, "troops", "nearly")]),
        ("About 8,000 soldiers have moved to the border.", [(8000, None, "troops", "around")]),
        ("As many as 100,000 North Korean troops could be sent, a lawmaker said.", [(100000, None, "troops", "up to")]),
        ("A dozen drones hit Kyiv overnight.", [(12, None, "drones", "approx")]),
        ("Russia launched 83 Shahed drones and 4 missiles.", [(83, None, "drones", None), (4, None, "missiles", None)]),
        ("Tens of thousands of North Korean workers are in Russia.", [(10000, None, "workers", "tens of thousands")]),
        ("Pyongyang sent hundreds of officers to observe.", [(100, None, "officers", "hundreds")]),
        ("Russia fired dozens of missiles at the grid.", [(12, None, "missiles", "dozens")]),
        ("North Korea has shipped 1.5 million shells.", [(1_500_000, None, "shells", None)]),
        ("The tax was cut to 5% across the board.", [(5, None, "%", None)]),
        ("Support fell to 23 percent in the latest poll.", [(23, None, "%", None)]),
        ("The plan cuts issuance by ¥3.2 trillion ($22 billion).", [(3.2e12, None, "JPY", None), (22e9, None, "USD", None)]),
        # traps: years, dates, ordinals, durations, names, "one of the"
        ("Kim ordered a major expansion of missile production for 2026, state media reported.", []),
        ("Ukraine launched a surprise push on August 6 into the Kursk region.", []),
        ("The ballot will be held on June 24 at noon.", []),
        ("Training took place at bases including the 248th and 249th.", []),
        ("The invasion began in February 2022 and has lasted nearly four years.", []),
        ("Japan plans to cut 20-, 30- and 40-year bond issuance.", []),
        ("Troops are massing in Kursk Oblast near the border.", []),
        ("Russia is one of the largest buyers of North Korean shells.", []),
        ("The two countries signed a treaty last June.", []),
        ("Oct 26, 2024 - 00:00", []),
        ("First Published: Nov 16 2024 | 3:57 PM IST", []),
        ("Russia used KN-23 missiles supplied by Pyongyang.", []),
        ("He has served since the 1990s.", []),
        ("The 1950-53 Korean War ended in an armistice, not a treaty.", []),
        ("The transfers violate UN Security Council Resolution 2270.", []),
        ("Officials marked the anniversary of the 9/11 attacks.", []),
        ("Kim, 40, met Putin in Pyongyang.", [(40, None, None, None)]),  # an age: kept, but counts nothing
        ("Troops moved 20 km toward the border.", [(20, None, "km", None)]),  # a distance, never "troops"
        ("About 300 North Korean troops were killed and 2,700 injured.", [(300, None, "troops", "around"), (2700, None, "troops", None)]),
    ],
)
def test_extract_quantities_finds_value_unit_and_qualifier(sentence, expected):
    assert _figures(sentence) == [tuple(float(x) if isinstance(x, (int, float)) else x for x in row) for row in expected]


def test_quantity_text_is_the_exact_span_of_the_sentence():
    sentence = "Officials say up to 12,000 troops and 3,000 workers, plus a dozen drones, were involved."
    for quantity in extract_quantities(sentence):
        assert sentence[quantity.start : quantity.end] == quantity.text


def test_number_without_a_counted_noun_takes_the_noun_named_earlier():
    sentence = "The number of transferred North Korean troops currently stands at around 12,000."
    (quantity,) = extract_quantities(sentence)
    assert (quantity.value, quantity.unit, quantity.qualifier) == (12000, "troops", "around")


def test_number_with_nothing_counted_has_no_unit():
    (first, second) = extract_quantities("Of those, 55 were shot down, while another 30 veered off course.")
    assert first.value == 55 and first.unit is None
    assert second.value == 30 and second.unit is None


@pytest.mark.parametrize(
    "first, second, consistent",
    [
        ("up to 12,000 troops", "around 12,000 troops", True),
        ("up to 12,000 troops", "10,000 troops", True),
        ("around 12,000 troops", "8,000 troops", False),  # 8,000 is far outside ±15% of 12,000
        ("thousands of troops", "12,000 troops", True),
        ("3,000 troops", "12,000 troops", False),
        ("more than 10,000 troops", "12,000 troops", True),
        ("10,000 to 12,000 troops", "11,000 troops", True),
        ("nearly 11,000 troops", "12,000 troops", False),
    ],
)
def test_intervals_make_qualified_figures_consistent_or_not(first, second, consistent):
    (a,) = extract_quantities(first)
    (b,) = extract_quantities(second)
    low_a, high_a = a.interval()
    low_b, high_b = b.interval()
    assert (low_a <= high_b and low_b <= high_a) is consistent


@pytest.mark.parametrize(
    "text, value",
    [("12,000", 12000), ("3.2 trillion", 3.2e12), ("a dozen", 12), ("twenty-five", 25), ("three", 3), ("banana", None)],
)
def test_parse_number_reads_digits_words_and_scales(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("noun, unit", [("soldiers", "troops"), ("Troops", "troops"), ("UAVs", "drones"), ("tanks", "tanks"), (None, None)])
def test_normalize_unit_merges_synonyms(noun, unit):
    assert normalize_unit(noun) == unit


def test_counted_quantities_leave_out_money_and_percentages():
    sentence = "The $22 billion plan covers 5% of spending and 25,000 workers."
    assert [(q.value, q.unit) for q in counted_quantities(sentence)] == [(25000, "workers")]


@pytest.mark.parametrize(
    "quantity, label",
    [
        (Quantity(12000, None, "troops", "up to", "", 0, 0), "up to 12,000 troops"),
        (Quantity(10000, 12000, "troops", None, "", 0, 0), "10,000–12,000 troops"),
        (Quantity(1000, None, "troops", "thousands", "", 0, 0), "thousands of troops"),
        (Quantity(12, None, "drones", "approx", "", 0, 0), "12 drones (approx.)"),
        (Quantity(5, None, "%", None, "", 0, 0), "5%"),
    ],
)
def test_quantity_label_keeps_the_qualifier(quantity, label):
    assert quantity.label() == label


def test_up_to_is_not_consistent_with_a_much_smaller_count():
    (up_to,) = extract_quantities("up to 12,000 troops")
    low, high = up_to.interval()
    assert low > 3000 and low < 10000 <= high
