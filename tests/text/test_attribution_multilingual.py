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


@pytest.mark.parametrize(
    "sentence, language",
    [
        ("보고에 따르면 북한이 보낸 병력은 1만 5천 명 정도입니다.", "ko"),
        ("報告によると、兵士は約3000人に上る。", "ja"),
        ("Selon les chiffres que le gouvernement a publiés, 300 personnes sont mortes.", "fr"),
        ("Selon ce journal, 300 personnes sont mortes.", "fr"),
        ("Selon le dernier décompte, 300 personnes sont mortes.", "fr"),
        ("Согласно последним данным, погибли 300 человек.", "ru"),
    ],
)
def test_a_bare_generic_noun_for_a_document_or_figure_is_no_source(sentence, language):
    attribution = attribute(sentence, language)
    assert attribution.source is None
    # ... but the sentence still reports what a source said: the timeline's "news of the day" needs that.
    assert attribution.reported_speech


@pytest.mark.parametrize(
    "sentence, language, source",
    [
        ("15일 마이니치신문 보도에 따르면 쌀 5㎏ 평균 가격은 4316엔으로 올랐다.", "ko", "마이니치신문"),
        ("국정원 보고에 따르면 북한이 보낸 병력은 1만 5천 명이다.", "ko", "국정원"),
        ("国情院の報告によると、兵士は約3000人に上る。", "ja", "国情院"),
        ("Selon le dernier bilan du ministère de la Santé, 300 personnes sont mortes.", "fr", "ministère de la Santé"),
        ("Selon le ministère de la Santé, qui a publié un bilan, 300 personnes sont mortes.", "fr", "le ministère de la Santé"),
    ],
)
def test_a_generic_noun_that_carries_a_name_credits_the_name(sentence, language, source):
    assert attribute(sentence, language).source == source


def test_a_clause_fragment_before_zufolge_credits_the_possessive_for_the_caller_to_resolve():
    found = attribute("Verletzt wurden ihren Angaben zufolge mehr als 700 Menschen.", "de")
    assert found.source == "ihren" and found.is_pronoun
    assert attribute("Den Behörden zufolge wurden 700 Menschen verletzt.", "de").source == "Den Behörden"


def test_a_german_adverb_in_first_place_is_no_speaker():
    found = attribute("Darüber berichtete Südkoreas Nachrichtenagentur Yonhap und berief sich auf den Geheimdienst.", "de")
    assert found.source == "Südkoreas Nachrichtenagentur Yonhap"


@pytest.mark.parametrize(
    "sentence, source",
    [
        # the topic は reports; the subject が of the reported clause does not
        ("韓国の情報機関、国家情報院（国情院）は23日、北朝鮮がロシアに送り出した兵士は約3000人に上るとの分析を示した。", "国家情報院"),
        # the topic between the quotative と and the verb speaks
        ("派兵の対価については、兵士1人当たり月2000ドル程度が支払われると国情院はみている。", "国情院"),
        # a phrase ending in a postposition is no name; the later topic speaks
        ("また、大統領が制裁に異を唱えたことについて林長官は、ロシアが北朝鮮から弾道ミサイルを調達しているとの見方を改めて示しました。", "林長官"),
        ("小泉氏も、需要に応じた生産が基本であることは変わらないとしたうえで、党と足並みをそろえたいと語った。", "小泉氏"),
    ],
)
def test_japanese_speaker_is_the_reporting_topic(sentence, source):
    assert attribute(sentence, "ja").source == source


@pytest.mark.parametrize(
    "sentence",
    [
        # the topic inside the quote is what is said, not who says it
        "そのうえで、2025年産米の買い取り価格が上がる見通しのため、銘柄米の高値は当面続くと指摘している。",
        # a topic whose own clause ends before the comma is that clause's subject
        "なかでも無人機の開発は速いペースで進んでおり、安全保障を大きく揺るがしかねないと警戒を示した。",
        # the subject of a nominalised clause
        "そのうえで、大統領が軍事協力に含みを残したことに触れ、「深刻に憂慮している」と述べました。",
    ],
)
def test_japanese_sentence_omitting_its_speaker_names_none(sentence):
    found = attribute(sentence, "ja")
    assert found.source is None and found.reported_speech


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("국정원은 북한군이 교전에 참여하는 지역이 넓어지고 있다고 설명했습니다.", "국정원"),
        ("국정원은 포로들이 원할 경우 우크라이나 측과 협의하겠다는 방침도 밝혔습니다.", "국정원"),
        ("3월부터는 전투가 뜸해졌다는 게 국정원 판단입니다.", "국정원"),
    ],
)
def test_korean_verb_forms_and_postpositions_are_no_topic(sentence, source):
    assert attribute(sentence, "ko").source == source


def test_korean_sentence_without_a_topic_speaker_names_none():
    found = attribute("피해가 커진 원인으로는 러시아가 북한군을 활용하는 방식을 꼽았습니다.", "ko")
    assert found.source is None and found.reported_speech


@pytest.mark.parametrize(
    "sentence, language, source",
    [
        # the object opens the sentence, the speaker follows the verb
        ("Участие военных КНДР в боях впервые официально подтвердил 26 апреля начальник Генштаба Валерий Герасимов.", "ru",
         "начальник Генштаба Валерий Герасимов"),
        ("Информацию подтвердил в понедельник представитель Пентагона.", "ru", "представитель Пентагона"),
        ("Министр обороны заявил, что войска отошли.", "ru", "Министр обороны"),
        ("Армия России заявила, что отбила атаку.", "ru", "Армия России"),
    ],
)
def test_russian_speaker_is_the_subject_not_a_fronted_object(sentence, language, source):
    assert attribute(sentence, language).source == source


def test_an_adverb_after_a_pronoun_speaker_is_dropped():
    found = attribute("Он также отметил, что связи развиваются.", "ru")
    assert found.source == "Он" and found.is_pronoun


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("김 위원장은 연설에서 유가족들을 따로 만나고 싶었다고 말했다.", "김 위원장"),
        ("국민의힘 이성권 의원과 더불어민주당 박선원 의원은 국정원이 이같이 보고했다고 전했습니다.", "박선원 의원"),
        ("숨진 병사의 메모에서 정황이 드러났다고 국정원은 밝혔습니다.", "국정원"),
    ],
)
def test_korean_title_keeps_the_name_before_it(sentence, source):
    assert attribute(sentence, "ko").source == source
