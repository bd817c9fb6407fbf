"""Pasted pages in Japanese, Korean, Russian and Chinese are cleaned like English ones.

Realistic hand-made pages (menu, headline, date line, share buttons, 5-6
paragraphs, related list, ranking, copyright): the body keeps every
paragraph, the furniture is removed, the title is the headline, and the
ingest path stores the article. Japanese and Chinese are written without spaces, so the
cleaner measures it in characters (sig.word_count); Korean spaces its words
but ends sentences in "다."; Russian is checked so Cyrillic stays covered.
"""

from __future__ import annotations

import pytest

from lib.core.errors import BadInputError
from lib.core.settings import load_settings
from lib.ingest.extract import signals as sig
from lib.ingest.extract.text import clean_page_text
from lib.ingest.pipeline import build_article

JA_PAGE = """メインコンテンツへ移動
ニュース
政治
経済
国際
社会
スポーツ
ログイン
北朝鮮兵、ロシア西部クルスク州に展開か　韓国情報機関が分析
2024年10月25日 18時30分
国際
シェア
ポスト
韓国の情報機関、国家情報院は25日、ロシアに派遣された北朝鮮の兵士の一部がウクライナと国境を接するロシア西部のクルスク州に移動した可能性があると明らかにしました。国家情報院によりますと、北朝鮮はこれまでにおよそ3000人の兵士をロシアに送ったということです。
兵士たちはロシア極東のウラジオストク周辺の訓練施設で、ロシア軍の装備の使い方などの訓練を受けているとみられます。国家情報院は、12月までに合わせて1万人規模が派遣される見通しだとしています。
ロシアと北朝鮮は、ことし6月にプーチン大統領がピョンヤンを訪問した際、包括的戦略パートナーシップ条約に署名しました。条約には、一方が武力侵攻を受けた場合、もう一方が軍事援助を行うことが盛り込まれています。
これについて、林官房長官は記者会見で「ロシアと北朝鮮の軍事協力の進展は、わが国を含む地域の安全保障に重大な影響を与えかねず、深刻に懸念している」と述べました。そのうえで、アメリカや韓国と緊密に連携して対応する考えを示しました。
一方、ロシア大統領府のペスコフ報道官は、北朝鮮兵の派遣について「条約に基づく両国の主権的な問題だ」と述べ、詳細には言及しませんでした。ウクライナのゼレンスキー大統領は、北朝鮮兵が近く戦闘に加わるおそれがあると警告しています。
専門家は、北朝鮮が見返りにロシアから軍事技術の提供を受ける可能性があると指摘しています。日本政府は、情報収集と分析を急ぐ方針です。
関連記事
北朝鮮 ロシアに弾薬供与か　衛星画像で分析
プーチン大統領 24年ぶりに北朝鮮訪問
日ロ関係 冷え込み続く
この記事を共有する
ランキング
1位 円相場 一時1ドル152円台
2位 衆院選 あす投開票
Copyright 2024 Example News. All rights reserved.
"""

KO_PAGE = """전체메뉴
뉴스
정치
경제
사회
국제
로그인
구독
국정원 "북한군 일부 쿠르스크 이동 추정"
입력 2024.10.25 18:30
수정 2024.10.25 19:02
김민수 기자
공유
국가정보원은 25일 러시아에 파병된 북한군 일부가 우크라이나와 국경을 맞댄 러시아 서부 쿠르스크 지역으로 이동한 것으로 추정된다고 밝혔다. 국정원에 따르면 북한은 지금까지 약 3천 명의 병력을 러시아에 보낸 것으로 파악됐다.
이들은 블라디보스토크 인근 훈련시설에서 러시아군 장비 사용법 등을 교육받고 있는 것으로 알려졌다. 국정원은 12월까지 모두 1만 명 규모가 파병될 것으로 내다봤다.
러시아와 북한은 지난 6월 푸틴 대통령의 평양 방문 때 포괄적 전략적 동반자 관계 조약을 체결했다. 조약에는 한쪽이 무력 침공을 받으면 다른 쪽이 군사 원조를 제공한다는 내용이 담겼다.
일본 정부도 우려를 표명했다. 하야시 요시마사 관방장관은 기자회견에서 "러시아와 북한의 군사협력 진전은 지역 안보에 중대한 영향을 미칠 수 있어 깊이 우려한다"고 말했다.
크렘린궁 페스코프 대변인은 북한군 파병에 대해 "조약에 근거한 양국의 주권적 문제"라며 구체적인 언급을 피했다. 젤렌스키 우크라이나 대통령은 북한군이 곧 전투에 투입될 수 있다고 경고했다.
관련기사
북한, 러시아에 포탄 수백만 발 제공 의혹
푸틴, 24년 만에 평양 방문
많이 본 뉴스
1 환율 1400원 돌파
2 수능 D-20
Copyright © 2024 Example News. All rights reserved.
"""

