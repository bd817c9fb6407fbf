"""Figures written the way other languages write them: 1万5000명, 1万5千人, 約10万トン, 4285円,
25 000 (French, Russian), 12.000 and 1,6 Millionen (German), 3 mil (Portuguese), ١٦٤٤ and 11 ألف
(Arabic), понад мільйон, 300여 명.

Hand-written because no maintained library we can ship reads CJK scale characters
(万, 億, 만, 억) together with the news qualifiers around them ("約", "여", "이상",
"rund", "понад") and the counter that says what is counted ("人", "명", "トン"). Only
number formats and general measure/qualifier words are listed here, never a story's
own vocabulary.

`find_figures(sentence, language)` returns `Figure` tuples whose
`sentence[start:end] == text`. Offsets are kept exact because full-width digits are
mapped one character to one character before matching.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from lib.text.counted import is_magnitude

# Full-width digits and signs -> ASCII, one character for one (offsets stay valid).
_FULL_WIDTH = str.maketrans("０１２３４５６７８９，．％～－：　๐๑๒๓๔๕๖๗๘๙", "0123456789,.%~-: 0123456789")  # also Thai digits

_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_THAI_RE = re.compile(r"[\u0e00-\u0e7f]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")
# Arabic-Indic and Persian digits, the Arabic thousands separator and decimal point: one character each,
# so offsets in the translated sentence are offsets in the original.
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٬٫", "01234567890123456789,.")

# -- CJK and Korean --------------------------------------------------------------------------
_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                 "七": 7, "八": 8, "九": 9}
_SMALL_SCALES = {"十": 10, "百": 100, "千": 1000, "백": 100, "천": 1000}
_BIG_SCALES = {"万": 10_000, "萬": 10_000, "만": 10_000, "億": 100_000_000, "亿": 100_000_000, "억": 100_000_000,
               "兆": 1_000_000_000_000, "조": 1_000_000_000_000}
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_KANJI = "[" + "".join(_KANJI_DIGITS) + "]"
_SCALE_CHARS = "".join(_SMALL_SCALES) + "".join(_BIG_SCALES)
# One group: a number (Arabic or one kanji digit) optionally followed by a scale character,
# or a bare big scale after a small one ("5천만"). Korean puts spaces between groups ("1만 5천").
_GROUP = rf"(?:(?:{_ARABIC}|{_KANJI})\s?[{_SCALE_CHARS}]+|{_ARABIC})"
_CJK_NUMBER = rf"(?:{_GROUP}(?:\s?(?:{_GROUP}))*)"

# Qualifiers written before the number.
_CJK_BEFORE = [
    (r"約|およそ|凡そ|ほぼ|推定|약|대략|대충|约|大约|大概|近|ประมาณ|ราว", "around"),
    (r"最大|最多|多达|多達|최대|까지|สูงสุด", "up to"),
    (r"少なくとも|最低|최소|적어도|至少|อย่างน้อย", "at least"),
    (r"超過|超える|超过|超過|逾|มากกว่า|กว่า|以上の", "more than"),
    (r"近く|거의|将近|เกือบ", "nearly"),
]
# Qualifiers written after the number (before or after its counter).
_CJK_AFTER = [
    (r"余り|余|あまり|여|多|余人|이상|以上|超|넘게|넘는|넘어|강|強|กว่า", "more than"),
    (r"程度|ほど|前後|ぐらい|くらい|정도|가량|안팎|내외|左右|上下|ประมาณ", "around"),
    (r"近く|近い|弱|미만|未満|不到", "nearly"),
    (r"まで", "up to"),
]
_PASSED_AFTER = re.compile(
    r"\s?(?:を|을|를|이|가)\s?(?:(?P<above>超え|超す|超し|超過|上回|넘었|넘어|넘는|넘긴|넘겼|돌파|웃돌)|(?P<below>下回|밑돌))"
)
# Counters: what the figure is measured in. Time, age, ordinals and ranks are not figures.
_TIME_COUNTERS = (
    r"年代|年間|年度|年生|年|か月|カ月|ヶ月|ケ月|箇月|月|日間|日|時間|時|分|秒|週間|週|世紀|歳|才|代|"
    r"개월|년|월|일|시간|시|분|초|주|세기|세|살|"
    r"天|小时|周|岁|号|點|点|"
    r"ปี|เดือน|วัน|ชั่วโมง|นาที|โมง|น\.|พ\.ศ\."
)
_ORDINAL_COUNTERS = r"回目|度目|番目|番|位|위|번째|차례|次|届|期|条|조|項|章|号線|호선|号|호|級|급|級|度|도|階|层|層|층|층째|ชั้น"
_COUNTERS = [
    (r"万人|人|名|명|人次|คน|ราย|นาย|ศพ|쪽", "people"),
    (r"トン|톤|吨|噸|ตัน|t\b", "tonnes"),
    (r"キログラム|キロ|kg|킬로그램|킬로|公斤|千克|กิโลกรัม|กก\.|กิโล(?!เมตร)", "kg"),
    (r"万円|億円|円|엔", "JPY"),
    (r"万ドル|億ドル|ドル|달러|美元|ดอลลาร์", "USD"),
    (r"ユーロ|유로|欧元|ยูโร", "EUR"),
    (r"ウォン|원", "KRW"),
    (r"元|人民币|위안", "CNY"),
    (r"バーツ|바트|泰铢|บาท", "THB"),
    (r"ルーブル|루블|卢布", "RUB"),
    (r"%|パーセント|퍼센트|百分之|เปอร์เซ็นต์", "%"),
    (r"倍|배", "times"),
    (r"ヘクタール|헥타르|公顷|公頃|เฮกตาร์", "ha"),
    (r"平方キロメートル|平方キロ|제곱킬로미터|평방킬로미터|平方公里|ตารางกิโลเมตร|km²", "km²"),
    (r"キロメートル|km|킬로미터|公里|กิโลเมตร|กม\.", "km"),
    (r"メートル|m\b|미터|米|เมตร", "m"),
    (r"発|발|枚|袋|포대|個|개|台|대|両|輌|隻|척|機|架|棟|栋|座|채|軒|戸|世帯|가구|户|件|건|起|カ所|か所|곳|处|所|本|门|枚|頭|匹|마리|แห่ง|ลำ|คัน|หลัง|ครั้ง|回|회|次|バレル|배럴|桶", "items"),
]
_COUNTER_RE = [(re.compile(pattern), unit) for pattern, unit in _COUNTERS]
# A run of weeks, days, months or years ("10週連続", "10주 연속", "连续") is a count, not a date.
_STREAK_UNITS = {"週": "weeks", "週間": "weeks", "주": "weeks", "周": "weeks", "日": "days", "일": "days", "天": "days",
                 "か月": "months", "カ月": "months", "ヶ月": "months", "개월": "months", "个月": "months", "年": "years", "년": "years"}
_STREAK_RE = re.compile(r"(?P<unit>週間|週|주|周|か月|カ月|ヶ月|개월|个月|日|일|天|年|년)\s?(?:連続|연속|连续)")
# Sections of a text, numbered ("憲法9条") unless counted after "全/총" ("全23条": 23 articles).
_SECTION_RE = re.compile(r"条|조|項|章")
_TIME_RE = re.compile(rf"(?:{_TIME_COUNTERS})")
_ORDINAL_RE = re.compile(rf"(?:{_ORDINAL_COUNTERS})")
_CJK_CURRENCY_BEFORE = {"$": "USD", "US$": "USD", "¥": "JPY", "￥": "JPY", "₩": "KRW", "€": "EUR", "£": "GBP", "฿": "THB"}

# -- European formats --------------------------------------------------------------------------
_EU_SCALES = [
    (r"Millionen|Million|Mio\.?|millions?|миллион(?:а|ов)?|млн\.?|мільйон(?:а|ів)?|millón|millones|milioni|milione|"
     r"milhões|milhão|مليون|ملايين", 1_000_000),
    (r"Milliarden|Milliarde|Mrd\.?|milliards?|миллиард(?:а|ов)?|млрд\.?|мільярд(?:а|ів)?|mil millones|miliardi|miliardo|"
     r"bilhões|bilhão|mil milhões|مليار|مليارات", 1_000_000_000),
    (r"тысяч[аи]?|тыс\.?|тисяч[аі]?|тис\.?|Tausend|mille|mila|mil|ألف|آلاف|الف", 1_000),
]
_EU_SCALE_WORDS = r"\s?(?:" + "|".join(p for p, _ in _EU_SCALES) + r")(?![\w])"
# A lone scale word is a figure too: "понад мільйон барелів", "eine Million".
_EU_LONE_SCALE_RE = re.compile(
    r"(?<![\w\d])(?:(?:eine|ein|un|une|uno|um|один|одна|один)\s+)?(?P<scale>мільйон|миллион|Million|million|millón|milione|milhão|мільярд|миллиард|Milliarde|milliard)(?![\w])"
)
_EU_QUALIFIERS = [
    (r"bis zu|jusqu'à|jusqu’à|до|не более|не більше|максимум|höchstens|au plus|hasta|fino a|até|ما يصل إلى|حتى", "up to"),
    (r"rund|etwa|ungefähr|circa|ca\.|rd\.|environ|quelque|quelques|около|примерно|приблизно|порядка|близько|почти около|"
     r"unos|unas|alrededor de|cerca de|aproximadamente|intorno a|all'incirca|por volta de|em torno de|"
     r"نحو|حوالي|حوالى|قرابة|زهاء|ما يقارب|قرابة الـ", "around"),
    (r"fast|knapp|nahezu|près de|presque|почти|майже|едва ли не|casi|quasi|quase", "nearly"),
    (r"mehr als|über|plus de|более|свыше|больше|понад|більше ніж|більш ніж|більше|übers|más de|mas de|oltre|più di|mais de|"
     r"أكثر من|ما يزيد على|ما يزيد عن|ما يربو على", "more than"),
    (r"mindestens|wenigstens|au moins|не менее|не менше|щонайменше|минимум|принаймні|al menos|por lo menos|como mínimo|"
     r"almeno|per lo meno|pelo menos|no mínimo|ما لا يقل عن", "at least"),
    (r"weniger als|unter|moins de|менее|меньше|менше|menos de|meno di|أقل من", "less than"),
]
_EU_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(«„\"'“]))(?P<qual>" + "|".join(p for p, _ in _EU_QUALIFIERS) + r")\s+$", re.IGNORECASE
)
# "до", "hasta", "jusqu'à", "até", "fino a", "حتى" right after a verb of change name the value reached,
# not a ceiling: "число погибших возросло до 2719" is 2,719, not "up to 2,719". Verb stems of rising
# and falling, by language group.
_CHANGE_VERB_BEFORE = re.compile(
    r"(?i)(?<!\w)(?:возрос\w*|вырос\w*|увелич\w*|поднял\w*|подскочил\w*|сократил\w*|снизил\w*|уменьшил\w*|упал\w*|"
    r"зрос\w*|виріс\w*|збільш\w*|піднял\w*|підскочил\w*|скороти\w*|зменши\w*|знизи\w*|впа\w*|"
    r"grimp\w*|mont[ée]\w*|pass[ée]\w*|chut[ée]\w*|baiss[ée]\w*|aument\w*|subi\w*|ascend\w*|elev[óa]\w*|"
    r"disminu\w*|baj[óa]\w*|salit\w*|cresc\w*|aumentou|subiu|caiu|ارتفع\w*|وصل\w*|تراجع\w*|انخفض\w*)"
    r"(?:\s+\S+){0,2}?\s+$"
)
_REACHED_WORDS = {"до", "hasta", "jusqu'à", "jusqu’à", "até", "fino a", "حتى"}


def _european_qualifier(sentence: str, start: int) -> str | None:
    """The news qualifier written just before the figure at `start` ("mindestens", "около"), or None;
    a "to" after a verb of change ("возросло до") is the value reached, not "up to"."""
    match = _EU_QUALIFIER_RE.search(sentence[max(0, start - 24):start])
    if not match:
        return None
    said = match.group("qual").lower()
    qualifier = next((q for p, q in _EU_QUALIFIERS if re.fullmatch(p, said, re.IGNORECASE)), None)
    if qualifier == "up to" and said in _REACHED_WORDS:
        before = sentence[max(0, start - 60):max(0, start - 24) + match.start("qual")]
        if _CHANGE_VERB_BEFORE.search(before):
            return None
    return qualifier


_EU_TIME_WORDS = re.compile(
    r"(?i)(?:jahr|jahre|jahren|jahres|tag|tage|tagen|monat|monate|monaten|woche|wochen|stunde|stunden|minute|minuten|uhr|"
    r"an|ans|année|années|jour|jours|mois|semaine|semaines|heure|heures|h\b|"
    r"год|года|году|годов|лет|день|дня|дней|месяц|месяца|месяцев|недел\w*|час|часа|часов|минут\w*|секунд\w*|"
    r"рік|року|роки|років|днів|дні|місяц\w*|тиж\w*|годин\w*|хвилин\w*|г\.|р\.|"
    r"años?|días?|mes|meses|semanas?|horas?|minutos?|segundos?|anni|anno|giorni|giorno|mesi|mese|settimane?|ore|minuti|"
    r"anos?|dias?|mês|"
    r"عاما|عام|سنة|سنوات|أعوام|يوما|يوم|أيام|شهرا|شهر|أشهر|أسبوعا|أسابيع|ساعة|ساعات|دقيقة|دقائق)(?![\w])"
)
_EU_MONTHS = re.compile(
    r"(?i)(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[яйе]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*|"
    r"січ\w*|лют\w*|берез\w*|квіт\w*|трав\w*|черв\w*|лип\w*|серп\w*|вересн\w*|жовтн\w*|листопад\w*|груд\w*)(?![\w])"
)


@functools.lru_cache(maxsize=1)
def _cldr_months() -> re.Pattern:
    """Month names of Spanish, Italian, Portuguese and Arabic from the Unicode CLDR (babel's data), so a
    day before a month name ("28 de marzo", "3 aprile", "28 مارس") is read as a date, not a count."""
    from babel import Locale

    names = set()
    for code in ("es", "it", "pt", "ar"):
        for context in ("format", "stand-alone"):
            names.update(name.lower() for name in Locale.parse(code).months[context]["wide"].values())
    return re.compile("(?i)(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")(?![\w])")


def _is_month_name(text: str) -> bool:
    """`text` opens with a month name ("de" or "di" may come first: "28 de marzo", "12 de maio")."""
    text = re.sub(r"^(?:de|di)\s+", "", text, flags=re.IGNORECASE)
    return bool(_EU_MONTHS.match(text) or _cldr_months().match(text))


_EU_CURRENCY_WORDS = [
    (r"€|euros?|евро|євро|يورو", "EUR"),
    (r"\$|dollars?|dólares|dólar|dollari|доллар\w*|долар\w*|US-Dollar|دولار|دولارات", "USD"),
    (r"руб(?:\.|лей|ля|ль)|₽", "RUB"),
    (r"грн\.?|гривень|гривні|гривня|₴", "UAH"),
    (r"yens?|yenes|иен\w*|єн\w*", "JPY"),
    (r"%|٪|Prozent|pour cent|por ciento|per cento|por cento|процент\w*|відсот\w*|بالمئة|بالمائة|في المئة|في المائة", "%"),
]
_EU_MEASURES = [
    (r"Tonnen|tonnes?|toneladas?|tonnellate|тонн\w*|тон\w*|طن|أطنان", "tonnes"),
    (r"Hektar\w*|hectares?|hectáreas?|ettari|ettaro|гектар\w*|га\b|هكتار\w*|هكتارات", "ha"),
    (r"km²|km2|Quadratkilometer\w*|kilomètres? carrés|kilómetros? cuadrados|chilometri quadrati|quil[óô]metros? quadrados|"
     r"квадратн\w* (?:километр|кілометр)\w*|кв\.\s?км", "km²"),
    (r"km|Kilometer\w*|kilomètres?|kilómetros?|chilometri|quilômetros?|quilómetros?|километр\w*|кілометр\w*|كيلومتر\w*|كلم", "km"),
    (r"kg|Kilogramm|kilos?|quilos?|chili|chilogrammi|кг|килограмм\w*|кілограм\w*|كيلوغرام\w*|كيلو|كغ", "kg"),
    (r"barrels?|Barrel|barils?|barriles|barili|barris|баррел\w*|барел\w*|برميل", "barrels"),
]


@dataclass(frozen=True)
class Figure:
    """One figure as written: value (and top of a range), what it is measured in, qualifier."""

    value: float
    value_high: float | None
    unit: str | None  # counter or measure: "people", "tonnes", "JPY", "%", "items", None
    qualifier: str | None
    text: str
    start: int
    end: int
    noun: str | None  # the counter or noun as written


def script_of(sentence: str) -> str:
    """"cjk", "thai", "cyrillic", "arabic" or "latin": which reader a sentence needs."""
    if _CJK_RE.search(sentence):
        return "cjk"
    if _THAI_RE.search(sentence):
        return "thai"
    if _CYRILLIC_RE.search(sentence):
        return "cyrillic"
    if _ARABIC_RE.search(sentence):
        return "arabic"
    return "latin"


def parse_cjk_number(text: str) -> float | None:
    """"1万5000" -> 15000, "21万2千" -> 212000, "1만 5천" -> 15000, "5천만" -> 5e7, "1.2万" -> 12000."""
    text = text.translate(_FULL_WIDTH).replace(" ", "")
    total, section, pending = 0.0, 0.0, None
    for match in re.finditer(rf"({_ARABIC}|{_KANJI})|([{_SCALE_CHARS}])", text):
        number, scale = match.group(1), match.group(2)
        if number is not None:
            if pending is not None:
                section += pending
            pending = float(number.replace(",", "")) if number[0].isdigit() else float(_KANJI_DIGITS[number])
        elif scale in _SMALL_SCALES:
            section += (pending if pending is not None else 1.0) * _SMALL_SCALES[scale]
            pending = None
        else:
            value = section + (pending or 0.0)
            total += (value if value else 1.0) * _BIG_SCALES[scale]
            section, pending = 0.0, None
    result = total + section + (pending or 0.0)
    return result or None


def _first_match(patterns, text: str, anchored_end: bool):
    for pattern, qualifier in patterns:
        regex = rf"(?:{pattern})\s*$" if anchored_end else rf"^\s*(?:{pattern})"
        if re.search(regex, text):
            return qualifier
    return None


_CJK_VAGUE = {"十": ("dozens", 12), "십": ("dozens", 12), "百": ("hundreds", 100), "백": ("hundreds", 100),
              "千": ("thousands", 1_000), "천": ("thousands", 1_000), "万": ("tens of thousands", 10_000),
              "萬": ("tens of thousands", 10_000), "만": ("tens of thousands", 10_000)}
_CJK_VAGUE_RE = re.compile(r"(?:数|數|几|幾|수)(?P<scale>[十百千万萬십백천만])")


def _cjk_figures(sentence: str) -> list[Figure]:
    text = sentence.translate(_FULL_WIDTH)
    found: list[Figure] = []
    pattern = re.compile(rf"(?P<low>{_CJK_NUMBER})(?:\s?(?P<dash>[~〜\-–—至到]|から|부터)\s?(?P<high>{_CJK_NUMBER}))?")
    for match in pattern.finditer(text):
        start, end = match.start(), match.end()
        low_text = match.group("low")
        if not re.search(r"\d", low_text) and not re.search(f"[{_SCALE_CHARS}]", low_text):
            continue
        if start > 0 and re.match(r"[A-Za-z\d.]", text[start - 1]):
            continue  # part of a code or a model name: "KN-23", "G7"
        if re.search(r"[^\W\d_]-$", text[max(0, start - 2):start]):
            continue  # a model designation written with a hyphen: "SA-22 지대공 미사일", "화성-19형", "Су-27"
        before = text[max(0, start - 12):start]
        if re.search(r"(?:第|제|No\.|№)\s*$", before):
            continue  # ordinals: "第4条", "제4조"
        if re.search(r"\d[/.\-:]$", text[:start]):
            continue  # the tail of a date or time already skipped: "2025/4/30"
        after = text[end:end + 8]
        if re.match(r"\s?[/:]\d", after) or re.match(r"[./]\d", after):
            continue  # dates and clock times: "4/30", "19:26"
        low = parse_cjk_number(low_text)
        if low is None:
            continue
        high = parse_cjk_number(match.group("high")) if match.group("high") else None
        # A range whose top has a scale the bottom lacks shares it: "10〜12万" is 100,000-120,000.
        if high is not None and low < high / 1000 and re.search(f"[{_SCALE_CHARS}]$", match.group("high")) \
                and not re.search(f"[{_SCALE_CHARS}]", low_text):
            scale_char = match.group("high")[-1]
            low = low * (_BIG_SCALES.get(scale_char) or _SMALL_SCALES.get(scale_char, 1))
        if high is not None and high <= low:
            end, high = match.end("low"), None
        # Post-number qualifier and counter ("300여 명", "約1500人", "1万トン以上", "5キロ4220円").
        rest = text[end:]
        qualifier_after = None
        skip = 0
        qual_match = re.match(r"\s?(" + "|".join(p for p, _ in _CJK_AFTER) + r")", rest)
        if qual_match and not re.match(r"\s?(?:余り|余)(?:[にのるりを])", rest) and not re.match(r"\s?まで(?!に)", rest[:0]):
            qualifier_after = _first_match(_CJK_AFTER, qual_match.group(1), anchored_end=True)
            skip = qual_match.end()
        rest_after_qual = rest[skip:]
        thai_scale = re.match(r"\s?((?:ล้าน|แสน|หมื่น|พัน)+)", rest_after_qual)
        if thai_scale:
            # Thai scale words, chained: "2,136 ล้านบาท" is 2,136 million baht, "1.5 หมื่นล้าน" 15 billion.
            factor = 1
            for word in re.findall(r"ล้าน|แสน|หมื่น|พัน", thai_scale.group(1)):
                factor *= {"ล้าน": 1_000_000, "แสน": 100_000, "หมื่น": 10_000, "พัน": 1_000}[word]
            low, high = low * factor, (high * factor if high is not None else None)
            skip += thai_scale.end()
            rest_after_qual = rest[skip:]
        stripped = rest_after_qual.lstrip()
        offset = len(rest_after_qual) - len(stripped)
        streak = _STREAK_RE.match(stripped)
        if streak is None and (_TIME_RE.match(stripped) or _TIME_RE.match(rest.lstrip())):
            continue  # "23日", "2025年", "3か月", "16週", "20대" (age); but "10週連続" counts weeks
        total = re.search(r"(?:全|総|計|共|총|전체)\s?$", before) and _SECTION_RE.match(stripped)
        times = stripped.startswith("次") and re.search(r"\d", low_text)  # "余震60次": 60 times ("第二次", "二次" stay words)
        if streak is None and not total and not times and _ORDINAL_RE.match(stripped):
            continue  # "3回目", "2위", "憲法9条"; but "全23条" counts articles
        unit, noun = None, None
        counter_end = end + skip
        if streak is not None:
            unit, noun = _STREAK_UNITS[streak.group("unit")], streak.group()
            counter_end = end + skip + offset + streak.end()
        elif total:
            unit, noun = "items", total.group()
            counter_end = end + skip + offset + total.end()
        for regex, counter_unit in _COUNTER_RE if unit is None else ():
            counter = regex.match(stripped)
            if counter:
                unit, noun = counter_unit, counter.group()
                counter_end = end + skip + offset + counter.end()
                break
        # A qualifier after the counter: "1500人ほど", "1만 5천 명 정도", "3,000명 이상".
        if unit is not None and qualifier_after is None:
            tail = re.match(r"\s?(" + "|".join(p for p, _ in _CJK_AFTER) + r")", text[counter_end:])
            if tail and not re.match(r"\s?余[にのりを]", text[counter_end:]):
                qualifier_after = _first_match(_CJK_AFTER, tail.group(1), anchored_end=True)
            elif not tail:
                # "1万人を超えた", "1만5000명을 넘어섰다", "3000人を下回った": a verb of passing after the object
                # particle bounds the figure ("17円上回った", with no particle, is a change, not a bound).
                passed = _PASSED_AFTER.match(text[counter_end:])
                if passed:
                    qualifier_after = "less than" if passed.group("below") else "more than"
        currency = None
        cur_match = re.search(r"(US\$|\$|¥|￥|₩|€|£|฿)\s?$", text[:start])
        if cur_match:
            currency = _CJK_CURRENCY_BEFORE[cur_match.group(1)]
            start = cur_match.start()
        if currency:
            unit, noun = currency, cur_match.group(1)
        share = re.search(r"(ร้อยละ|百分之)\s?$", text[:start])
        if share and unit is None:
            unit, noun, start = "%", share.group(1), share.start()  # "ร้อยละ 20", "百分之20": a percentage written before
        if unit is None and re.fullmatch(r"(?:19|20)\d\d", low_text):
            continue  # a year written without 年
        if unit is None and not re.search(f"[{_SCALE_CHARS}.]", low_text) and low < 10 and high is None:
            continue  # a bare small whole number with no counter is never a comparable figure ("7.7" may be a measure)
        qualifier = qualifier_after
        if qualifier is None:
            qualifier = _first_match(_CJK_BEFORE, text[max(0, start - 8):start], anchored_end=True)
        end_offset = max(end, counter_end if unit else end)
        found.append(Figure(low, high, unit, qualifier, sentence[start:end_offset], start, end_offset, noun))
    # Vague magnitudes: "数千人" / "수천 명" / "几千人" (several thousand), kept like English "thousands of".
    for match in _CJK_VAGUE_RE.finditer(text):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        qualifier, magnitude = _CJK_VAGUE[match.group("scale")]
        counter = next((unit for regex, unit in _COUNTER_RE if regex.match(text[match.end():].lstrip())), None)
        if counter is None or _TIME_RE.match(text[match.end():].lstrip()):
            continue
        found.append(Figure(float(magnitude), None, counter, qualifier, sentence[match.start():match.end()], match.start(), match.end(), None))
    return sorted(found, key=lambda figure: figure.start)


_EU_NUMBER = r"\d{1,3}(?:[.\u00a0\u202f\u2009 ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_EN_NUMBER_IN_EU = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # "1,000,000" quoted in an otherwise European text


_ENGLISH_GROUPED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _parse_english_grouped(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def parse_european_number(text: str) -> float | None:
    """"10.000" -> 10000, "25 000" -> 25000, "1,6" -> 1.6, "3.085" -> 3085 (dots and spaces group thousands)."""
    cleaned = re.sub(r"[.\u00a0\u202f\u2009 ]", "", text.strip())
    cleaned = cleaned.replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


def _european_figures(sentence: str, english_grouping: bool = False, nouns_capitalised: bool = False) -> list[Figure]:
    """Figures in European number format; with `english_grouping` (Arabic text) commas group thousands
    and a point is the decimal ("2,719", "1.6"), while the words around the figure are read the same way.
    With `nouns_capitalised` (German) a lower-case word after the figure is no noun of it: "auf 205
    gestiegen", "7,7 ereignete" name no thing counted."""
    found: list[Figure] = []
    number = rf"(?:{_ENGLISH_GROUPED})" if english_grouping else rf"(?:{_EU_NUMBER})"
    parse_number = _parse_english_grouped if english_grouping else parse_european_number
    pattern = re.compile(
        rf"(?P<low>{number})(?P<scale1>{_EU_SCALE_WORDS})?"
        rf"(?:\s?(?P<dash>[-–—]|bis|à|a|до|to)\s?(?P<high>{number})(?P<scale2>{_EU_SCALE_WORDS})?)?"
    )
    taken: list[tuple[int, int]] = []
    for match in pattern.finditer(sentence):
        start, end = match.start(), match.end()
        low_text = match.group("low")
        if start > 0 and re.match(r"[\w.,/:]", sentence[start - 1]):
            continue  # part of a word, a code or a list "KN-23", "F-16", or a clock time's minutes "12:50"
        if re.search(r"[A-Za-zА-Яа-яІіЇїЄє]-$", sentence[:start]):
            continue
        after = sentence[end:end + 30]
        if _is_month_name(after.lstrip(". ")) and len(after) - len(after.lstrip(". ")) <= 2:
            continue  # "28. März", "28 mars", "22 листопада", "28 de marzo"
        if re.match(r"\s?[:/]\d", after) or re.match(r"\s?h\s?\d\d(?!\d)", after) or re.match(r"\.\d{1,2}\.", sentence[match.end("low"):match.end("low") + 4]):
            continue  # times and numeric dates "30.03.2025"
        if re.search(r"\d[./]$", sentence[:start]):
            continue
        if re.match(r"\.\s", sentence[match.end("low"):match.end("low") + 2]) and re.match(r"\d{1,2}$", low_text):
            if re.match(r"\.\s+[A-ZÄÖÜ]", sentence[match.end("low"):]):
                continue  # German ordinals "4. November", "3. Armee"
        low = parse_number(low_text)
        if low is None:
            continue
        scale1 = _eu_scale(match.group("scale1"))
        high_text = match.group("high")
        high = parse_number(high_text) if high_text else None
        scale2 = _eu_scale(match.group("scale2"))
        if high is not None:
            if match.group("dash") in ("a", "à", "to") and not (scale2 or scale1) and high < low:
                high = None
            scale_both = scale2 or scale1
            low *= scale1 or scale_both or 1
            high *= scale2 or scale_both or 1
            if high <= low:
                end, high = match.end("scale1") if match.group("scale1") else match.end("low"), None
        else:
            low *= scale1 or 1
        text_after = sentence[end:]
        if _EU_TIME_WORDS.match(text_after.lstrip()) and len(text_after) - len(text_after.lstrip()) <= 1:
            continue  # "2024 року", "drei Jahre", "12 heures"
        raw = low_text.replace(" ", "")
        unit, noun = None, None
        for pattern_text, unit_name in _EU_CURRENCY_WORDS + _EU_MEASURES:
            # Any case: a German noun is capitalised ("1,85 Euro je Liter", "5 Kilo").
            follower = re.match(rf"(?i)\s?(?:{pattern_text})(?![\w])", text_after) if unit_name != "%" else re.match(rf"(?i)\s?(?:{pattern_text})", text_after)
            if follower:
                unit, noun = unit_name, follower.group().strip()
                end += follower.end()
                break
        if unit is None:
            leader = re.search(r"(?:€|\$|£|₽|₴)\s?$", sentence[:start])
            if leader:
                unit = {"€": "EUR", "$": "USD", "£": "GBP", "₽": "RUB", "₴": "UAH"}[leader.group().strip()]
                start = leader.start()
        if unit is None:
            noun_match = re.match(r"\s?([^\W\d_][\w’'-]*)", sentence[end:])
            noun = noun_match.group(1) if noun_match else None
            if re.fullmatch(r"(?:19|20)\d\d", low_text) and not scale1:
                continue  # a year: "2024", "im Jahr 2024" (never written "2 056" or "2.056": those are counts)
            if low < 10 and high is None and not scale1 and not noun and not is_magnitude(sentence, start, end):
                continue  # a lone small number is noise, unless it is a quake's magnitude ("magnitude de 7,7,")
            if noun and nouns_capitalised and not noun[0].isupper():
                noun = None
        qualifier = _european_qualifier(sentence, start)
        taken.append((start, end))
        found.append(Figure(low, high, unit, qualifier, sentence[start:end], start, end, noun))
    for match in _EU_LONE_SCALE_RE.finditer(sentence):
        if any(s <= match.start() < e for s, e in taken):
            continue
        start, end = match.start(), match.end()
        value = float(_eu_scale(match.group("scale")) or 0)
        qualifier = _european_qualifier(sentence, start)
        unit = None
        for pattern_text, unit_name in _EU_MEASURES:
            follower = re.match(rf"\s?(?:{pattern_text})(?![\w])", sentence[end:])
            if follower:
                unit = unit_name  # "мільйон барелів": a million barrels
                break
        noun_match = re.match(r"\s?([^\W\d_][\w’'-]*)", sentence[end:])
        found.append(Figure(value, None, unit, qualifier, sentence[start:end], start, end, noun_match.group(1) if noun_match else None))
    return sorted(found, key=lambda figure: figure.start)


def _eu_scale(word: str | None) -> int | None:
    if not word:
        return None
    word = word.strip()
    for pattern, scale in _EU_SCALES:
        if re.fullmatch(pattern, word):
            return scale
    return None


def find_figures(sentence: str, language: str | None = None) -> list[Figure]:
    """Figures of a sentence not written in English number format, left to right.

    CJK, Korean and Thai sentences are read with scale characters and counters; Cyrillic
    sentences and sentences of `language` de/fr/ru/uk/es/it/pt/pl/nl with European grouping
    (dots or spaces between thousands, decimal comma); Arabic sentences (Arabic-Indic or Western
    digits) with English grouping. Returns [] for other sentences.
    """
    script = script_of(sentence)
    if script in ("cjk", "thai"):
        return _cjk_figures(sentence)
    if script == "arabic":
        figures = _european_figures(sentence.translate(_ARABIC_DIGITS), english_grouping=True)
        return [replace(figure, text=sentence[figure.start:figure.end]) for figure in figures]
    if script == "cyrillic" or (language or "") in ("de", "fr", "ru", "uk", "es", "it", "pl", "nl", "pt"):
        return _european_figures(sentence, nouns_capitalised=language == "de" and script != "cyrillic")
    return []
