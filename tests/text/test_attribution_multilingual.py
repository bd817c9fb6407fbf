"""Who a sentence credits, in the eight other languages of the coverage sets."""

from __future__ import annotations

import pytest

from lib.text.attribution import attribute


@pytest.mark.parametrize(
    "sentence, language, source",
    [
        ("韓国の国家情報院によると、派遣された兵士は約3000人に上る。", "ja", "韓国の国家情報院"),
        ("キム総書記は署名後の共同発表で、両国関係は同盟と呼べる水準に引き上げられたと強調しました。", "ja", "キム総書記"),
        ("条約について林長官は、深刻に憂慮していると述べました。", "ja", "林長官"),
        ("메모에서는 강요한 정황이 드러났다고 국정원은 밝혔습니다.", "ko", "국정원"),
        ("합참에 따르면 북한군 사상자는 1100명으로 추정된다.", "ko", "합참"),
        ("据新华社报道，救援队已抵达灾区。", "zh", "新华社"),
        ("В Кремле сообщили, что Путин пригласил гостя в Москву.", "ru", "В Кремле"),
        ("За даними аналітиків, танкери зайшли до порту 43 рази.", "uk", "аналітиків"),
        ("Laut dem Generalstab sind etwa 1100 Soldaten getötet oder verletzt worden.", "de", "dem Generalstab"),
        ("Die Zahl der Toten steigt weiter, sagte ein Sprecher der Regierung.", "de", "ein Sprecher der Regierung"),
        ("Selon le ministère, 300 personnes sont mortes.", "fr", "le ministère"),
    ],
)
def test_the_speaker_is_words_of_the_sentence(sentence, language, source):
    found = attribute(sentence, language)
    assert found.source == source
    assert found.source in sentence
    assert found.reported_speech


def test_a_pronoun_speaker_is_flagged_for_the_caller_to_resolve():
    found = attribute("По его словам, отношения будут углубляться.", "ru")
    assert found.source == "его" and found.is_pronoun


@pytest.mark.parametrize(
    "sentence, language",
    [
        ("北朝鮮の兵士は訓練を受けているとみられる。", "ja"),
        ("북한군 사상자가 늘어난 것으로 알려졌다.", "ko"),
        ("Angeblich wurden weitere Soldaten verlegt.", "de"),
        ("Il y aurait plus de 300 victimes.", "fr"),
    ],
)
def test_hedged_wording_is_flagged_in_every_language(sentence, language):
    assert attribute(sentence, language).hedged


def test_a_sentence_that_credits_nobody_has_no_source():
    found = attribute("Президент России провел переговоры в Пекине.", "ru")
    assert found.source is None and not found.reported_speech


@pytest.mark.parametrize(
    "sentence, language, source",
    [
        ("На думку експертів і міністра закордонних справ Девіда Леммі, саме так Кремль розраховується з Пхеньяном.", "uk",
         "експертів і міністра закордонних справ Девіда Леммі"),
        ("По мнению аналитиков, поставки продолжатся.", "ru", "аналитиков"),
        ("Nach Einschätzung des Generalstabs sind etwa 1100 Soldaten getötet worden.", "de", "Generalstabs"),
    ],
)
def test_views_credited_to_someone_name_them(sentence, language, source):
    assert attribute(sentence, language).source == source