RU_PAGE = """Главная
Новости
Политика
Экономика
В мире
Общество
Войти
Разведка Южной Кореи: часть северокорейских военных переброшена в Курскую область
25 октября 2024, 18:30
Поделиться
Национальная служба разведки Южной Кореи в пятницу заявила, что часть направленных в Россию северокорейских военных, вероятно, переброшена в Курскую область. По данным ведомства, КНДР уже отправила в Россию около трёх тысяч военнослужащих.
Военные проходят подготовку на полигонах в районе Владивостока, где их обучают обращению с российским оружием. В разведке считают, что к декабрю численность контингента может достичь десяти тысяч человек.
В июне Россия и КНДР подписали договор о всеобъемлющем стратегическом партнёрстве во время визита Владимира Путина в Пхеньян. Договор предусматривает взаимную военную помощь в случае агрессии против одной из сторон.
Генсек кабмина Японии Ёсимаса Хаяси заявил, что развитие военного сотрудничества России и КНДР вызывает «серьёзную обеспокоенность» Токио. Он добавил, что Япония будет действовать в тесной координации с США и Южной Кореей.
Пресс-секретарь Кремля Дмитрий Песков назвал вопрос суверенным делом двух стран и отказался от подробных комментариев.
Читайте также
КНДР могла передать России миллионы снарядов
Путин впервые за 24 года посетил Пхеньян
Самое читаемое
Курс доллара превысил 100 рублей
© 2024 Example News. Все права защищены.
"""

ZH_PAGE = """首页
新闻
国际
体育
登录
韩国情报机构称朝鲜士兵已部署至俄罗斯库尔斯克州
2024年10月25日 18:30
分享
韩国国家情报院25日表示，被派往俄罗斯的部分朝鲜士兵可能已转移至与乌克兰接壤的俄罗斯西部库尔斯克州。据国情院介绍，朝鲜迄今已向俄罗斯派遣约3000名士兵。
这些士兵正在俄罗斯远东符拉迪沃斯托克附近的训练设施接受俄军装备使用等训练。国情院预计，到12月派遣规模将达到约1万人。
俄罗斯和朝鲜今年6月在普京总统访问平壤期间签署了全面战略伙伴关系条约。条约规定，一方遭受武装侵略时，另一方应提供军事援助。
日本内阁官房长官林芳正在记者会上表示，俄朝军事合作的进展可能对地区安全造成重大影响，日方对此深表关切。
相关新闻
朝鲜被指向俄罗斯提供大量炮弹
普京时隔24年访问朝鲜
版权所有 © 2024 Example News
"""

PAGES = {"ja": JA_PAGE, "ko": KO_PAGE, "ru": RU_PAGE, "zh": ZH_PAGE}

HEADLINES = {
    "ja": "北朝鮮兵、ロシア西部クルスク州に展開か 韓国情報機関が分析",  # the full-width space is normalised
    "ko": '국정원 "북한군 일부 쿠르스크 이동 추정"',
    "ru": "Разведка Южной Кореи: часть северокорейских военных переброшена в Курскую область",
    "zh": "韩国情报机构称朝鲜士兵已部署至俄罗斯库尔斯克州",
}

# (language, the start of a paragraph that must be in the body): first, middle and last paragraphs.
PARAGRAPHS = [
    ("ja", "韓国の情報機関、国家情報院は25日"),
    ("ja", "ロシアと北朝鮮は、ことし6月にプーチン大統領がピョンヤンを訪問した際"),
    ("ja", "これについて、林官房長官は記者会見で"),
    ("ja", "専門家は、北朝鮮が見返りにロシアから軍事技術の提供を受ける可能性があると指摘しています。"),
    ("ko", "국가정보원은 25일 러시아에 파병된 북한군 일부가"),
    ("ko", "러시아와 북한은 지난 6월 푸틴 대통령의 평양 방문 때"),
    ("ko", "크렘린궁 페스코프 대변인은 북한군 파병에 대해"),
    ("ru", "Национальная служба разведки Южной Кореи в пятницу заявила"),
    ("ru", "В июне Россия и КНДР подписали договор"),
    ("ru", "Пресс-секретарь Кремля Дмитрий Песков назвал вопрос суверенным делом"),
    ("zh", "韩国国家情报院25日表示"),
    ("zh", "日本内阁官房长官林芳正在记者会上表示"),
]

# (language, a furniture line, the kind it must be removed as, or None for any kind)
FURNITURE = [
    ("ja", "メインコンテンツへ移動", "navigation"),
    ("ja", "シェア", "navigation"),
    ("ja", "ポスト", "navigation"),
    ("ja", "2024年10月25日 18時30分", "metadata"),
    ("ja", "関連記事", "related"),
    ("ja", "プーチン大統領 24年ぶりに北朝鮮訪問", "related"),
    ("ja", "1位 円相場 一時1ドル152円台", None),
    ("ja", "Copyright 2024 Example News. All rights reserved.", "credit"),
    ("ko", "전체메뉴", "navigation"),
    ("ko", "입력 2024.10.25 18:30", "metadata"),
    ("ko", "김민수 기자", "credit"),
    ("ko", "공유", "navigation"),
    ("ko", "관련기사", "related"),
    ("ko", "푸틴, 24년 만에 평양 방문", "related"),
    ("ko", "Copyright © 2024 Example News. All rights reserved.", "credit"),
    ("ru", "Главная", "navigation"),
    ("ru", "25 октября 2024, 18:30", "metadata"),
    ("ru", "Поделиться", "navigation"),
    ("ru", "Читайте также", "related"),
    ("ru", "Путин впервые за 24 года посетил Пхеньян", "related"),
    ("ru", "© 2024 Example News. Все права защищены.", "credit"),
    ("zh", "首页", "navigation"),
    ("zh", "分享", "navigation"),
    ("zh", "2024年10月25日 18:30", "metadata"),
    ("zh", "相关新闻", "related"),
    ("zh", "普京时隔24年访问朝鲜", "related"),
    ("zh", "版权所有 © 2024 Example News", "credit"),
]


