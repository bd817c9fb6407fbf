"""Evidence, readable in any language, that two reports tell one happening or two.

An embedder that reads one language well places a French and a Japanese sentence about the same
flood far apart, so two reports in different languages of the same day need other evidence
(`merge`): the kind of happening they name (a flood, a quake, a vote …, from a small vocabulary of
general news nouns per language), a figure both give, or a name both write the same way. The kind
is also evidence against: a quake and its aftershock, a vote and a protest of the same day in the
same place are two happenings, whatever their sentences share.

Guarantees: every function is pure and reads only the sentence it is given; no word of one story.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Kinds of happening in general news, by the nouns (and a few verbs) that name them in each language
# the tools read. Latin and Cyrillic entries are word starts (stems: "inondation" holds "inondations",
# "землетрясени" every case), English entries whole words; Japanese, Chinese, Korean and Thai entries
# are found anywhere in the sentence; "_" joins the words of one entry ("put_out"). Kinds that news tell apart on one day are kept apart: a quake
# and its aftershock, a vote and a protest. Rain, floods and storms are one kind (one weather event).
# Words with a second, common sense are left out ("ruling party", "condamné" = condemned, "Feuerpause").
HAPPENING_KINDS: dict[str, dict[str, str]] = {
    "quake": {
        "en": "earthquake earthquakes quake quakes temblor tremor", "fr": "séisme tremblement", "de": "erdbeben beben",
        "es": "terremoto sismo seísmo", "it": "terremot sisma sismi", "pt": "terremoto sismo", "ru": "землетрясени",
        "uk": "землетрус", "ja": "地震", "zh": "地震 强震", "ko": "지진", "th": "แผ่นดินไหว",
    },
    "aftershock": {
        "en": "aftershock aftershocks", "fr": "réplique", "de": "nachbeben", "es": "réplica", "it": "replic assestamento",
        "pt": "réplica", "ru": "афтершок повторный толчок повторные толчки", "uk": "афтершок повторн", "ja": "余震",
        "zh": "余震", "ko": "여진", "th": "อาฟเตอร์ช็อก",
    },
    "weather": {
        "en": "flood floods flooding flooded rain rains rainfall downpour downpours storm storms hurricane typhoon cyclone deluge",
        "fr": "inondation crue pluie pluies orage tempête ouragan typhon cyclone déluge",
        "de": "hochwasser überschwemmung flut fluten regen unwetter starkregen sturm stürme orkan taifun hurrikan",
        "es": "inundaci riada lluvia lluvias tormenta huracán tifón ciclón dana", "it": "alluvion inondazion pioggia piogge nubifragi tempesta maltempo uragano tifone",
        "pt": "inundaç enchente chuva chuvas tempestade furacão tufão", "ru": "наводнени паводк ливн ливень дожд шторм ураган тайфун",
        "uk": "повін повен злив дощ шторм ураган тайфун", "ja": "洪水 豪雨 大雨 水害 台風 暴風 浸水 氾濫",
        "zh": "洪水 洪灾 暴雨 水灾 台风 飓风 风暴 内涝", "ko": "홍수 폭우 호우 태풍 폭풍 침수", "th": "น้ำท่วม ฝนตกหนัก พายุ",
    },
    "fire": {
        "en": "wildfire wildfires blaze blazes explosion explosions blast", "fr": "incendie explosion",
        "de": "waldbrand großbrand explosion", "es": "incendio explosión", "it": "incendi esplosion",
        "pt": "incêndio explosão", "ru": "пожар взрыв", "uk": "пожеж вибух", "ja": "火災 火事 山火事 爆発",
        "zh": "火灾 大火 山火 爆炸", "ko": "화재 산불 폭발", "th": "ไฟไหม้ ไฟป่า ระเบิด",
    },
    "vote": {
        "en": "election elections vote votes voted voting referendum ballot", "fr": "élection scrutin vote voté référendum",
        "de": "wahl wahlen abstimmung referendum", "es": "elecci votación votó referéndum comicios",
        "it": "elezion votazion voto votat referendum", "pt": "eleiç votação votou referendo", "ru": "выборы выборах голосовани референдум",
        "uk": "вибори виборах голосуванн референдум", "ja": "選挙 投票", "zh": "选举 大选 投票 公投", "ko": "선거 투표",
        "th": "เลือกตั้ง ลงคะแนน ประชามติ",
    },
    "protest": {
        "en": "protest protests protesters protested demonstration demonstrations demonstrators rally rallies",
        "fr": "manifestation manifestant protest rassemblement", "de": "protest demonstration demonstrant kundgebung",
        "es": "protesta manifestaci manifestante", "it": "protest manifestazion manifestant corteo",
        "pt": "protesto manifestaç manifestante", "ru": "протест митинг демонстрац", "uk": "протест мітинг демонстрац",
        "ja": "抗議 デモ", "zh": "抗议 示威 游行", "ko": "시위 집회", "th": "ประท้วง ชุมนุม",
    },
    "ruling": {
        "en": "verdict sentenced convicted acquitted", "fr": "verdict jugement", "de": "urteil",
        "es": "sentencia veredicto", "it": "sentenza verdetto", "pt": "sentença veredicto",
        "ru": "приговор", "uk": "вирок", "ja": "判決", "zh": "判决", "ko": "판결", "th": "คำพิพากษา",
    },
    "mourning": {
        "en": "mourning", "fr": "deuil", "de": "trauer staatstrauer landestrauer", "es": "luto duelo", "it": "lutto",
        "pt": "luto", "ru": "траур", "uk": "жалоб", "ja": "喪 服喪", "zh": "哀悼 悼念 国殇", "ko": "애도 추모", "th": "ไว้ทุกข์",
    },
    "attack": {
        "en": "attack attacks attacked cyberattack cyberattacks", "fr": "attaque attentat cyberattaque", "de": "angriff anschlag cyberangriff hackerangriff",
        "es": "ataque atentado ciberataque", "it": "attacco attentato", "pt": "ataque atentado", "ru": "атак нападени теракт",
        "uk": "атак напад теракт", "ja": "攻撃 襲撃 テロ", "zh": "袭击 攻击", "ko": "공격 습격 테러", "th": "โจมตี",
    },
    "walkout": {
        "en": "walkout walkouts strikers walked_off", "fr": "grève grévistes", "de": "streik", "es": "huelga", "it": "sciopero scioperi",
        "pt": "greve", "ru": "забастовк", "uk": "страйк", "ja": "ストライキ", "zh": "罢工", "ko": "파업", "th": "นัดหยุดงาน",
    },
    # What is done about a happening, the other half of general news: a sentence naming one of these
    # tells that act ("an inquiry into the explosion", "Hours after the blast, residents were told to
    # stay indoors"), not the happening it names as what the act is about (`told_kinds`).
    "inquiry": {
        "en": "inquiry inquiries investigation", "fr": "enquête", "de": "untersuchung untersuchungskommission ermittlungsverfahren ermittlungen",
        "es": "investigación", "it": "inchiesta indagine", "pt": "investigação inquérito", "ru": "расследовани",
        "uk": "розслідуванн", "ja": "調査委員会 第三者委員会 調査", "zh": "调查", "ko": "조사위원회 진상조사", "th": "สอบสวน",
    },
    "raid": {
        "en": "raid raids raided searched", "fr": "perquisition perquisitionn", "de": "durchsuch razzia", "es": "registro allan",
        "it": "perquisizion", "pt": "buscas", "ru": "обыск", "uk": "обшук", "ja": "家宅捜索 強制捜査", "zh": "搜查",
        "ko": "압수수색", "th": "ตรวจค้น",
    },
    "arrest": {
        "en": "arrested arrest arrests detained", "fr": "arrêté arrêtés interpellé interpellation arrestation",
        "de": "festgenommen festnahme verhaftet verhaftung", "es": "detenido detenida detención arrestad", "it": "arrestat arresto",
        "pt": "detido detida preso presos", "ru": "задержан арестован", "uk": "затриман заарештован", "ja": "逮捕",
        "zh": "逮捕 拘捕", "ko": "체포 구속", "th": "จับกุม",
    },
    "apology": {
        "en": "apologised apologized apology apologises apologizes apologise apologize", "fr": "excuses excusé",
        "de": "entschuldig", "es": "disculp perdón", "it": "scuse scusat", "pt": "desculp", "ru": "извинени извинил",
        "uk": "вибачен вибачи", "ja": "謝罪 陳謝", "zh": "道歉 致歉", "ko": "사과했 사과문 사죄", "th": "ขอโทษ",
    },
    "resignation": {
        "en": "resigned resignation resigns", "fr": "démission", "de": "rücktritt zurückgetreten", "es": "dimisión dimitió renunció",
        "it": "dimission dimess", "pt": "renúncia renunciou", "ru": "отставк", "uk": "відставк", "ja": "辞任 辞職 辞表",
        "zh": "辞职 辞去", "ko": "사퇴 사임 사직", "th": "ลาออก",
    },
    "put-out": {
        "en": "extinguished put_out", "fr": "maîtrisé éteint", "de": "gelöscht", "es": "extinguid sofocad", "it": "spento domato",
        "pt": "extint", "ru": "потушен локализован", "uk": "загашен локалізован", "ja": "消し止め 鎮火 鎮圧", "zh": "扑灭 熄灭",
        "ko": "진화됐 진화했 완진", "th": "ดับไฟ",
    },
    "shelter": {
        "en": "evacuation evacuated evacuate indoors", "fr": "évacu confinement", "de": "evakuier", "es": "evacu confinamiento",
        "it": "evacua", "pt": "evacua", "ru": "эвакуаци эвакуирова", "uk": "евакуаці евакуйова", "ja": "避難 屋内",
        "zh": "疏散 撤离 居家", "ko": "대피", "th": "อพยพ",
    },
    "lifted": {
        "en": "lifted", "fr": "levé levée", "de": "aufgehoben", "es": "levant", "it": "revocat", "pt": "levantad",
        "ru": "снят отменен", "uk": "скасован знят", "ja": "解除", "zh": "解除", "ko": "해제", "th": "ยกเลิก",
    },
    "bodies": {
        "en": "body bodies", "fr": "corps dépouille", "de": "leiche leichnam", "es": "cadáver", "it": "cadaver salma",
        "pt": "cadáver", "ru": "тело тела тел останки", "uk": "тіло тіла тіл", "ja": "遺体", "zh": "遗体 尸体", "ko": "시신",
        "th": "ศพ",
    },
    "fine": {
        "en": "fined", "fr": "amende", "de": "bußgeld geldstrafe geldbuße", "es": "multa", "it": "multa multat", "pt": "multa",
        "ru": "штраф", "uk": "штраф", "ja": "罰金 制裁金", "zh": "罚款 罚金", "ko": "과징금 벌금", "th": "ค่าปรับ",
    },
    "hearing": {
        "en": "hearing hearings", "fr": "audience", "de": "anhörung", "es": "audiencia", "it": "udienza", "pt": "audiência",
        "ru": "слушани", "uk": "слуханн", "ja": "公聴会 審問", "zh": "听证", "ko": "청문회", "th": "ไต่สวน",
    },
    "agreement": {
        "en": "deal agreement accord", "fr": "accord", "de": "einigung vereinbarung abkommen", "es": "acuerdo",
        "it": "accordo intesa", "pt": "acordo", "ru": "соглашени договорённост договоренност", "uk": "угод домовленіст",
        "ja": "合意 妥結", "zh": "协议 协定 达成一致", "ko": "합의 타결", "th": "ข้อตกลง",
    },
    "resumption": {
        "en": "resumed reopened", "fr": "repris reprise rouvert", "de": "wieder_auf wieder_geöffnet wieder_eröffnet wiederaufgenommen wiedereröffnet",
        "es": "reanud reabiert", "it": "ripres riapert", "pt": "retomad reabert", "ru": "возобнов", "uk": "відновил відновлен",
        "ja": "再開", "zh": "恢复 复工", "ko": "재개", "th": "กลับมาเปิด",
    },
}
# What is done about a happening: a sentence naming one of these tells that act (`told_kinds`).
RESPONSE_KINDS = frozenset({
    "inquiry", "raid", "arrest", "apology", "resignation", "put-out", "shelter", "lifted", "bodies", "fine", "hearing",
    "agreement", "resumption",
})
_FOUND_ANYWHERE = frozenset({"ja", "zh", "ko", "th"})
_WHOLE_WORDS = frozenset({"en"})


@functools.lru_cache(maxsize=None)
def _kind_patterns(language: str) -> tuple[tuple[str, re.Pattern], ...]:
    patterns = []
    for kind, words in HAPPENING_KINDS.items():
        entries = words.get(language)
        if not entries:
            continue
        words = [entry.replace("_", " ") for entry in entries.split()]  # "put_out": one entry of two words
        alternatives = "|".join(re.escape(entry) for entry in sorted(words, key=len, reverse=True))
        if language in _FOUND_ANYWHERE:
            pattern = f"(?:{alternatives})"
        elif language in _WHOLE_WORDS:
            pattern = rf"(?<![\w])(?:{alternatives})(?![\w])"
        else:
            pattern = rf"(?<![\w])(?:{alternatives})"
        patterns.append((kind, re.compile(pattern, re.IGNORECASE)))
    return tuple(patterns)


def happening_kinds(text: str, language: str | None) -> frozenset[str]:
    """The kinds of happening (`HAPPENING_KINDS`) the sentence names in its language; empty when
    it names none or its language is not read."""
    return frozenset(kind for kind, pattern in _kind_patterns(language or "") if pattern.search(text))


@functools.lru_cache(maxsize=1 << 16)  # as `latin_names`: read for every mention of an event an addition joins
def told_kinds(text: str, language: str | None) -> frozenset[str]:
    """The kinds of happening the sentence tells: `happening_kinds`, only the acts when it names what
    was done about a happening ("The government announced an inquiry into the explosion": an inquiry;
    "Le travail a repris mardi matin, après huit jours de grève": a resumption)."""
    kinds = happening_kinds(text, language)
    return kinds & RESPONSE_KINDS or kinds


def _folded(word: str) -> str:
    """Lower case without accents: "Sánchez" and "Sanchez" are one spelling of one name."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


