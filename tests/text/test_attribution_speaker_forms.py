"""Speaker forms of European languages found on an invented story loaded as a user would: a title and a
name set off by commas before the verb, a figure after the verb, and a verb and day after "según"."""

import pytest

from lib.text.attribution import attribute

CASES = [
    ("es", "El presidente del Gobierno, Pedro Sánchez, anunció el sábado el envío de 5.000 militares más.", "Pedro Sánchez"),
    ("fr", "Le ministre de l'Intérieur, Gérald Darmanin, a déclaré que 80 000 personnes ont manifesté.", "Gérald Darmanin"),
    ("es", "La cifra de fallecidos ha ascendido hasta 211, según informó este domingo el centro de coordinación de emergencias.",
     "el centro de coordinación de emergencias"),
    ("pt", "Morreram 300 pessoas, segundo informou nesta segunda-feira a Defesa Civil.", "a Defesa Civil"),
    ("es", "Según el Gobierno, 300 personas murieron.", "el Gobierno"),
    ("de", "Die Zahl der Toten ist gestiegen, sagte der Minister.", "der Minister"),
]


@pytest.mark.parametrize("language, sentence, speaker", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_the_speaker_is_read(language, sentence, speaker):
    assert attribute(sentence, language).source == speaker


def test_a_figure_after_the_verb_is_never_the_speaker():
    said = attribute("Con gran pesar, anunció el sábado el envío de 5.000 militares.", "es")
    assert not any(character.isdigit() for character in (said.source or ""))