def _body(language: str) -> str:
    return "\n".join(clean_page_text(PAGES[language]).paragraphs)


@pytest.mark.parametrize("language", sorted(PAGES))
def test_title_is_the_headline_not_the_first_paragraph(language):
    extraction = clean_page_text(PAGES[language])
    assert extraction.title == HEADLINES[language]
    assert extraction.title not in extraction.paragraphs


@pytest.mark.parametrize("language, paragraph_start", PARAGRAPHS)
def test_every_article_paragraph_stays_in_the_body(language, paragraph_start):
    paragraphs = clean_page_text(PAGES[language]).paragraphs
    assert any(paragraph.startswith(paragraph_start) for paragraph in paragraphs), paragraphs


@pytest.mark.parametrize("language", sorted(PAGES))
def test_the_body_is_exactly_the_article_paragraphs(language):
    # Every kept line is a paragraph of the article: long, and ending like a sentence.
    paragraphs = clean_page_text(PAGES[language]).paragraphs
    assert len(paragraphs) == {"ja": 6, "ko": 5, "ru": 5, "zh": 4}[language]
    assert all(sig.ends_like_sentence(paragraph) and sig.word_count(paragraph) >= 15 for paragraph in paragraphs)


@pytest.mark.parametrize("language, line, kind", FURNITURE)
def test_page_furniture_is_removed_with_its_kind(language, line, kind):
    extraction = clean_page_text(PAGES[language])
    assert line not in extraction.paragraphs
    kinds = [block.kind for block in extraction.removed if block.text == line]
    assert kinds, f"{line!r} is not among the removed blocks"
    if kind is not None:
        assert kinds[0] == kind


@pytest.mark.parametrize("language", sorted(PAGES))
def test_pasted_page_is_stored_with_its_language_and_sentences(tmp_path, language):
    article = build_article(f"{language}.txt", PAGES[language].encode("utf-8"), load_settings(tmp_path))
    assert article.language == language
    assert article.title == HEADLINES[language]
    assert "Example News" not in article.body and "2024年10月25日" not in article.body
    assert len(article.sentences) >= 7
    assert all(article.body[s.start : s.end] == s.text for s in article.sentences)


def test_japanese_page_of_menus_only_is_refused_with_a_clear_message(tmp_path):
    # Menus, a related list and a ranking, but not one sentence of an article.
    lines = ["ニュース", "政治", "経済", "国際", "社会", "スポーツ", "ログイン", "関連記事"]
    lines += ["北朝鮮 ロシアに弾薬供与か 衛星画像で分析", "プーチン大統領 24年ぶりに北朝鮮訪問", "日ロ関係 冷え込み続く"]
    lines += ["ランキング", "1位 円相場 一時1ドル152円台", "2位 衆院選 あす投開票", "この記事を共有する"]
    menu_only = "\n".join(lines)
    with pytest.raises(BadInputError, match="no article text was found"):
        build_article("menu.txt", menu_only.encode("utf-8"), load_settings(tmp_path))


# -- script-aware measures -------------------------------------------------------------------
@pytest.mark.parametrize(
    "line, expected",
    [
        ("North Korea sent troops to Russia.", 6),
        ("国際", 1),
        ("ニュース", 2),
        ("韓国の情報機関、国家情報院は25日、明らかにしました。", 12),  # 22 kana/kanji -> 11, plus "25"
        ("국정원 북한군 일부 쿠르스크 이동 추정", 6),  # Korean spaces its words
        ("Северная Корея направит рабочих", 4),
    ],
)
def test_word_count_measures_unspaced_scripts_in_characters(line, expected):
    assert sig.word_count(line) == expected


@pytest.mark.parametrize(
    "line, ends",
    [
        ("林官房長官は「深刻に懸念している」と述べました。", True),
        ("「深刻に懸念している。」", True),
        ("本当ですか？", True),
        ("일본 정부도 우려를 표명했다.", True),
        ("北朝鮮兵、ロシア西部クルスク州に展開か", False),
        ("関連記事", False),
    ],
)
def test_cjk_final_punctuation_ends_a_sentence(line, ends):
    assert sig.ends_like_sentence(line) is ends


def test_cjk_sentences_are_counted_without_spaces():
    assert sig.sentence_count("両国は署名しました。条約は発効しました。専門家は懸念しています。") == 3
    assert sig.sentence_count("両国は署名しました。") == 1


def test_headline_and_paragraph_of_the_same_story_share_cjk_content_tokens():
    headline = sig.content_tokens("北朝鮮兵、ロシア西部クルスク州に展開か")
    paragraph = sig.content_tokens("北朝鮮の兵士の一部がロシア西部のクルスク州に移動しました。")
    unrelated = sig.content_tokens("円相場 一時1ドル152円台")
    assert len(headline & paragraph) >= 5
    assert not headline & unrelated