_LATIN_WORD = re.compile(r"(?<![A-Za-zÀ-ÖØ-öø-ɏ'’-])[A-Za-zÀ-ÖØ-öø-ɏ][A-Za-zÀ-ÖØ-öø-ɏ'’-]*")
_MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_GERMAN_LIKE = frozenset({"de"})  # every noun is capitalised: only names written as names count
# German articles and prepositions that open a sentence capitalised ("Der Regierungschef", "Am Freitag").
_GERMAN_FUNCTION_WORD = re.compile(
    r"(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|am|im|beim|zum|zur|vom|auf|in|nach|bei|mit|von|vor|für|seit|laut)$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1 << 16)  # a stored event's sentences are read again at every addition joining it
def latin_names(text: str, language: str | None) -> frozenset[str]:
    """Names written in Latin letters, accent-folded: capitalised words of four letters or more after
    the first word of the sentence (in German, where every noun is capitalised, only a word after
    another capitalised word, and acronyms), and Latin words inside a sentence of another script ("AEMET"
    in a Japanese sentence). Months and weekdays are no names."""
    words = list(_LATIN_WORD.finditer(text))
    latin_script = sum(len(word.group()) for word in words) >= 0.5 * len(re.sub(r"[\W\d_]", "", text) or "x")
    names: set[str] = set()
    for position, word in enumerate(words):
        token = word.group().strip("'’-")
        if len(token) < 4 or _folded(token) in _MONTHS_AND_DAYS:
            continue
        if not latin_script:
            names.add(_folded(token))
            continue
        if position == 0 or not token[0].isupper():
            continue
        previous = words[position - 1].group()
        if language in _GERMAN_LIKE and not token.isupper() and (not previous[:1].isupper() or _GERMAN_FUNCTION_WORD.match(previous)):
            continue  # "die Regierung", "Der Kanzler": nouns; "Kanzler Olaf Scholz": "Olaf", "Scholz"
        names.add(_folded(token))
    return frozenset(names)


def shared_figures(text: str, language: str | None) -> frozenset[str]:
    """Figures the sentence gives that another report of the same happening would give too: values
    of ten or more, or with a decimal part ("7.7"), never a year, as text ("158"). The value alone:
    what it counts is read from words, in one language and not always in the other."""
    from lib.text.numbers import extract_quantities

    found: set[str] = set()
    for quantity in extract_quantities(text, language):
        value = quantity.value
        if value != value or (value.is_integer() and (value < 10 or (1900 <= value <= 2100 and not quantity.unit))):
            continue
        found.add(f"{value:g}")
    return frozenset(found)
