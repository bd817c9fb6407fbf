"""Sentence splitting keeps exact offsets and copes with abbreviations and headlines."""

import pytest

from lib.text.sentences import split_sentences


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Gen. Kim met U.S. officials on Jan. 5. They talked.", ["Gen. Kim met U.S. officials on Jan. 5.", "They talked."]),
        ('"We are concerned," he said. Then he left.', ['"We are concerned," he said.', "Then he left."]),
        ("A headline without a period\n\nThe first sentence.", ["A headline without a period", "The first sentence."]),
        ("Troops arrived at 3 p.m. local time. No one was hurt.", ["Troops arrived at 3 p.m. local time.", "No one was hurt."]),
        ("北朝鮮が兵士を派遣した。日本は懸念を表明した。", ["北朝鮮が兵士を派遣した。", "日本は懸念を表明した。"]),
    ],
)
def test_sentences_split_where_a_reader_would(body, expected):
    language = "ja" if "。" in body else "en"
    assert [s.text for s in split_sentences(body, language)] == expected


def test_offsets_locate_every_sentence_exactly():
    body = "First line\n\nSecond paragraph. It has two sentences.\nAnd a line."
    sentences = split_sentences(body)
    assert sentences
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert body[sentence.start : sentence.end] == sentence.text


def test_empty_body_has_no_sentences():
    assert split_sentences("") == ()


@pytest.mark.parametrize(
    ("body", "language"),
    [("政府周一表示，死亡人数已超过2000人。30日，首批救援物资运抵灾区。", "zh"), ("県は31日、本部を設置した。２日、発表した。", "ja")],
)
def test_a_chinese_or_japanese_full_stop_before_a_digit_ends_a_sentence(body, language):
    sentences = split_sentences(body, language)
    assert len(sentences) == 2 and sentences[1].text[:1] in "3２"
    assert all(body[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        # A German ordinal day before its month is no sentence end, nor an ordinal before its noun.
        ("Das Feuer brach am Freitag, 4. Juli, gegen 14.30 Uhr aus. Starker Wind trieb die Flammen.", "de",
         ["Das Feuer brach am Freitag, 4. Juli, gegen 14.30 Uhr aus.", "Starker Wind trieb die Flammen."]),
        ("Am Freitag, dem 28. März, bebte die Erde. Im 19. Jahrhundert war es anders.", "de",
         ["Am Freitag, dem 28. März, bebte die Erde.", "Im 19. Jahrhundert war es anders."]),
        # A count at the end of a sentence still ends it.
        ("Die Zahl der Toten stieg auf 12. Am Sonntag kamen Helfer.", "de",
         ["Die Zahl der Toten stieg auf 12.", "Am Sonntag kamen Helfer."]),
        # French "M." before a name.
        ("M. le préfet a parlé. M. Dupont a visité le site.", "fr", ["M. le préfet a parlé.", "M. Dupont a visité le site."]),
        # An English clock time before its day.
        ("Rescuers arrived at 2 p.m. Saturday. The quake struck at 12:50 p.m. Buildings fell.", "en",
         ["Rescuers arrived at 2 p.m. Saturday.", "The quake struck at 12:50 p.m.", "Buildings fell."]),
    ],
)
def test_a_dot_that_ends_no_sentence_does_not_split_it(body, language, expected):
    sentences = split_sentences(body, language)
    assert [s.text for s in sentences] == expected
    assert all(body[s.start : s.end] == s.text for s in sentences)