def test_thai_prose_is_read_although_thai_spaces_sentences_not_words():
    from lib.ingest.extract.text import clean_page_text

    paragraphs = [
        "เจ้าหน้าที่กู้ภัยยังคงค้นหาผู้รอดชีวิตในซากอาคารที่ถล่มลงมา หลังเกิดแผ่นดินไหวครั้งใหญ่ในเมียนมาเมื่อวันศุกร์ที่ผ่านมา",
        "รัฐบาลไทยประกาศว่าจะตรวจสอบมาตรฐานความปลอดภัยของอาคารสูงทุกแห่งในกรุงเทพมหานคร เพื่อป้องกันไม่ให้เกิดเหตุซ้ำ",
        "นายกรัฐมนตรีเดินทางไปตรวจพื้นที่และให้กำลังใจเจ้าหน้าที่ที่ทำงานตลอดทั้งคืน พร้อมสั่งการให้เร่งช่วยเหลือผู้ประสบภัย",
        "ผู้เชี่ยวชาญด้านวิศวกรรมระบุว่า การสอบสวนสาเหตุของการถล่มอาจต้องใช้เวลาหลายเดือน ก่อนจะสรุปผลได้อย่างชัดเจน",
    ]
    page = (
        "ข่าวเด่น\nหน้าแรก  ข่าว  กีฬา  บันเทิง\n\nกู้ภัยเร่งค้นหาผู้รอดชีวิตจากตึกถล่ม\n\n"
        + "\n\n".join(paragraphs)
        + "\n\nข่าวที่เกี่ยวข้อง\nราคาทองวันนี้ปรับขึ้น\n"
    )
    extraction = clean_page_text(page)
    assert extraction.title == "กู้ภัยเร่งค้นหาผู้รอดชีวิตจากตึกถล่ม"
    assert list(extraction.paragraphs) == paragraphs
    assert any(block.kind == "related" and block.text == "ข่าวที่เกี่ยวข้อง" for block in extraction.removed)


def test_a_chinese_page_logo_above_its_menu_is_not_the_headline():
    from lib.ingest.extract.text import clean_page_text

    page = (
        "香港新聞網\n首頁 | 即時 | 兩岸 | 國際 | 財經\n\n緬甸強震遇難人數升至2056人\n\n2025-04-01 10:22 | 稿件來源:香港新聞網\n\n"
        "香港新聞網4月1日電 緬甸軍政府宣布，強烈地震造成的遇難人數已升至2056人，另有3900多人受傷，270人失蹤。\n\n"
        "救援人員仍在曼德勒等地的廢墟中搜尋倖存者，多國救援隊已抵達災區。\n\n"
        "中國駐緬甸使館表示，已有3名中國公民在地震中遇難。\n\n【編輯:王小明】\n相關新聞\n泰國曼谷在建大樓倒塌事故搜救持續\n分享到：\n"
    )
    extraction = clean_page_text(page)
    assert extraction.title == "緬甸強震遇難人數升至2056人"
    assert extraction.paragraphs[-1] == "中國駐緬甸使館表示，已有3名中國公民在地震中遇難。"


def test_french_related_heading_and_comment_counter_end_the_article():
    from lib.ingest.extract.text import clean_page_text

    page = (
        "Le Quotidien d'Oran\nAccueil  Monde  Économie  Sport  Culture\n\nSéisme au Myanmar : le bilan dépasse les 3 000 morts\n\n"
        "Le bilan du séisme qui a frappé le centre du Myanmar vendredi dernier a dépassé les 3 000 morts, selon la junte militaire.\n\n"
        "Les secours continuent de fouiller les décombres à Mandalay, la région la plus touchée, où des milliers de bâtiments se sont effondrés.\n\n"
        "À lire aussi\nInondations : l'Algérie déploie des renforts\n\nCommentaires (2)\nKarim · il y a 3 heures\nSolidarité avec le peuple birman.\n"
    )
    extraction = clean_page_text(page)
    assert len(extraction.paragraphs) == 2
    kinds = {block.text: block.kind for block in extraction.removed}
    assert kinds["À lire aussi"] == "related" and kinds["Commentaires (2)"] == "comment"


