"""Figures and what they count in Spanish, Italian, Portuguese and Arabic: languages the dates and
events already read (lib.text.date_languages) but the sets do not use. Sentences written for this
test from general news wording, several kinds of story; each row: (value, qualifier, counted kind)."""

import pytest

from lib.text.numbers import extract_quantities

CASES = [
    ("es", "Al menos 1.644 personas murieron y 3.408 resultaron heridas, según la junta militar.",
     [(1644, "at least", "people killed"), (3408, None, "people wounded")]),
    ("es", "El número de muertos ascendió a 3.000 este martes.", [(3000, None, "people killed")]),
    ("es", "Unos 11.000 soldados fueron enviados a la frontera.", [(11000, "around", "troops sent")]),
    ("es", "Más de 300 personas siguen desaparecidas bajo los escombros.", [(300, "more than", "people missing")]),
    ("es", "El precio de la bolsa de 5 kilos subió a 4.285 yenes.", [(5, None, "weight"), (4285, None, "price")]),
    ("es", "El ejército recibió 1,6 millones de proyectiles de artillería.", [(1_600_000, None, "munitions")]),
    ("es", "Las inundaciones obligaron a evacuar a cerca de 20.000 vecinos.", [(20000, "around", "people displaced")]),
    ("it", "Il bilancio è salito a 2.719 morti e 4.521 feriti.", [(2719, None, "people killed"), (4521, None, "people wounded")]),
    ("it", "Almeno 300 persone risultano ancora disperse.", [(300, "at least", "people missing")]),
    ("it", "Circa 12.000 soldati sono stati inviati al fronte.", [(12000, "around", "troops sent")]),
    ("it", "Sono stati evacuati oltre 5.000 residenti della zona.", [(5000, "more than", "people displaced")]),
    ("it", "I soccorritori hanno salvato 45 persone intrappolate.", [(45, None, "people rescued")]),
    ("pt", "O número de mortos subiu para 3 mil, segundo o governo.", [(3000, None, "people killed")]),
    ("pt", "Pelo menos 200 pessoas ficaram feridas no acidente.", [(200, "at least", "people wounded")]),
    ("pt", "Cerca de 15 mil soldados foram enviados para a região.", [(15000, "around", "troops sent")]),
    ("pt", "Mais de 120 pessoas foram resgatadas com vida.", [(120, "more than", "people rescued")]),
    ("pt", "A fábrica vai empregar 2.500 trabalhadores estrangeiros.", [(2500, None, "workers")]),
    ("ar", "ارتفع عدد القتلى إلى 1644 شخصا بحسب السلطات.", [(1644, None, "people killed")]),
    ("ar", "أصيب أكثر من 3400 شخص في الزلزال.", [(3400, "more than", "people wounded")]),
    ("ar", "لا يزال ١٣٩ شخصا في عداد المفقودين.", [(139, None, "people missing")]),
    ("ar", "أرسلت الحكومة نحو 11 ألف جندي إلى الحدود.", [(11000, "around", "troops sent")]),
    ("ar", "بلغ عدد القتلى 2,719 شخصا.", [(2719, None, "people killed")]),
]


@pytest.mark.parametrize("language, sentence, expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_figures_and_what_they_count(language, sentence, expected):
    found = [(q.value, q.qualifier, q.counted) for q in extract_quantities(sentence, language)]
    assert found == [(float(value), qualifier, kind) for value, qualifier, kind in expected]


@pytest.mark.parametrize("language, sentence", [
    ("es", "El terremoto ocurrió el 28 de marzo de 2025 a las 12:50."),
    ("it", "Il governo si è riunito il 3 aprile 2025, dopo 2 giorni di lutto."),
    ("pt", "A reunião durou 3 horas, em 12 de maio de 2024."),
    ("ar", "وقع الزلزال في 28 مارس 2025."),
])
def test_dates_and_durations_are_not_figures(language, sentence):
    assert [q.value for q in extract_quantities(sentence, language) if q.counted != "count" or q.unit] == []
