"""Language identification per article and per sentence."""

import pytest

from lib.text.language import detect_language


@pytest.mark.parametrize(
    "text, expected",
    [
        ("North Korea has sent thousands of troops to Russia, officials said.", "en"),
        ("北朝鮮はロシアに数千人の兵士を派遣したと当局者が述べた。", "ja"),
        ("Северная Корея направила в Россию тысячи военнослужащих.", "ru"),
        ("북한이 러시아에 수천 명의 병력을 파병했다고 당국자가 밝혔다.", "ko"),
        ("Північна Корея надіслала до Росії тисячі військових, заявили в розвідці.", "uk"),
    ],
)
def test_language_of_a_sentence(text, expected):
    assert detect_language(text) == expected


def test_one_foreign_word_does_not_change_an_english_text():
    assert detect_language("The treaty, known in Japanese as 包括的戦略パートナーシップ, was signed in June.") == "en"


@pytest.mark.parametrize("text", ["", "   ", "OK", "12 34"])
def test_too_little_text_is_undetermined(text):
    assert detect_language(text, default="und") == "und"


def test_a_regional_variety_is_read_as_its_language():
    """Modern Standard Arabic news that the n-gram model scores as Moroccan Arabic ("ary") is Arabic,
    so the Arabic date and attribution grammar reads it."""
    assert detect_language("يوم الجمعة الماضي، ضرب زلزال بقوة 7.7 درجات وسط البلاد.") == "ar"