# French and German pages whose furniture sits between the paragraphs: a follow prompt, a photo
# credit, a newsletter sign-up, an AI notice and a "most read" heading, in the page's own language.
FR_FURNITURE_PAGE = """Le Monde Exemple
Accueil
International
Un séisme de magnitude 6,1 frappe le centre du pays, des milliers de sinistrés
Publié le 12 mars 2024 à 10h12
Suivez-nous sur Twitter
Un séisme de magnitude 6,1 a frappé mardi matin le centre du pays, a annoncé l'institut géologique national, qui a fait état de nombreux dégâts dans plusieurs villes de la région.
Crédit photo : AFP
Les secours sont mobilisés depuis l'aube pour dégager les habitants pris sous les décombres, selon le ministère de l'intérieur, qui a dépêché plusieurs centaines de sauveteurs sur place.
Inscrivez-vous à notre newsletter quotidienne pour recevoir l'essentiel de l'actualité chaque matin.
Les autorités ont ouvert des centres d'hébergement d'urgence dans les écoles et les gymnases, et appellent la population à la prudence face aux répliques attendues dans les prochains jours.
Le gouvernement a promis une aide rapide aux familles touchées et annoncé une réunion de crise dans l'après-midi, a indiqué le porte-parole lors d'une conférence de presse.
Ce résumé est généré par IA et relu par la rédaction.
Les plus lus
Un autre article sans rapport
© 2024 Le Monde Exemple
"""
DE_FURNITURE_PAGE = """Tagesblatt
Startseite
Politik
Ein schweres Erdbeben erschüttert die Region, Tausende Menschen obdachlos
Veröffentlicht am 12.03.2024
Folgen Sie uns auf Instagram
Ein Erdbeben der Stärke 6,1 hat am Dienstagmorgen das Zentrum des Landes erschüttert, wie das nationale geologische Institut mitteilte, das von zahlreichen Schäden in mehreren Städten berichtete.
Bildquelle: dpa
Die Rettungskräfte sind seit dem Morgengrauen im Einsatz, um Bewohner aus den Trümmern zu befreien, teilte das Innenministerium mit, das mehrere hundert Helfer entsandt hat.
Jetzt unseren Newsletter abonnieren und täglich informiert bleiben.
Die Behörden haben in Schulen und Turnhallen Notunterkünfte eingerichtet und rufen die Bevölkerung angesichts der erwarteten Nachbeben in den kommenden Tagen zur Vorsicht auf.
Die Regierung versprach den betroffenen Familien schnelle Hilfe und kündigte für den Nachmittag eine Krisensitzung an, sagte der Sprecher auf einer Pressekonferenz.
Dieser Artikel wurde mit KI erstellt und von der Redaktion geprüft.
Lesen Sie auch
Ein anderer Artikel ohne Bezug
© 2024 Tagesblatt
"""


@pytest.mark.parametrize("page", [FR_FURNITURE_PAGE, DE_FURNITURE_PAGE], ids=["fr", "de"])
def test_follow_newsletter_credit_and_ai_lines_leave_the_body_in_the_pages_language(page):
    paragraphs = clean_page_text(page).paragraphs
    assert len(paragraphs) == 4
    assert all(sig.ends_like_sentence(paragraph) and sig.word_count(paragraph) >= 20 for paragraph in paragraphs)


@pytest.mark.parametrize(
    "predicate, line",
    [
        (sig.is_caption, "Crédit photo : AFP"),
        (sig.is_caption, "（图片来源：新华社）"),
        (sig.is_caption, "사진 제공=국방부"),
        (sig.is_caption, "ภาพ: รอยเตอร์"),
        (sig.is_promo, "Suivez-nous sur Twitter"),
        (sig.is_promo, "メルマガ登録はこちら"),
        (sig.is_promo, "뉴스레터를 받아보세요"),
        (sig.is_promo, "关注我们的微信公众号"),
        (sig.is_promo, "Подпишитесь на наш канал"),
        (sig.is_related_marker, "Lesen Sie auch"),
        (sig.is_related_marker, "相关报道"),
        (sig.is_related_marker, "Berita Terkait"),
        (sig.is_disclaimer, "Dieser Artikel wurde mit KI erstellt"),
        (sig.is_disclaimer, "AI 요약"),
    ],
)
def test_furniture_lexicons_cover_the_apps_languages(predicate, line):
    assert predicate(line)


def test_article_prose_is_not_read_as_those_prompts():
    assert not sig.is_caption("他在图书馆里工作了三十年。")
    assert not sig.is_promo("Der Konzern will seine Kunden mit neuen Angeboten überzeugen.")


# Chinese, Japanese and French pages with share labels ending in a full-width colon, WeChat
# follow prompts, "continue reading" links and paywall notices between the paragraphs.
ZH_FURNITURE_PAGE = """新华网
首页
国际
缅甸发生强烈地震 救援工作正在进行
2025年03月29日 10:15:32 来源：新华社
分享到：
新华社仰光3月29日电 缅甸中部28日发生强烈地震，造成大量建筑物倒塌，当地政府已宣布多个地区进入紧急状态，救援人员正在废墟中搜寻幸存者。
图为救援人员在倒塌的建筑物旁工作。（图片来源：新华社）
据当地媒体报道，地震造成的死亡人数仍在上升，多家医院已经人满为患，当局呼吁民众献血并为受灾地区提供援助。
扫一扫，关注新华网微信公众号
国际社会纷纷表示愿意提供援助，多个国家已经派出救援队伍和医疗人员前往灾区，帮助当地开展搜救和医疗救治工作。
专家表示，余震可能持续数周，提醒当地居民远离受损建筑，注意人身安全，并听从当地政府的安排和指引。
（完）
责任编辑：王明
【纠错】
相关新闻
另一篇无关的新闻标题
返回顶部
"""
JA_FURNITURE_PAGE = """共同通信
トップ
国際
ミャンマーで大地震、死者多数　救助活動続く
2025年3月29日 10時15分
この記事をシェアする
【バンコク共同】ミャンマー中部で28日、強い地震があり、多くの建物が倒壊した。地元当局は複数の地域に非常事態を宣言し、救助隊ががれきの中で生存者の捜索を続けている。
写真：倒壊した建物の前で作業する救助隊員（ロイター）
地元メディアによると、死者数は増え続けており、病院は負傷者であふれている。当局は市民に献血を呼びかけ、被災地への支援を求めている。
続きを読む
国際社会は支援の意向を相次いで表明しており、複数の国が救助隊や医療チームを被災地に派遣した。専門家は余震が数週間続く恐れがあると警告している。
当局は住民に対し、損傷した建物に近づかないよう呼びかけ、安全の確保を最優先にするよう求めている。
（共同）
記事の感想をお寄せください
関連記事
無関係な別の記事の見出し
"""
FR_PAYWALL_PAGE = """Le Quotidien
Accueil
Monde
Séisme en Birmanie : le bilan s'alourdit, les secours à pied d'œuvre
Par AFP
Publié le 29 mars 2025 à 10h15
Partager
Un puissant séisme a frappé vendredi le centre de la Birmanie, provoquant l'effondrement de nombreux bâtiments, et les autorités ont décrété l'état d'urgence dans plusieurs régions du pays.
© AFP
Selon les médias locaux, le bilan ne cesse de s'alourdir et les hôpitaux sont débordés, tandis que les autorités appellent la population à donner son sang pour venir en aide aux blessés.
Article réservé aux abonnés
La communauté internationale a proposé son aide et plusieurs pays ont déjà envoyé des équipes de secours et du personnel médical dans les zones sinistrées du centre du pays.
Les experts mettent en garde contre des répliques qui pourraient durer plusieurs semaines et appellent les habitants à se tenir éloignés des bâtiments endommagés.
À lire également
Un autre article sans rapport
Réagir
"""


@pytest.mark.parametrize(
    "page, furniture",
    [
        (ZH_FURNITURE_PAGE, ["分享到：", "扫一扫，关注新华网微信公众号"]),
        (JA_FURNITURE_PAGE, ["続きを読む", "この記事をシェアする"]),
        (FR_PAYWALL_PAGE, ["Article réservé aux abonnés", "Partager"]),
    ],
    ids=["zh", "ja", "fr"],
)
def test_share_follow_and_paywall_lines_leave_the_body(page, furniture):
    paragraphs = clean_page_text(page).paragraphs
    assert not set(furniture) & set(paragraphs)
    assert sum(sig.word_count(paragraph) >= 20 for paragraph in paragraphs) == 4  # the four article paragraphs stay


# Korean and Thai pages with share and follow prompts, photo credits and related headings.
KO_FURNITURE_PAGE = """한국일보
전체메뉴
국제
미얀마 강진 사망자 급증… 구조 작업 난항
입력 2025.03.29 10:15
이 기사를 공유합니다
미얀마 중부에서 28일 강력한 지진이 발생해 많은 건물이 무너졌으며, 현지 당국은 여러 지역에 비상사태를 선포하고 구조대가 잔해 속에서 생존자를 찾고 있다.
[사진 출처=로이터 연합뉴스]
현지 언론에 따르면 사망자 수는 계속 늘고 있으며 병원들은 부상자로 가득 차 있고, 당국은 시민들에게 헌혈을 호소하며 피해 지역에 대한 지원을 요청했다.
카카오톡 채널 추가하고 최신 뉴스 받아보세요
국제사회는 잇따라 지원 의사를 밝혔고 여러 나라가 구조대와 의료진을 피해 지역에 파견해 현지의 수색과 구조 활동을 돕고 있다.
전문가들은 여진이 몇 주간 이어질 수 있다고 경고하며 주민들에게 손상된 건물에서 멀리 떨어져 안전을 최우선으로 하라고 당부했다.
기사제보 및 보도자료 news@example.co.kr
관련기사
다른 기사 제목
"""
TH_FURNITURE_PAGE = """ไทยรัฐออนไลน์
หน้าแรก
ต่างประเทศ
แผ่นดินไหวรุนแรงในเมียนมา ผู้เสียชีวิตเพิ่มขึ้น
29 มี.ค. 2568 10:15 น.
แชร์
แผ่นดินไหวรุนแรงเกิดขึ้นในภาคกลางของเมียนมาเมื่อวันที่ 28 มีนาคม ทำให้อาคารจำนวนมากพังถล่ม เจ้าหน้าที่ท้องถิ่นประกาศภาวะฉุกเฉินในหลายพื้นที่ และหน่วยกู้ภัยกำลังค้นหาผู้รอดชีวิตในซากปรักหักพัง
ภาพ: รอยเตอร์
สื่อท้องถิ่นรายงานว่ายอดผู้เสียชีวิตยังคงเพิ่มขึ้นอย่างต่อเนื่อง โรงพยาบาลหลายแห่งเต็มไปด้วยผู้บาดเจ็บ และเจ้าหน้าที่ได้เรียกร้องให้ประชาชนบริจาคโลหิตเพื่อช่วยเหลือผู้บาดเจ็บ
ติดตามข่าวสารล่าสุดได้ที่ LINE
ประชาคมระหว่างประเทศแสดงความพร้อมที่จะให้ความช่วยเหลือ หลายประเทศได้ส่งทีมกู้ภัยและบุคลากรทางการแพทย์ไปยังพื้นที่ประสบภัยเพื่อช่วยเหลือการค้นหาและรักษาผู้บาดเจ็บ
ผู้เชี่ยวชาญเตือนว่าอาฟเตอร์ช็อกอาจเกิดขึ้นต่อเนื่องหลายสัปดาห์ และขอให้ประชาชนอยู่ห่างจากอาคารที่ได้รับความเสียหายเพื่อความปลอดภัย
ข่าวที่เกี่ยวข้อง
ข่าวอื่นที่ไม่เกี่ยวข้อง
"""


def test_korean_share_and_channel_prompts_leave_the_body():
    paragraphs = clean_page_text(KO_FURNITURE_PAGE).paragraphs
    assert "이 기사를 공유합니다" not in paragraphs and "카카오톡 채널 추가하고 최신 뉴스 받아보세요" not in paragraphs
    assert len(paragraphs) == 4


def test_a_thai_article_is_read_in_its_own_script_not_as_another_language():
    # Thai counts as an unspaced script: its lines are not "another script" than a Thai body
    # (before: every Thai line was, and the first paragraphs were lost with the follow prompt).
    extraction = clean_page_text(TH_FURNITURE_PAGE)
    assert len(extraction.paragraphs) == 4
    assert extraction.paragraphs[0].startswith("แผ่นดินไหวรุนแรงเกิดขึ้น")
    assert "ติดตามข่าวสารล่าสุดได้ที่ LINE" not in extraction.paragraphs
    assert not any("other language" in block.reason for block in extraction.removed if block.text.startswith("ประชาคม"))


def test_a_thai_section_label_above_the_headline_is_not_the_title():
    # "ต่างประเทศ" (International) shares letter pairs with the article as a headline does, but
    # ten Thai letters are one word: a label; the headline is the long line by the date.
    assert clean_page_text(TH_FURNITURE_PAGE).title == "แผ่นดินไหวรุนแรงในเมียนมา ผู้เสียชีวิตเพิ่มขึ้น"


@pytest.mark.parametrize(
    "line",
    ["Share on Facebook", "Partager sur Facebook", "Auf Facebook teilen", "Per E-Mail teilen", "この記事をシェア", "Xでシェア",
     "LINEで送る", "페이스북 공유", "แชร์ไปยัง Facebook", "Поделиться в Telegram", "分享到微信"],
)
def test_a_share_buttons_label_is_a_menu_label_in_every_language(line):
    assert sig.is_nav_word(line) and sig.line_shape(line).nav


@pytest.mark.parametrize("line", ["He shared the post on Facebook.", "Facebook said it would share the data with regulators.", "페이스북은 데이터를 공유했다고 밝혔다."])
def test_a_sentence_about_sharing_is_not_a_share_label(line):
    assert not sig.is_nav_word(line)


@pytest.mark.parametrize("language", ["ja", "ko"])
def test_share_labels_in_the_pages_language_leave_the_body(language):
    share = {"ja": "この記事をシェア", "ko": "페이스북 공유"}[language]
    page = PAGES[language].replace("\n", f"\n{share}\n", 1)
    page = page.rstrip("\n") + f"\n{share}\n"
    extraction = clean_page_text(page)
    assert share not in "\n".join(extraction.paragraphs)
    assert extraction.paragraphs == clean_page_text(PAGES[language]).paragraphs


# One related link (its headline on the same line) and a photo credit between two paragraphs:
# both leave the body, and the article goes on after them (the link is not a closing heading).
INLINE_FURNITURE = {
    "ja": ["【関連記事】北朝鮮兵の派遣、専門家はどう見るか", "（写真：ロイター／アフロ）"],
    "ko": ["▶ 관련기사: 북한군 파병, 전문가들은 어떻게 보나", "[사진 출처 = 로이터]"],
    "ru": ["Читайте также: Что известно о военных КНДР в России", "Фото: Reuters"],
    "zh": ["相关阅读：朝鲜士兵赴俄，专家怎么看", "点击关注"],
}


@pytest.mark.parametrize("language", sorted(INLINE_FURNITURE))
def test_a_related_link_between_paragraphs_leaves_the_body_without_ending_the_article(language):
    clean = clean_page_text(PAGES[language]).paragraphs
    page = PAGES[language].replace(clean[1], clean[1] + "\n" + "\n".join(INLINE_FURNITURE[language]), 1)
    extraction = clean_page_text(page)
    assert extraction.paragraphs == clean
    kinds = {block.text: block.kind for block in extraction.removed}
    assert kinds[INLINE_FURNITURE[language][0]] == "related"


@pytest.mark.parametrize("line", ["À lire aussi : Les survivants racontent", "Lesen Sie auch: Überlebende berichten",
                                  "อ่านข่าวที่เกี่ยวข้อง : ผู้รอดชีวิตเล่าเหตุการณ์", "Читайте також: Що відомо"])
def test_a_related_link_is_read_in_the_apps_languages_but_a_sentence_is_not(line):
    assert sig.is_related_link(line) and sig.is_related_marker(line)
    assert not sig.is_related_link("See also the earlier report on the treaty.")


@pytest.mark.parametrize(
    "predicate, line",
    [
        (sig.is_nav_word, "Écouter cet article"),
        (sig.is_nav_word, "Artikel anhören"),
        (sig.is_nav_word, "記事を保存"),
        (sig.is_nav_word, "글자크기 설정"),
        (sig.is_nav_word, "次のページへ"),
        (sig.is_nav_word, "Zur Startseite"),
        (sig.is_nav_word, "แท็ก"),
        (sig.is_promo, "Vous avez lu 3 articles ce mois-ci"),
        (sig.is_promo, "会員登録で続きが読めます"),
        (sig.is_promo, "打开APP阅读"),
        (sig.is_promo, "Нашли ошибку? Выделите её и нажмите Ctrl+Enter"),
        (sig.is_related_marker, "Новости партнеров"),
        (sig.is_caption, "Image caption, Rescuers search the rubble"),
        (sig.is_caption, "写真はイメージです"),
        (sig.is_caption, "この記事の写真を見る"),
        (sig.is_caption, "ขอบคุณข้อมูลจาก รอยเตอร์"),
    ],
)
def test_audio_save_paging_paywall_and_caption_lines_are_furniture_in_the_apps_languages(predicate, line):
    assert predicate(line)


@pytest.mark.parametrize("line", ["写真を見ると、倒壊した建物の様子が分かる。", "Sie haben 3 Stunden gewartet, bis die Retter kamen.", "Партнеры компании подписали соглашение."])
def test_prose_that_shares_a_word_with_those_lines_is_not_furniture(line):
    assert not (sig.is_nav_word(line) or sig.is_promo(line) or sig.is_caption(line) or sig.is_related_marker(line))


@pytest.mark.parametrize(
    "predicate, line",
    [
        (sig.is_nav_word, "Video abspielen"),
        (sig.is_nav_word, "動画を再生"),
        (sig.is_nav_word, "视频加载中..."),
        (sig.is_nav_word, "핵심 요약"),
        (sig.is_nav_word, "ประเด็นสำคัญ"),
        (sig.is_date_line, "Lesezeit: 3 Minuten"),
        (sig.is_date_line, "Lecture 2 min."),
        (sig.is_caption, "（ＡＦＰ時事）"),
        (sig.is_caption, "＝ロイター"),
        (sig.is_caption, "新华社记者 王明 摄"),
        (sig.is_caption, "（新华社发）"),
        (sig.is_caption, "来源：央视新闻"),
        (sig.is_caption, "ภาพโดย รอยเตอร์"),
    ],
)
def test_video_reading_time_key_points_and_agency_photo_credits_are_furniture(predicate, line):
    assert predicate(line)


def test_a_chinese_photo_credit_above_the_article_is_not_its_title():
    page = ("新华社记者 王明 摄\n\n缅甸强震遇难人数升至2056人\n\n"
            "缅甸军政府宣布，强烈地震造成的遇难人数已升至2056人，另有3900多人受伤，270人失踪。救援人员仍在曼德勒等地的废墟中搜寻幸存者。\n\n"
            "多国救援队已抵达灾区，联合国呼吁国际社会提供紧急援助。中国驻缅甸使馆表示，已有3名中国公民在地震中遇难。\n")
    extraction = clean_page_text(page)
    assert extraction.title == "缅甸强震遇难人数升至2056人"
    assert "新华社记者 王明 摄" not in "\n".join(extraction.paragraphs)


@pytest.mark.parametrize(
    "page, sentence, published",
    [
        (
            "新华网\n\n缅甸地震救援持续\n\n2025年4月2日 10:30\n\n缅甸中部发生强烈地震后，救援人员继续在曼德勒搜寻幸存者。当地官员表示，死亡人数还在上升。\n\n"
            "政府于2025年3月29日宣布全国进入紧急状态。\n\n多国救援队已经抵达灾区，联合国呼吁国际社会提供更多援助。\n\n责任编辑：王明",
            "政府于2025年3月29日宣布全国进入紧急状态。",
            "2025-04-02",
        ),
        (
            "الجزيرة\n\nزلزال ميانمار\n\n2 أبريل 2025\n\nواصلت فرق الإنقاذ البحث عن ناجين في ماندالاي بعد الزلزال القوي. وقال مسؤولون إن عدد القتلى يرتفع.\n\n"
            "أعلنت الحكومة حالة الطوارئ في 29 مارس 2025.\n\nوصلت فرق إنقاذ دولية إلى المنطقة المنكوبة، ودعت الأمم المتحدة إلى تقديم مزيد من المساعدات.",
            "أعلنت الحكومة حالة الطوارئ في 29 مارس 2025.",
            "2025-04-02",
        ),
    ],
)
def test_a_short_dated_sentence_stays_in_the_body_and_never_dates_the_page(page, sentence, published, tmp_path):
    article = build_article("page.txt", page.encode("utf-8"), load_settings(tmp_path))
    assert sentence in article.body
    # The page's own date line dates it, not the day its news reports.
    assert (article.published.date, article.published.stated) == (published, True)
