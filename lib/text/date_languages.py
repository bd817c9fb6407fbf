"""Date phrases in languages other than English: ja ko zh ru uk de fr th, and es it pt ar from
dateparser's locale data (see `LOCALE_GRAMMARS`).

Finds the same kinds of phrase as the English grammar of `lib.text.dates`
(absolute days, day-month without a year, month-year, years, weekdays, day
words, "last week"-style units, "three days ago") and hands them over with
*English* field values (month "March", weekday "Friday", word "yesterday",
unit "week", mod "last"), so one resolver serves every language.

Month and weekday names come from dateparser's locale data (the library's own
vocabulary, all inflected forms it knows). What dateparser has no API for is
written here: finding phrases inside running text (its `search_dates` matches
words such as "mai" or "Mars" inside names and bare numbers), the CJK/Korean
day-of-month forms (「23日」, 「지난 22일」, 「先月10日」), relative units and
"ago" phrases, and the number words, because no maintained library turns
"трёх"/"drei"/"이틀" into 3 inside running text.

Every pattern runs on a copy of the sentence in which full-width digits and
spaces are replaced one character for one, so offsets stay those of the
original sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

LANGUAGES = ("ja", "ko", "zh", "ru", "uk", "de", "fr", "th", "es", "it", "pt", "ar")
_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ENGLISH_MONTHS = tuple(key.capitalize() for key in _MONTH_KEYS)
ENGLISH_WEEKDAYS = tuple(key.capitalize() for key in _WEEKDAY_KEYS)

# Full-width, Arabic-Indic and Thai digits, space and tilde -> ASCII, one character for one (offsets unchanged).
_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, **{chr(0x0660 + i): str(i) for i in range(10)},
                        **{chr(0x0E50 + i): str(i) for i in range(10)},
                        **{chr(0x06F0 + i): str(i) for i in range(10)}, "\u3000": " ", "～": "~", "〜": "~"})

# Number words for counts of days/weeks/months/years (hand-written: see the module docstring).
NUMBER_WORDS = {
    # ru / uk
    "один": 1, "одна": 1, "одну": 1, "одного": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3,
    "четыре": 4, "четырёх": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
    "несколько": 3, "дві": 2, "двох": 2, "трьох": 3, "чотири": 4, "п'ять": 5, "кілька": 3,
    # de
    "einem": 1, "einer": 1, "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "wenigen": 3, "einigen": 3,
    # fr
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "quelques": 3,
    # ko (native counts of days)
    "한": 1, "두": 2, "세": 3, "석": 3, "네": 4, "일": 1, "이": 2, "하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "열흘": 10,
    # ja / zh
    "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "数": 3, "數": 3,
    "几": 3, "幾": 3, "며칠": 3, "몇": 3,
}
# Thai number words (counts of days to years are often spelled out: "สองวันก่อน").
_THAI_NUMBERS = {"หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "หก": 6, "เจ็ด": 7, "แปด": 8, "เก้า": 9, "สิบ": 10,
                 "ไม่กี่": 3, "หลาย": 3}
NUMBER_WORDS.update(_THAI_NUMBERS)
# Counts that say "a few" ("несколько дней", 「数日」, "며칠"): resolved as two to six, never as one day.
VAGUE_COUNTS = frozenset({"несколько", "кілька", "wenigen", "einigen", "quelques", "数", "數", "几", "幾", "며칠", "몇", "ไม่กี่", "หลาย"})
_QUALIFIERS = {
    "почти": "nearly", "около": "about", "более": "more than", "больше": "more than", "примерно": "about",
    "майже": "nearly", "близько": "about", "понад": "more than", "більше": "more than",
    "fast": "nearly", "etwa": "about", "rund": "about", "mehr als": "more than", "knapp": "nearly", "gut": "more than",
    "près de": "nearly", "presque": "nearly", "environ": "about", "plus de": "more than",
    "約": "about", "约": "about", "近": "nearly", "약": "about",
}


@cache
def locale_names(language: str) -> tuple[dict[str, str], dict[str, str]]:
    """{month word: English month}, {weekday word: English weekday} from dateparser's locale data.

    Words are lower-cased; single letters and two-letter abbreviations are
    left out (too many ordinary words look like them).
    """
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(language).info
    months = {}
    for key, english in zip(_MONTH_KEYS, ENGLISH_MONTHS):
        for word in info.get(key, []):
            word = word.lower().strip(".")
            if len(word) >= 3 and not any(ch.isdigit() for ch in word):
                months[word] = english
    if language == "th":
        # Thai abbreviated months ("มี.ค.", "เม.ย.") as CLDR writes them; dateparser lists them without their dots.
        from babel.dates import get_month_names

        for width in ("abbreviated", "wide"):
            for number, word in get_month_names(width, locale="th").items():
                months[word.lower().strip(".")] = ENGLISH_MONTHS[number - 1]
    if language == "ar":
        # The Levant and Iraq name months in Syriac ("آذار", "نيسان"), the Maghreb after French ("أفريل"): CLDR's regional names.
        from babel.dates import get_month_names

        for region in ("ar_SY", "ar_MA", "ar_DZ"):
            for number, word in get_month_names("wide", locale=region).items():
                months.setdefault(word, ENGLISH_MONTHS[number - 1])
    weekdays = {}
    for key, english in zip(_WEEKDAY_KEYS, ENGLISH_WEEKDAYS):
        for word in info.get(key, []):
            word = word.lower().strip(".").strip("()")
            if len(word) >= 4 or (language == "th" and len(word) >= 3):
                weekdays[word] = english
    if language != "th":
        # An abbreviation is the start of the full name ("серед" of "середа"): without its dot it is
        # often an ordinary word ("серед" = among), so only full names are read.
        weekdays = {word: day for word, day in weekdays.items()
                    if not any(other != word and other.startswith(word) and weekdays[other] == day for other in weekdays)}
    for word, english in _WEEKDAY_CASES.get(language, {}).items():
        weekdays[word] = english
    return months, weekdays


# Genitive forms of Russian and Ukrainian weekdays that dateparser does not list ("в ночь на
# пятницу" is listed, "с понедельника", "минулої п'ятниці" are not): grammar, the same for any text.
_WEEKDAY_CASES = {
    "ru": {"понедельника": "Monday", "вторника": "Tuesday", "среды": "Wednesday", "четверга": "Thursday",
           "пятницы": "Friday", "субботы": "Saturday", "воскресенья": "Sunday"},
    "uk": {"понеділка": "Monday", "вівторка": "Tuesday", "середи": "Wednesday", "четверга": "Thursday",
           "п'ятниці": "Friday", "п’ятниці": "Friday", "п’ятницю": "Friday", "суботи": "Saturday", "неділі": "Sunday"},
}


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


# -- per-language phrase tables --------------------------------------------------------------
# Each entry: (kind, compiled pattern, field builder). Field builders turn a match into the
# English fields the resolver reads. Kinds are those of lib.text.dates plus "dom" (a day of
# the month: 「23日」) and "rel_dom" (「先月10日」: the 10th of last month).

_CJK_WEEKDAY = {"月": "Monday", "火": "Tuesday", "水": "Wednesday", "木": "Thursday", "金": "Friday", "土": "Saturday", "日": "Sunday"}
_ZH_WEEKDAY = {"一": "Monday", "二": "Tuesday", "三": "Wednesday", "四": "Thursday", "五": "Friday", "六": "Saturday", "日": "Sunday", "天": "Sunday"}
# A weekday of last or next week in ja/ko; "지난" alone (last) as in "지난 금요일".
_CJK_WEEK_MOD = {"先週": "last week", "来週": "next week", "今週": "this week", "지난주": "last week", "지난": "last", "오는": "next",
                 "다음주": "next week", "이번주": "this week"}
_KO_WEEKDAY = {"월": "Monday", "화": "Tuesday", "수": "Wednesday", "목": "Thursday", "금": "Friday", "토": "Saturday", "일": "Sunday"}

_DAYWORDS = {
    "ja": {"今日": "today", "本日": "today", "きょう": "today", "昨日": "yesterday", "きのう": "yesterday",
           "明日": "tomorrow", "あす": "tomorrow", "あした": "tomorrow", "昨夜": "last night", "今朝": "today", "今夜": "tonight"},
    "zh": {"今天": "today", "今日": "today", "昨天": "yesterday", "昨日": "yesterday", "明天": "tomorrow", "昨晚": "last night",
           "昨夜": "last night", "前天": "two days ago", "今晨": "today", "今早": "today"},
    "ko": {"오늘": "today", "어제": "yesterday", "내일": "tomorrow", "그제": "two days ago", "지난밤": "last night"},
    "ru": {"сегодня": "today", "вчера": "yesterday", "завтра": "tomorrow", "позавчера": "two days ago", "накануне": "yesterday"},
    "uk": {"сьогодні": "today", "вчора": "yesterday", "учора": "yesterday", "завтра": "tomorrow", "позавчора": "two days ago",
           "напередодні": "yesterday"},
    "de": {"heute": "today", "gestern": "yesterday", "morgen": "tomorrow", "vorgestern": "two days ago"},
    "fr": {"aujourd'hui": "today", "aujourd’hui": "today", "hier": "yesterday", "demain": "tomorrow", "avant-hier": "two days ago"},
    "th": {"วันนี้": "today", "เมื่อวานนี้": "yesterday", "เมื่อวาน": "yesterday", "พรุ่งนี้": "tomorrow", "เมื่อคืนนี้": "last night",
           "เมื่อคืน": "last night", "เมื่อวานซืน": "two days ago"},
}
# The last weekend (a weekend to come is a plan: the future words of the clause tell it apart).
for _language, _words in {
    "ja": ("週末", "先週末"), "zh": ("周末", "上周末", "週末"), "ko": ("주말", "지난 주말", "지난주말"),
    "ru": ("в выходные", "на выходных", "в минувшие выходные", "в прошлые выходные"),
    "uk": ("у вихідні", "в вихідні", "на вихідних", "минулих вихідних"),
    "de": ("am Wochenende", "am vergangenen Wochenende", "übers Wochenende"),
    "fr": ("ce week-end", "le week-end dernier", "pendant le week-end", "durant le week-end"),
    "th": ("สุดสัปดาห์ที่ผ่านมา", "เมื่อสุดสัปดาห์"),
}.items():
    _DAYWORDS[_language].update(dict.fromkeys((word.lower() for word in _words), "weekend"))
# Relative units: phrase -> (mod, unit) in the English resolver's terms.
_UNITS = {
    "ja": {"先週": ("last", "week"), "今週": ("this", "week"), "来週": ("next", "week"), "先月": ("last", "month"),
           "今月": ("this", "month"), "来月": ("next", "month"), "昨年": ("last", "year"), "去年": ("last", "year"),
           "今年": ("this", "year"), "来年": ("next", "year")},
    "zh": {"上周": ("last", "week"), "上週": ("last", "week"), "本周": ("this", "week"), "下周": ("next", "week"),
           "本週": ("this", "week"), "下週": ("next", "week"), "下個月": ("next", "month"), "这周": ("this", "week"),
           "這週": ("this", "week"), "这个月": ("this", "month"), "這個月": ("this", "month"), "上月": ("last", "month"),
           "下月": ("next", "month"),
           "上个月": ("last", "month"), "上個月": ("last", "month"), "本月": ("this", "month"), "下个月": ("next", "month"),
           "去年": ("last", "year"), "今年": ("this", "year"), "明年": ("next", "year")},
    "ko": {"지난주": ("last", "week"), "지난 주": ("last", "week"), "이번 주": ("this", "week"), "다음 주": ("next", "week"),
           "지난달": ("last", "month"), "지난 달": ("last", "month"), "이번 달": ("this", "month"), "이번달": ("this", "month"), "다음 달": ("next", "month"),
           "지난해": ("last", "year"), "작년": ("last", "year"), "올해": ("this", "year"), "금년": ("this", "year"), "내년": ("next", "year")},
    "ru": {"на прошлой неделе": ("last", "week"), "на этой неделе": ("this", "week"), "на следующей неделе": ("next", "week"),
           "в прошлом месяце": ("last", "month"), "в этом месяце": ("this", "month"), "в следующем месяце": ("next", "month"),
           "в прошлом году": ("last", "year"), "на минувшей неделе": ("last", "week"), "в минувшем месяце": ("last", "month"),
           "в минувшем году": ("last", "year"), "в начале недели": ("this", "week"), "в начале этой недели": ("this", "week"),
           "в конце прошлой недели": ("last", "week"), "в начале прошлой недели": ("last", "week"),
           "прошлого месяца": ("last", "month"), "в этом году": ("this", "year"), "в следующем году": ("next", "year"),
           "прошлого года": ("last", "year"), "этого года": ("this", "year"), "прошлом году": ("last", "year")},
    "uk": {"минулого тижня": ("last", "week"), "цього тижня": ("this", "week"), "наступного тижня": ("next", "week"),
           "минулого місяця": ("last", "month"), "цього місяця": ("this", "month"), "наступного місяця": ("next", "month"),
           "минулого року": ("last", "year"), "цього року": ("this", "year"), "наступного року": ("next", "year"),
           "торік": ("last", "year"), "на минулому тижні": ("last", "week"), "на початку тижня": ("this", "week"),
           "на цьому тижні": ("this", "week"), "наприкінці минулого тижня": ("last", "week"), "у минулому році": ("last", "year")},
    "de": {"letzte woche": ("last", "week"), "vergangene woche": ("last", "week"), "letzten monat": ("last", "month"),
           "vergangenen monat": ("last", "month"), "im vergangenen monat": ("last", "month"), "diese woche": ("this", "week"),
           "nächste woche": ("next", "week"), "nächsten monat": ("next", "month"), "letztes jahr": ("last", "year"),
           "vergangenes jahr": ("last", "year"), "im vergangenen jahr": ("last", "year"), "im letzten jahr": ("last", "year"),
           "dieses jahr": ("this", "year"), "vergangenen woche": ("last", "week"), "letzten woche": ("last", "week"),
           "vorige woche": ("last", "week"), "vorigen woche": ("last", "week"), "anfang der woche": ("this", "week"),
           "anfang dieser woche": ("this", "week"), "zu beginn der woche": ("this", "week"), "zu wochenbeginn": ("this", "week"),
           "ende vergangener woche": ("last", "week"), "ende letzter woche": ("last", "week"),
           "vergangener woche": ("last", "week"), "letzter woche": ("last", "week"), "voriger woche": ("last", "week"),
           "anfang vergangener woche": ("last", "week"), "anfang letzter woche": ("last", "week"),
           "in dieser woche": ("this", "week"), "vergangenen monats": ("last", "month"), "letzten monats": ("last", "month"),
           "vergangenen jahres": ("last", "year"), "letzten jahres": ("last", "year"), "in diesem jahr": ("this", "year"), "nächstes jahr": ("next", "year"),
           "im nächsten jahr": ("next", "year"), "diesen monat": ("this", "month")},
    "fr": {"la semaine dernière": ("last", "week"), "cette semaine": ("this", "week"), "la semaine prochaine": ("next", "week"),
           "le mois dernier": ("last", "month"), "ce mois-ci": ("this", "month"), "le mois prochain": ("next", "month"),
           "l'année dernière": ("last", "year"), "l’année dernière": ("last", "year"), "l'an dernier": ("last", "year"),
           "l’an dernier": ("last", "year"), "l'an passé": ("last", "year"), "cette année": ("this", "year"), "la semaine passée": ("last", "week"), "le mois passé": ("last", "month"),
           "l'année passée": ("last", "year"), "l’année passée": ("last", "year"), "l’an passé": ("last", "year"),
           "plus tôt cette semaine": ("this", "week"), "plus tôt dans la semaine": ("this", "week"),
           "en début de semaine": ("this", "week"), "début de semaine": ("this", "week"),
           "en début de semaine dernière": ("last", "week"), "en fin de semaine dernière": ("last", "week"),
           "plus tôt ce mois-ci": ("this", "month"), "plus tôt dans le mois": ("this", "month"),
           "l'année prochaine": ("next", "year"), "l’année prochaine": ("next", "year")},
    "th": {"สัปดาห์ที่แล้ว": ("last", "week"), "สัปดาห์นี้": ("this", "week"), "สัปดาห์หน้า": ("next", "week"),
           "เดือนที่แล้ว": ("last", "month"), "เดือนนี้": ("this", "month"), "เดือนหน้า": ("next", "month"),
           "ปีที่แล้ว": ("last", "year"), "ปีนี้": ("this", "year"), "ปีหน้า": ("next", "year")},
}
# Unit words of "ago" phrases -> English unit.
_AGO_UNITS = {
    "ja": {"日": "day", "週間": "week", "か月": "month", "カ月": "month", "ヶ月": "month", "ヵ月": "month", "年": "year"},
    "zh": {"天": "day", "日": "day", "周": "week", "週": "week", "个月": "month", "個月": "month", "年": "year"},
    "ko": {"일": "day", "주": "week", "주일": "week", "개월": "month", "달": "month", "년": "year"},
    "ru": {"день": "day", "дня": "day", "дней": "day", "неделю": "week", "недели": "week", "недель": "week",
           "месяц": "month", "месяца": "month", "месяцев": "month", "год": "year", "года": "year", "лет": "year"},
    "uk": {"день": "day", "дні": "day", "днів": "day", "тиждень": "week", "тижні": "week", "тижнів": "week",
           "місяць": "month", "місяці": "month", "місяців": "month", "рік": "year", "роки": "year", "років": "year"},
    "de": {"tag": "day", "tagen": "day", "woche": "week", "wochen": "week", "monat": "month", "monaten": "month",
           "jahr": "year", "jahren": "year"},
    "fr": {"jour": "day", "jours": "day", "semaine": "week", "semaines": "week", "mois": "month", "an": "year", "ans": "year",
           "année": "year", "années": "year"},
    "th": {"วัน": "day", "สัปดาห์": "week", "เดือน": "month", "ปี": "year"},
}
# Plural forms of "later" phrases that "ago" phrases do not use ("zwei Tage später").
_LATER_UNITS = {
    "de": {"tage": "day", "wochen": "week", "monate": "month", "jahre": "year"},
    "ru": {"дня": "day", "дней": "day", "недели": "week", "недель": "week", "неделю": "week", "месяца": "month", "месяцев": "month"},
    "uk": {"дні": "day", "днів": "day", "тижні": "week", "тижнів": "week", "місяці": "month", "місяців": "month"},
}
# Words that put a date phrase in the future (plans, schedules), per language.
_FUTURE = {
    "ja": r"予定|見通し|方針|計画|見込み|する考え|目指|おそれ|恐れが",
    "zh": r"将|將|计划|計劃|预计|預計|拟|擬",
    "ko": r"예정|계획|방침|할 것|하기로|전망",
    "ru": r"\bбудет\b|\bбудут\b|планиру|намерен|собира|предстоящ",
    "uk": r"\bбуде\b|\bбудуть\b|планує|планують|має намір|наступн",
    "de": r"\bwird\b|\bwerden\b|\bsoll\b|\bsollen\b|\bplant\b|geplant|\bkünftig|\bin den (?:kommenden|nächsten) (?:Tagen|Wochen|Monaten)\b",
    # French simple future: "sera", "aura", "fera", and the -era/-eront/-ira/-iront forms of regular verbs.
    "fr": r"\bva\b|\bvont\b|\bsera\b|\bseront\b|prévu|prévoit|\bcompte\b|devrait|devraient|\bprochain(?:e)?s (?:jours|semaines|mois)\b|\b(?:aura|auront|fera|feront|"
          r"pourra|pourront|devra|devront|ira|iront|viendra|viendront|rendra|rendront|tiendra|tiendront)\b|\b\w{3,}(?:era|eront|iront)\b",
    "th": r"จะ|เตรียม|กำหนด",
}
_SINCE = {
    "ja": r"^\s*(?:以来|から)", "zh": r"^\s*(?:以来|起)", "ko": r"^\s*(?:이후|부터|이래)",
    "ru": r"\b(?:с|со|начиная с)\s*$", "uk": r"\b(?:з|із|від|починаючи з)\s*$", "de": r"\bseit\s*$", "fr": r"\bdepuis(?: le)?\s*$",
    "th": r"ตั้งแต่\s*(?:วันที่\s*)?$",
}
_TARGET = {
    "ja": r"^\s*(?:までに|まで)", "zh": r"^\s*(?:之前|以前|前)", "ko": r"^\s*(?:까지)", "ru": r"\b(?:до|к)\s*$",
    "uk": r"\b(?:до)\s*$", "de": r"\bbis(?: zum| Ende)?\s*$", "fr": r"\b(?:d'ici|d’ici|avant|jusqu'à|jusqu’à|jusqu'au|jusqu’au)(?: le| la| fin)?\s*$",
    "th": r"(?:ภายใน|จนถึง)\s*(?:วันที่\s*)?$",
}


def _num(text: str) -> str:
    text = text.strip().lower()
    return text if text.isdigit() else str(NUMBER_WORDS.get(text, 1))


# -- languages read from dateparser's locale data ------------------------------------------------
# Spanish, Italian, Portuguese and Arabic take their months, weekdays, day words ("ayer", "ieri",
# "ontem", "أمس"), "last/this/next week|month|year" and "N days ago" phrases from dateparser's locale
# data (`relative-type`, `relative-type-regex`); `LocaleGrammar` holds the few grammar words around
# them that the data lacks (the word between day and month, the parts of a month, the adjectives
# that make a weekday last or next, the tense of the clause).


@dataclass(frozen=True)
class LocaleGrammar:
    """The grammar words of one language's date phrases that dateparser's data does not hold (regex pieces)."""

    of: str  # between day, month and year: "28 de marzo de 2025"
    ordinal: str  # after the first day of a month: "1º", "1°"
    range_to: str  # between the two days of a range: "del 23 al 25 de marzo"
    parts: dict[str, str]  # part of a month -> the English part the resolver reads
    in_month: str  # before a month named alone: "en marzo"
    last: str  # next to a weekday, before or after it: "el viernes pasado"
    next: str
    later: str  # after "N days": "dos días después"
    next_day: str
    same_day: str
    day_before: str
    weekend: str
    numbers: dict[str, int]  # number words for counts of days to years
    vague: frozenset[str]  # "unos días": two to six
    qualifiers: dict[str, str]
    units: dict[str, tuple[str, str]]  # relative units dateparser lacks -> (mod, unit)
    future: str
    since: str  # before the phrase (regex ending with $)
    target: str
    days: dict[str, str] = field(default_factory=dict)  # day words dateparser lacks ("anoche") -> English word
    counted_ago: dict[str, tuple[str, str]] = field(default_factory=dict)  # "a week ago" with no count -> (unit, qualifier)
    not_a_day: dict[str, str] = field(default_factory=dict)  # a day word that means something else after these words
    ago_synonyms: dict[str, str] = field(default_factory=dict)  # another word for "ago" in dateparser's phrases


LOCALE_GRAMMARS = {
    "es": LocaleGrammar(
        of=r"de|del", ordinal=r"º|°|\.º", range_to=r"al|a|y|-|–",
        parts={"principios": "early", "comienzos": "early", "inicios": "early", "primeros días": "early",
               "mediados": "mid", "finales": "end of", "fines": "end of", "fin": "end of", "últimos días": "end of"},
        in_month=r"en|durante|en el mes de", last=r"pasado|pasada|anterior", next=r"próximo|próxima|que viene",
        later=r"después|más tarde", next_day=r"al día siguiente|el día siguiente", same_day=r"ese mismo día|el mismo día|ese día",
        day_before=r"el día anterior|la víspera|un día antes", weekend=r"el fin de semana|este fin de semana|el pasado fin de semana",
        numbers={"un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
                 "diez": 10, "unos": 3, "unas": 3, "varios": 3, "varias": 3, "pocos": 3, "pocas": 3},
        vague=frozenset({"unos", "unas", "varios", "varias", "pocos", "pocas"}),
        qualifiers={"casi": "nearly", "más de": "more than", "cerca de": "about", "unos": "about", "alrededor de": "about"},
        units={"este año": ("this", "year"), "esta semana": ("this", "week"), "este mes": ("this", "month"),
               "el pasado año": ("last", "year"), "la pasada semana": ("last", "week"), "el pasado mes": ("last", "month")},
        future=r"\b\w+(?:rá|rán)\b|\b(?:va|van) a\b|\bprevist[oa]s?\b|\bprevé\b|\bprevén\b|\bplanea\b|\bplanean\b",
        since=r"\bdesde(?: el| la| los)?\s*$", target=r"\b(?:hasta|antes del?|para)(?: el| la)?\s*$",
        days={"anoche": "last night", "esta mañana": "today", "esta noche": "tonight", "anteanoche": "two days ago"},
        not_a_day={"mañana": r"(?i)\b(?:la|una|cada|esa|aquella|media)\s+$"},  # "por la mañana": the morning, not tomorrow
    ),
    "it": LocaleGrammar(
        of=r"di|del", ordinal=r"º|°", range_to=r"al|a|e|-|–",
        parts={"inizio": "early", "primi": "early", "metà": "mid", "fine": "end of", "ultimi giorni di": "end of"},
        in_month=r"a|ad|in|nel mese di|durante", last=r"scorso|scorsa|passato|passata", next=r"prossimo|prossima",
        later=r"dopo|più tardi", next_day=r"il giorno dopo|il giorno seguente|l'indomani|l’indomani", same_day=r"lo stesso giorno|quel giorno",
        day_before=r"il giorno prima|la vigilia", weekend=r"nel fine settimana|nel weekend|lo scorso fine settimana",
        numbers={"un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8,
                 "nove": 9, "dieci": 10, "alcuni": 3, "alcune": 3, "pochi": 3, "poche": 3, "qualche": 3},
        vague=frozenset({"alcuni", "alcune", "pochi", "poche", "qualche"}),
        qualifiers={"quasi": "nearly", "circa": "about", "più di": "more than", "oltre": "more than"},
        units={"quest'anno": ("this", "year"), "quest’anno": ("this", "year"), "questa settimana": ("this", "week"),
               "questo mese": ("this", "month"), "anno scorso": ("last", "year"), "mese scorso": ("last", "month")},
        future=r"\b\w+(?:rà|ranno)\b|\bprevist[oaie]\b|\bprevede\b|\bprevedono\b|\bsta per\b",
        since=r"\b(?:dal|dall'|dall’|dalla|sin dal|a partire dal?|da)\s*$", target=r"\b(?:entro(?: il| la)?|fino al?|prima del?)\s*$",
        days={"stanotte": "overnight", "stamattina": "today", "stamani": "today", "stasera": "tonight", "l'altroieri": "two days ago",
              "l’altroieri": "two days ago"},
    ),
    "pt": LocaleGrammar(
        of=r"de|do", ordinal=r"º|°|\.º", range_to=r"a|ao|e|-|–",
        parts={"início": "early", "começo": "early", "princípio": "early", "meados": "mid", "fim": "end of", "final": "end of",
               "finais": "end of"},
        in_month=r"em|durante|no mês de", last=r"passado|passada|anterior", next=r"próximo|próxima|que vem",
        later=r"depois|mais tarde", next_day=r"no dia seguinte|o dia seguinte", same_day=r"no mesmo dia|naquele dia",
        day_before=r"no dia anterior|na véspera|um dia antes", weekend=r"no fim de semana|neste fim de semana|no último fim de semana",
        numbers={"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8,
                 "nove": 9, "dez": 10, "alguns": 3, "algumas": 3, "poucos": 3, "poucas": 3},
        vague=frozenset({"alguns", "algumas", "poucos", "poucas"}),
        qualifiers={"quase": "nearly", "cerca de": "about", "mais de": "more than"},
        units={"este ano": ("this", "year"), "esta semana": ("this", "week"), "este mês": ("this", "month"),
               "ano passado": ("last", "year"), "mês passado": ("last", "month")},
        future=r"\b\w+(?:rá|rão)\b|\b(?:vai|vão)\b|\bprevist[oa]s?\b|\bprevê\b|\bpretende\b",
        since=r"\bdesde(?: o| a| os)?\s*$", target=r"\b(?:até(?: o| a| ao)?|antes de)\s*$",
        days={"nesta manhã": "today", "esta manhã": "today", "hoje de manhã": "today", "ontem à noite": "last night"},
    ),
    "ar": LocaleGrammar(
        of=r"من", ordinal=r"", range_to=r"إلى|الى|و|-|–",
        parts={"أوائل": "early", "مطلع": "early", "بداية": "early", "مستهل": "early", "منتصف": "mid", "أواسط": "mid",
               "أواخر": "late", "نهاية": "end of", "آخر": "end of"},
        in_month=r"في|خلال|في شهر|خلال شهر", last=r"الماضي|الماضية|المنصرم|المنصرمة|الفائت|الفائتة",
        next=r"المقبل|المقبلة|القادم|القادمة", later=r"لاحقا|لاحقاً|بعد ذلك", next_day=r"في اليوم التالي|اليوم التالي",
        same_day=r"في اليوم نفسه|في نفس اليوم|في ذات اليوم", day_before=r"في اليوم السابق|قبل ذلك بيوم",
        weekend=r"عطلة نهاية الأسبوع|نهاية الأسبوع",
        numbers={"واحد": 1, "اثنين": 2, "ثلاثة": 3, "أربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7, "ثمانية": 8, "تسعة": 9,
                 "عشرة": 10, "بضعة": 3, "عدة": 3},
        vague=frozenset({"بضعة", "عدة"}),
        qualifiers={"نحو": "about", "حوالي": "about", "قرابة": "nearly", "أكثر من": "more than"},
        units={"العام الماضي": ("last", "year"), "العام الفائت": ("last", "year"), "هذا العام": ("this", "year"),
               "العام الحالي": ("this", "year"), "العام المقبل": ("next", "year"), "العام القادم": ("next", "year"),
               "الأسبوع المقبل": ("next", "week"), "الشهر المقبل": ("next", "month"), "الأسبوع الفائت": ("last", "week"),
               "الأسبوع المنصرم": ("last", "week"), "الشهر الفائت": ("last", "month")},
        # "سيزور" (will visit): the future prefix before an imperfect verb, not the nouns that start alike.
        future=r"سوف|من المقرر|من المتوقع|يعتزم|تعتزم|يخطط|تخطط|المقبل|القادم|(?<![\w])(?:سي|ست)(?!اس|ار|طر|ين|مائة)\w{3,}",
        since=r"(?:منذ|من)\s*$", target=r"(?:حتى|بحلول)\s*$",
        days={"البارحة": "yesterday", "ليلة أمس": "last night", "أمس الأول": "two days ago", "صباح اليوم": "today"},
        # Arabic counts one of a unit by the bare noun ("قبل أسبوع": a week ago) and a few by the plural ("قبل أيام").
        counted_ago={"قبل يوم": ("day", ""), "قبل أسبوع": ("week", ""), "قبل شهر": ("month", ""), "قبل عام": ("year", ""),
                     "قبل سنة": ("year", ""), "قبل أيام": ("day", "a few"), "قبل أسابيع": ("week", "a few"),
                     "قبل أشهر": ("month", "a few"), "قبل سنوات": ("year", "a few"), "قبل بضعة أيام": ("day", "a few")},
        ago_synonyms={"قبل": "منذ"},  # "منذ ثلاثة أيام": three days ago ("منذ 2014" alone is "since")
    ),
}

# dateparser's relative-type keys -> what the resolver reads.
_RELATIVE_DAYS = {"0 day ago": "today", "1 day ago": "yesterday", "in 1 day": "tomorrow", "2 day ago": "two days ago"}
_RELATIVE_UNITS = {f"{count} {unit} ago": (mod, unit) for count, mod in (("0", "this"), ("1", "last")) for unit in ("week", "month", "year")}
_RELATIVE_UNITS.update({f"in 1 {unit}": ("next", unit) for unit in ("week", "month", "year")})
_DATEPARSER_NUMBER = "(\\d++[.,]?\\d*+)"


def _without_abbreviations(phrases) -> list[str]:
    """Drop dateparser's abbreviated forms ("sem ant", "hace N d"): a word of one or two letters, or one
    that begins a longer word of the same list by more than a plural ending, is an abbreviation."""
    phrases = list(phrases)
    words = {word for phrase in phrases for word in phrase.split()}
    kept = []
    for phrase in phrases:
        tokens = [word for word in phrase.split() if word != _DATEPARSER_NUMBER]
        abbreviated = any(
            len(word) <= 2 and not word.isalpha() or any(o != word and o.startswith(word) and len(o) - len(word) > 2 for o in words)
            for word in tokens
        ) or any(len(word) == 1 for word in tokens)
        if not abbreviated:
            kept.append(phrase)
    return kept


def _is_a_name(match: re.Match, group: str) -> bool:
    """A weekday written with a capital inside a sentence of a language that writes weekdays in lower case
    ("el tenor Plácido Domingo", "Gianni Sabato"): a name, not a date."""
    word = match[group]
    if not word[:1].isupper() or word[:1] == word[:1].lower():
        return False
    before = match.string[: match.start(group)].rstrip()
    return bool(before) and not re.search(r"(?:^|[.!?:;»\"“”])\s*(?:\w+)?$", before) and not before.endswith(("(", "—", "-", "–"))


def _locale_patterns(language: str) -> tuple[tuple[str, re.Pattern, object], ...]:
    """(kind, pattern, field builder) for a language of `LOCALE_GRAMMARS`, in priority order."""
    from dateparser.languages.loader import default_loader

    grammar = LOCALE_GRAMMARS[language]
    info = default_loader.get_locale(language).info
    months, weekdays = locale_names(language)
    full_months = {word: english for word, english in months.items() if len(word) >= 4}  # "mar" is also the sea
    table: list[tuple[str, re.Pattern, object]] = []
    flags = re.IGNORECASE

    def add(kind: str, regex: str, build) -> None:
        table.append((kind, re.compile(rf"(?<![\w'’]){regex}(?![\w'’])", flags), build))

    def month(m: re.Match) -> str:
        return months[re.split(r"\s*/\s*", m["mname"].lower())[0].strip(".")]

    # A month may be written in two calendars' names at once ("28 آذار/مارس 2025"): the second is part of the date.
    month_re = rf"(?:{_alternation(months)})(?:\s*/\s*(?:{_alternation(months)}))?"
    full_re = _alternation(full_months)
    of = rf"(?:\s+(?:{grammar.of}))?"
    ordinal = rf"(?:{grammar.ordinal})?" if grammar.ordinal else ""
    day = rf"(?P<day>[12]\d|3[01]|0?[1-9]){ordinal}"
    first = rf"(?:del?|dal|dos|from|من)?\s*(?P<first>[12]\d|3[01]|0?[1-9]){ordinal}\s*(?:{grammar.range_to})\s*"
    year = r"(?P<year>(?:19|20)\d{2})(?!\d)"
    day_month_year = rf"{day}{of}\s+(?P<mname>{month_re})\.?,?{of}\s+{year}"
    add("dmy", first + day_month_year, lambda m: {"first": m["first"], "day": m["day"], "month": month(m), "year": m["year"]})
    add("dmy", day_month_year, lambda m: {"day": m["day"], "month": month(m), "year": m["year"]})
    add("dmy", r"(?P<day>[12]\d|3[01]|0?[1-9])[/.](?P<mon>1[0-2]|0?[1-9])[/.](?P<year>(?:19|20)\d{2})",
        lambda m: {"day": m["day"], "month": ENGLISH_MONTHS[int(m["mon"]) - 1], "year": m["year"]})
    add("dm", rf"{first}{day}{of}\s+(?P<mname>{month_re})", lambda m: {"first": m["first"], "day": m["day"], "month": month(m)})
    add("dm", rf"{day}{of}\s+(?P<mname>{month_re})", lambda m: {"day": m["day"], "month": month(m)})
    add("my", rf"(?P<mname>{full_re}),?{of}\s+{year}", lambda m: {"month": month(m), "year": m["year"]})
    parts = grammar.parts
    add("part_month", rf"(?P<part>{_alternation(parts)})\s+(?:(?:{grammar.of})\s+)?(?P<mname>{full_re})(?:{of}\s+{year})?",
        lambda m: {"month": month(m), "part": parts[m["part"].lower()], **({"year": m["year"]} if m["year"] else {"nearest": "1"})})
    add("month_only", rf"(?:{grammar.in_month})\s+(?P<mname>{full_re})(?!\s*\d)",
        lambda m: {"month": month(m), "prep": "in", "nearest": "1"})
    # Weekdays, "el viernes pasado", "el próximo lunes", "الجمعة الماضي", "sexta-feira passada".
    mods = rf"{grammar.last}|{grammar.next}"
    add("weekday", rf"(?:(?P<mod>{mods})\s+)?(?P<wname>{_alternation(weekdays)})(?:\s+(?P<fmod>{mods}))?",
        lambda m: None if _is_a_name(m, "wname") and not (m["mod"] or m["fmod"]) else {
            "weekday": weekdays[m["wname"].lower()],
            "mod": "" if not (m["mod"] or m["fmod"]) else "last" if re.fullmatch(grammar.last, (m["mod"] or m["fmod"]).lower()) else "next"})
    # Counts of days to years: dateparser's "hace (\d+) días" with number words and a qualifier.
    numbers = {**grammar.numbers}
    num = rf"(?:(?P<qual>{_alternation(grammar.qualifiers)})\s+)?(?P<num>\d+|{_alternation(numbers)})"
    def with_synonyms(forms) -> list[str]:
        forms = list(forms)
        for word, synonym in grammar.ago_synonyms.items():
            forms += [re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", synonym, form) for form in forms if word in form]
        return forms

    regex_table = info.get("relative-type-regex", {})
    for key, forms in regex_table.items():
        found = re.fullmatch(r"\\1 (day|week|month|year) ago", key)
        if not found:
            continue
        unit = found.group(1)
        for form in with_synonyms(_without_abbreviations(forms)):
            pattern = re.escape(form).replace(re.escape(_DATEPARSER_NUMBER), num)
            add("ago", pattern, lambda m, unit=unit: {
                "num": str(numbers.get(m["num"].lower(), m["num"])) if not m["num"].isdigit() else m["num"], "unit": unit,
                "qual": "a few" if m["num"].lower() in grammar.vague else grammar.qualifiers.get((m["qual"] or "").lower(), "")})
    for phrase, (unit, qualifier) in {p: v for phrase, v in grammar.counted_ago.items() for p in with_synonyms([phrase])}.items():
        add("ago", re.escape(phrase), lambda m, unit=unit, qualifier=qualifier: {"num": "1", "unit": unit, "qual": qualifier})
    relative = info.get("relative-type", {})
    for key, forms in relative.items():
        found = re.fullmatch(r"([2-9]) (day|week|month|year) ago", key)
        if found:  # Arabic duals: "قبل يومين" (two days ago)
            for form in with_synonyms(forms):
                add("ago", re.escape(form), lambda m, n=found.group(1), unit=found.group(2): {"num": n, "unit": unit, "qual": ""})
    unit_words = {unit: [w for w in _without_abbreviations(info.get(unit, [])) if len(w) >= 3] for unit in ("day", "week", "month", "year")}
    unit_of = {word.lower(): unit for unit, words in unit_words.items() for word in words}
    if unit_of:
        add("later", rf"{num}\s+(?P<unit>{_alternation(unit_of)})\s+(?:{grammar.later})",
            lambda m: {"num": str(numbers.get(m["num"].lower(), m["num"])) if not m["num"].isdigit() else m["num"],
                       "unit": unit_of[m["unit"].lower()]})
    hour_words = [w for w in _without_abbreviations(info.get("hour", []) + info.get("minute", [])) if len(w) >= 3]
    add("later", rf"(?:(?P<num>\d+|{_alternation(numbers)})\s+)?(?P<hunit>{_alternation(hour_words)})\s+(?:{grammar.later})",
        lambda m: {"hnum": str(numbers.get((m["num"] or "1").lower(), m["num"] or "1")),
                   "hunit": "hour" if m["hunit"].lower() in {w.lower() for w in info.get("hour", [])} else "minute"})
    add("later", rf"(?:{grammar.next_day})", lambda m: {"num": "1", "unit": "day"})
    add("later", rf"(?:{grammar.same_day})", lambda m: {"num": "0", "unit": "day", "same": "1"})
    add("later", rf"(?:{grammar.day_before})", lambda m: {"num": "1", "unit": "day", "before": "1"})
    daywords = {form.lower(): word for key, word in _RELATIVE_DAYS.items() for form in relative.get(key, [])}
    daywords.update(grammar.days)
    daywords.update({form.lower(): "weekend" for form in grammar.weekend.split("|")})
    add("dayword", rf"(?P<w>{_alternation(daywords)})",
        lambda m: None if grammar.not_a_day.get(m["w"].lower()) and re.search(grammar.not_a_day[m["w"].lower()], m.string[: m.start()])
        else {"word": daywords[m["w"].lower()]})
    units = {form.lower(): value for key, value in _RELATIVE_UNITS.items() for form in _without_abbreviations(relative.get(key, []))}
    units.update(grammar.units)
    add("rel_unit", rf"(?P<u>{_alternation(units)})", lambda m: dict(zip(("mod", "unit"), units[m["u"].lower()])))
    return tuple(table)


# The year before the first of each era (元年, the era's first year, is that year + 1).
_ERA_YEARS = {
    "ja": {"令和": 2018, "平成": 1988, "昭和": 1925},
    "zh": {"中華民國": 1911, "中华民国": 1911, "民國": 1911, "民国": 1911},
}


@cache
def patterns(language: str) -> tuple[tuple[str, re.Pattern, object], ...]:
    """(kind, pattern, field builder) for one language, in priority order."""
    if language in LOCALE_GRAMMARS:
        return _locale_patterns(language)
    table: list[tuple[str, re.Pattern, object]] = []

    def add(kind: str, regex: str, build, flags: int = 0) -> None:
        table.append((kind, re.compile(regex, flags), build))

    def month_of(number: str) -> str:
        return ENGLISH_MONTHS[int(number) - 1]

    def ymd(m):
        return {"year": m["year"], "month": month_of(m["mon"]), "day": m["day"]}

    if language in ("ja", "zh", "ko"):
        year_mark, month_mark, day_mark = ("년", "월", "일") if language == "ko" else ("年", "月", "日")
        sp = r"\s*"
        # Day ranges: 「4月23〜25日」, 「23~25日」, 「23-25일」 (the interval of days).
        dash = r"\s*[~\-–]\s*"
        add("md", rf"(?<!\d)(?P<mon>1[0-2]|0?[1-9]){sp}{month_mark}{sp}(?P<first>[12]\d|3[01]|0?[1-9]){sp}{day_mark}?{dash}(?P<day>[12]\d|3[01]|0?[1-9]){sp}{day_mark}",
            lambda m: {"month": month_of(m["mon"]), "day": m["day"], "first": m["first"]})
        add("dom", rf"(?<![\d月월./~\-])(?P<first>[12]\d|3[01]|0?[1-9]){sp}{day_mark}?{dash}(?P<day>[12]\d|3[01]|0?[1-9]){sp}{day_mark}(?![間目以간동째])",
            lambda m: {"day": m["day"], "first": m["first"], "mod": ""})
        if language in ("ja", "zh"):
            # A year of an era: Japanese imperial eras (「令和7年3月29日」, 「令和元年」 = its first year) and the
            # Republic of China calendar (「中華民國114年3月29日」, 「民國114年」): the Gregorian year is the era's.
            eras = _ERA_YEARS[language]

            def era_ymd(m):
                number = 1 if m["eyear"] == "元" else int(m["eyear"])
                return {"year": str(eras[m["era"]] + number), "month": month_of(m["mon"]), "day": m["day"]}

            add("dmy", rf"(?P<era>{_alternation(eras)}){sp}(?P<eyear>元|\d{{1,3}}){sp}年{sp}(?P<mon>1[0-2]|0?[1-9]){sp}月{sp}(?P<day>[12]\d|3[01]|0?[1-9]){sp}日", era_ymd)
        add("dmy", rf"(?P<year>(?:19|20)\d{{2}}){sp}{year_mark}{sp}(?P<mon>1[0-2]|0?[1-9]){sp}{month_mark}{sp}(?P<day>[12]\d|3[01]|0?[1-9]){sp}{day_mark}", ymd)
        add("my", rf"(?P<year>(?:19|20)\d{{2}}){sp}{year_mark}{sp}(?P<mon>1[0-2]|0?[1-9]){sp}{month_mark}(?!{sp}\d)",
            lambda m: {"year": m["year"], "month": month_of(m["mon"])})
        add("md", rf"(?<!\d)(?P<mon>1[0-2]|0?[1-9]){sp}{month_mark}{sp}(?P<day>[12]\d|3[01]|0?[1-9]){sp}{day_mark}(?![간間째目以])",
            lambda m: {"month": month_of(m["mon"]), "day": m["day"]})
        # A part of last, this or next month: 「今月上旬」, 「先月末」, '지난달 말', '이번 달 초', '上个月底', '本月中旬'.
        rel_months = {"ja": {"先月": "last", "今月": "this", "来月": "next"},
                      "ko": {"지난달": "last", "지난 달": "last", "이번 달": "this", "이달": "this", "다음 달": "next"},
                      "zh": {"上月": "last", "上个月": "last", "上個月": "last", "本月": "this", "下月": "next", "下个月": "next"}}[language]
        rel_parts = r"上旬|中旬|下旬|初め|初旬|末|月末" if language == "ja" else r"초|중순|하순|상순|말" if language == "ko" else r"上旬|中旬|下旬|初|底|末"
        add("rel_part_month", rf"(?P<mod>{_alternation(rel_months)})\s*(?P<part>{rel_parts})",
            lambda m: {"mod": rel_months[m["mod"]], "part": {**_CJK_PARTS, "月末": "end of", "初": "early"}[m["part"]]})
        if language == "ko":  # '이달' (this month) only as a word of its own: not the start of a longer word
            add("rel_unit", r"이달(?=[\s,.]|에|의|부터|까지|$)", lambda m: {"mod": "this", "unit": "month"})
        if language == "ja":
            add("rel_dom", r"(?P<mod>先月|今月|来月)\s*(?P<day>[12]\d|3[01]|0?[1-9])\s*日(?![間目以])",
                lambda m: {"mod": {"先月": "last", "今月": "this", "来月": "next"}[m["mod"]], "day": m["day"]})
        if language == "zh":
            add("rel_dom", r"(?P<mod>上月|本月|下月)\s*(?P<day>[12]\d|3[01]|0?[1-9])\s*日",
                lambda m: {"mod": {"上月": "last", "本月": "this", "下月": "next"}[m["mod"]], "day": m["day"]})
        if language == "ko":
            add("rel_dom", r"(?P<mod>지난달|이번 달|다음 달)\s*(?P<day>[12]\d|3[01]|0?[1-9])\s*일(?!\s*(?:간|동안|째))",
                lambda m: {"mod": {"지난달": "last", "이번 달": "this", "다음 달": "next"}[m["mod"]], "day": m["day"]})
            add("dom", r"(?:(?P<mod>지난|오는)\s*)?(?<![\d월.])(?P<day>[12]\d|3[01]|0?[1-9])\s*일(?!\s*(?:간|동안|째|부터\s*\d|본|부|반|대|자리|선|정|까지\s*\d|전|후|뒤))",
                lambda m: {"day": m["day"], "mod": {"지난": "last", "오는": "next"}.get(m["mod"] or "", "")})
        else:
            # Not a count of days since something (「発生から3日となった」: three days since the quake).
            add("dom", r"(?<![\d月./~\-])(?<!から)(?P<day>[12]\d|3[01]|0?[1-9])\s*日(?![間目以本号本])(?!\s*(?:前|後|后|之后))",
                lambda m: {"day": m["day"], "mod": ""})
        add("year", rf"(?P<year>(?:19|20)\d{{2}}){sp}{year_mark}(?!{sp}\d{{1,2}}{sp}{month_mark})(?!度)",
            lambda m: {"year": m["year"]})
        # A month without a day: 「6月末」, 「4월 말」, 「4月下旬」 (part of it), 「6月に」, 「지난 4월」 (all of it).
        part_words = r"末|下旬|上旬|中旬|初め|初旬|底|月初" if language != "ko" else r"말|초|중순|하순|상순"
        add("part_month", rf"(?<![\d年년./~\-])(?P<mon>1[0-2]|0?[1-9]){sp}{month_mark}{sp}(?P<part>{part_words})",
            lambda m: {"month": month_of(m["mon"]), "part": _CJK_PARTS[m["part"]], "nearest": "1"})
        add("month_only", rf"(?<![\d年년./~\-])(?P<mon>1[0-2]|0?[1-9]){sp}{month_mark}(?!{sp}\d)(?![期間간째分])",
            lambda m: {"month": month_of(m["mon"]), "prep": "", "nearest": "1"})
        if language == "ko":
            # "지난 금요일", "지난주 금요일" (last Friday), "오는 금요일", "다음 주 금요일" (next Friday).
            add("weekday", r"(?:(?P<mod>지난\s?주|지난|오는|다음\s?주|이번\s?주)\s*)?(?P<w>[월화수목금토일])요일|(?<=[(\uff08])(?P<w2>[월화수목금토일])(?=[)\uff09])",
                lambda m: {"weekday": _KO_WEEKDAY[m["w"] or m["w2"]], "mod": _CJK_WEEK_MOD.get((m["mod"] or "").replace(" ", ""), "")})
        elif language == "ja":
            # 「先週金曜日」, 「先週の金曜日」 (last Friday), 「来週月曜日」 (next Monday).
            add("weekday", r"(?:(?P<mod>先週|来週|今週)の?)?(?P<w>[月火水木金土日])曜日?|(?<=[(\uff08])(?P<w2>[月火水木金土日])(?=[)\uff09])",
                lambda m: {"weekday": _CJK_WEEKDAY[m["w"] or m["w2"]], "mod": _CJK_WEEK_MOD.get(m["mod"] or "", "")})
        else:
            add("weekday", r"(?P<mod>上|下|本|这|這)?(?:星期|礼拜|禮拜|周|週)(?P<w>[一二三四五六日天])",
                lambda m: {"weekday": _ZH_WEEKDAY[m["w"]],
                           "mod": {"上": "last week", "下": "next week", "本": "this week", "这": "this week", "這": "this week"}.get(m["mod"] or "", "")})
        units = _AGO_UNITS[language]
        # Korean also counts weeks and months with the native 한/두/세/석 ("한 달 전", "두 주 뒤") and says
        # one week as 일주일 (일 = one, only before 주일).
        num = (r"(?P<num>\d+|[一二两兩三四五六七八九十数數几幾]|며칠|몇|하루|이틀|사흘|나흘|닷새|엿새|이레|열흘"
               r"|일(?=주일)|이(?=주일)|[한두세석네](?=\s?(?:달|주)(?!\w*[가-힣]{2})))")
        qual = r"(?:(?P<qual>約|约|近|약)\s*)?"
        add("ago", rf"{qual}{num}\s*(?P<unit>{_alternation(units)})?\s*(?:前|전)(?![에의]\s*(?:비해|비하면))",
            lambda m, units=units: {"num": _num(m["num"]), "unit": units.get(m["unit"] or "", "day"),
                                    "qual": "a few" if m["num"] in VAGUE_COUNTS else _QUALIFIERS.get(m["qual"] or "", "")})
        # Counted from the date before it: 「2日後」, 「翌日」, 「이틀 뒤」, 「다음 날」, 「两天后」, 「次日」.
        add("later", rf"{num}\s*(?P<unit>{_alternation(units)})?\s*(?:後|后|뒤|후|之后)(?!半|에도|로도)",
            lambda m, units=units: {"num": _num(m["num"]), "unit": units.get(m["unit"] or "", "day")})
        add("later", r"(?P<w>翌日|翌週|翌月|翌年|次日|第二天|이튿날|다음\s?날|다음날)",
            lambda m: {"num": "1", "unit": {"週": "week", "月": "month", "年": "year"}.get(m["w"][-1], "day")})
        add("later", rf"{num}?\s*(?P<hunit>分間|分钟|分鐘|分|時間|小时|小時|시간|분)\s*(?:後|后|뒤|후|之后)(?!半|에도|로도)", _hours_later)
        add("later", r"同日|当日|当天|같은\s?날|당일", lambda m: {"num": "0", "unit": "day", "same": "1"})
        add("later", r"前日(?!比)|前一天|전날(?!\s*대비)", lambda m: {"num": "1", "unit": "day", "before": "1"})
    else:
        months, weekdays = locale_names(language)
        month_re = _alternation(months)
        weekday_re = _alternation(weekdays)
        flags = re.IGNORECASE
        day_re = r"(?P<day>[12]\d|3[01]|0?[1-9])"
        if language == "th":
            # Thai years are often Buddhist Era (2568 = 2025).
            # "28 มี.ค. 2568", "28 มีนาคม พ.ศ. 2568", "28 มี.ค. 68" (a two-digit Buddhist year after an abbreviated month).
            add("dmy", rf"(?<!\d){day_re}\s*(?P<mname>{month_re})\.?\s*(?:พ\.ศ\.\s*|ค\.ศ\.\s*)?(?P<year>(?:19|20|25)\d{{2}}|(?<=\.\s)[5-7]\d|(?<=\.)[5-7]\d)(?!\d)",
                lambda m: {"day": m["day"], "month": months[m["mname"].lower()], "year": _thai_year(m["year"])})
            add("dm", rf"(?<!\d){day_re}\s*(?P<mname>{month_re})\.?", lambda m: {"day": m["day"], "month": months[m["mname"].lower()]})
            # "28/03/2568", "28/03/2025": day, month, year in figures (Buddhist or Common Era).
            add("dmy", r"(?<![\d./])(?P<day>[12]\d|3[01]|0?[1-9])/(?P<mon>1[0-2]|0?[1-9])/(?P<year>(?:19|20|25)\d{2})(?![\d/])",
                lambda m: {**ymd(m), "year": _thai_year(m["year"])})
            add("my", rf"(?P<mname>{month_re})\.?\s*(?P<year>(?:19|20|25)\d{{2}})(?!\d)",
                lambda m: {"month": months[m["mname"].lower()], "year": _thai_year(m["year"])})
            # "เมื่อวันที่ 28" (on the 28th): a day of the month without its month.
            add("dom", rf"วันที่\s*{day_re}(?!\d)", lambda m: {"day": m["day"], "mod": ""})
        else:
            dot = r"\.?" if language == "de" else ""
            first = r"|1er" if language == "fr" else ""
            day_fr = rf"(?P<day>[12]\d|3[01]|0?[1-9]{first})"
            # Day ranges: "du 23 au 25 mars", "vom 23. bis 25. März", "с 23 по 25 марта", "23-25 March".
            range_first = rf"(?<![\w.])(?P<first>[12]\d|3[01]|0?[1-9]{first}){dot}\s*(?:au|bis|по|до|-|–)\s*"
            add("dmy", rf"{range_first}{day_fr}{dot}\s+(?P<mname>{month_re})\.?,?\s+(?P<year>(?:19|20)\d{{2}})(?!\d)",
                lambda m: {"first": m["first"].replace("1er", "1"), "day": m["day"].replace("1er", "1"),
                           "month": months[m["mname"].lower().strip(".")], "year": m["year"]}, flags)
            add("dm", rf"{range_first}{day_fr}{dot}\s+(?P<mname>{month_re})(?![\w])",
                lambda m: {"first": m["first"].replace("1er", "1"), "day": m["day"].replace("1er", "1"),
                           "month": months[m["mname"].lower().strip(".")]}, flags)
            add("dmy", rf"(?<![\w.]){day_fr}{dot}\s+(?P<mname>{month_re})\.?,?\s+(?P<year>(?:19|20)\d{{2}})(?!\d)",
                lambda m: {"day": m["day"].replace("1er", "1"), "month": months[m["mname"].lower().strip(".")], "year": m["year"]}, flags)
            add("dmy", r"(?<![\d.])(?P<day>[12]\d|3[01]|0?[1-9])\.(?P<mon>1[0-2]|0?[1-9])\.(?P<year>(?:19|20)\d{2})(?![\d.])",
                ymd)
            # "28/03/2025": these languages write the day first.
            add("dmy", r"(?<![\d./])(?P<day>[12]\d|3[01]|0?[1-9])/(?P<mon>1[0-2]|0?[1-9])/(?P<year>(?:19|20)\d{2})(?![\d/])", ymd)
            if language == "de":
                # "am 13.6.", "vom 28.03. bis …": day and month in figures, each closed by its dot, after the
                # words that announce a day (a decimal "7.7" or a time "12.50 Uhr" has no second dot).
                add("dm", r"(?:" + "|".join(rf"(?<=\b[{w[0].upper()}{w[0]}]{w[1:]}\s)" for w in ("am", "vom", "bis", "zum", "seit", "dem", "den")) + r")(?P<day>[12]\d|3[01]|0?[1-9])\.(?P<mon>1[0-2]|0?[1-9])\.(?![\d])",
                    lambda m: {"day": m["day"], "month": month_of(m["mon"])})
            add("dm", rf"(?<![\w.]){day_fr}{dot}\s+(?P<mname>{month_re})(?![\w])",
                lambda m: {"day": m["day"].replace("1er", "1"), "month": months[m["mname"].lower().strip(".")]}, flags)
            add("my", rf"(?<![\w])(?P<mname>{month_re})\.?\s+(?P<year>(?:19|20)\d{{2}})(?!\d)",
                lambda m: {"month": months[m["mname"].lower().strip(".")], "year": m["year"]}, flags)
        if language != "th":
            # A month without a day: "im Juni", "en juin", "в июне", "у червні"; "Ende April", "fin avril",
            # "в конце апреля", "наприкінці квітня" (a part of it).
            in_months = {**months, **_prepositional(language, months)}
            in_re = _alternation(in_months)
            part_re = {"de": r"Anfang|Mitte|Ende", "fr": r"début|mi-|fin", "ru": r"в начале|в середине|в конце",
                       "uk": r"на початку|в середині|у середині|наприкінці|в кінці|у кінці"}[language]
            add("part_month", rf"(?<![\w])(?P<part>{part_re})\s*(?P<mname>{month_re})(?![\w])(?!\.?\s*\d)",
                lambda m: {"month": months[m["mname"].lower().strip(".")], "part": _EUROPEAN_PARTS[m["part"].lower().split()[-1]],
                           "nearest": "1"}, flags)
            in_word = {"de": r"im", "fr": r"en|au mois de", "ru": r"в|во", "uk": r"в|у"}[language]
            add("month_only", rf"(?<![\w])(?:{in_word})\s+(?P<mname>{in_re})(?![\w])(?!\.?\s*\d)",
                lambda m: {"month": in_months[m["mname"].lower()], "prep": "in", "nearest": "1"}, flags)
        last_words = {
            "ru": r"прошл\w*|последн\w*|минувш\w*", "uk": r"минул\w*|останн\w*", "de": r"letzten|vergangenen|letzte|vergangene",
            "fr": "", "th": "",
        }[language]
        next_words = {"ru": r"следующ\w*|ближайш\w*", "uk": r"наступн\w*", "de": r"nächsten|kommenden|nächste|kommende",
                      "fr": "", "th": ""}[language]
        prefix = ""
        if last_words:
            prefix = rf"(?:(?P<mod>{last_words}|{next_words})\s+)?"
        # The night before a weekday ("in der Nacht zum Donnerstag", "в ночь на четверг", "dans la nuit de
        # mercredi à jeudi"): from the evening before to that day.
        night = {"de": r"in der Nacht (?:zum|auf den|auf)", "ru": r"в ночь (?:с \w+ )?на", "uk": r"(?:в|у) ніч (?:з \w+ )?на",
                 "fr": r"dans la nuit (?:de \w+ |du \w+ )?(?:à|au)"}.get(language)
        if night:
            prefix = rf"(?:(?P<night>{night})\s+)?" + prefix
        suffix = r"(?:\s+(?P<fmod>dernier|prochain))?" if language == "fr" else ""
        compound = r"(?:morgen|abend|nacht|nachmittag|vormittag|mittag)?" if language == "de" else ""  # "Samstagmorgen"
        if language == "th":
            # Thai is written without spaces between words: a weekday is its "วัน…" form ("เมื่อวันศุกร์"),
            # "ที่แล้ว" after it is the last one, "หน้า" the next.
            thai_days = _alternation(w for w in weekdays if w.startswith("วัน") and not w.endswith("ที่"))
            add("weekday", rf"(?P<wname>{thai_days})(?P<tmod>ที่แล้ว|ที่ผ่านมา|ก่อน|หน้า)?",
                lambda m: {"weekday": weekdays[m["wname"]],
                           "mod": {"ที่แล้ว": "last", "ที่ผ่านมา": "last", "ก่อน": "last", "หน้า": "next"}.get(m["tmod"] or "", "")})
        else:
            add("weekday", rf"(?<![\w'’]){prefix}(?P<wname>{weekday_re}){compound}(?![\w'’]){suffix}",
                lambda m: {"weekday": weekdays[m["wname"].lower()], "mod": _weekday_mod(m, last_words, next_words),
                           **({"eve": "1"} if m.groupdict().get("night") else {})}, flags)
        units = _AGO_UNITS[language]
        unit_re = _alternation(units)
        num = r"(?P<num>\d+|" + _alternation(w for w in NUMBER_WORDS if re.match(r"[^\W\d]", w) and not re.match(r"[\u3000-\u9fff\uac00-\ud7af]", w)) + ")"
        qual = r"(?:(?P<qual>" + _alternation(_QUALIFIERS) + r")\s+)?"
        if language in ("ru",):
            add("ago", rf"(?<![\w]){qual}{num}?\s*(?P<unit>{unit_re})\s+назад", _ago_fields(units), flags)
        elif language == "uk":
            add("ago", rf"(?<![\w]){qual}{num}?\s*(?P<unit>{unit_re})\s+(?:тому|назад)", _ago_fields(units), flags)
        elif language == "de":
            add("ago", rf"\bvor\s+{qual}{num}\s+(?P<unit>{unit_re})\b", _ago_fields(units), flags)
        elif language == "fr":
            add("ago", rf"\bil y a\s+{qual}{num}\s+(?P<unit>{unit_re})\b", _ago_fields(units), flags)
        elif language == "th":
            thai_num = rf"(?P<num>\d+|{_alternation(_THAI_NUMBERS)})"
            add("ago", rf"{thai_num}\s*(?P<unit>{unit_re})\s*(?:ที่แล้ว|ก่อน)", _ago_fields(units))
        # Counted from the date before it ("через два дня", "zwei Tage später", "le lendemain").
        later_units = {**units, **_LATER_UNITS.get(language, {})}
        later_re = _alternation(later_units)
        later = {
            "ru": [rf"(?<![\w])через\s+{num}?\s*(?P<unit>{later_re})(?![\w])", rf"(?<![\w]){num}\s+(?P<unit>{later_re})\s+спустя"],
            "uk": [rf"(?<![\w])через\s+{num}?\s*(?P<unit>{later_re})(?![\w])", rf"(?<![\w]){num}\s+(?P<unit>{later_re})\s+по тому"],
            "de": [rf"\b{num}\s+(?P<unit>{later_re})\s+(?:später|danach)\b"],
            "fr": [rf"\b{num}\s+(?P<unit>{later_re})\s+plus tard\b"],
            "th": [rf"(?P<num>\d+|{_alternation(_THAI_NUMBERS)})\s*(?P<unit>{later_re})\s*(?:ต่อมา|หลังจากนั้น)"],
        }[language]
        for regex in later:
            add("later", regex, _ago_fields(later_units), flags)
        hours_later = {
            "ru": rf"(?<![\w])через\s+{num}?\s*(?P<hunit>минут\w*|час\w*)(?![\w])",
            "uk": rf"(?<![\w])через\s+{num}?\s*(?P<hunit>хвилин\w*|годин\w*)(?![\w])",
            "de": rf"\b(?:{num}\s+)?(?P<hunit>Minuten|Minute|Stunden|Stunde)\s+(?:später|danach)\b",
            "fr": rf"\b(?:{num}\s+)?(?P<hunit>minutes?|heures?)\s+plus tard\b",
            "th": r"(?P<num>\d+)?\s*(?P<hunit>นาที|ชั่วโมง)\s*(?:ต่อมา|หลังจากนั้น)",
        }[language]
        add("later", hours_later, _hours_later, flags)
        next_day = {"ru": r"на следующий день|на другой день", "uk": r"наступного дня|другого дня",
                    "de": r"am (?:nächsten|folgenden) Tag|tags darauf|am Tag darauf", "fr": r"le lendemain",
                    "th": r"วันรุ่งขึ้น|วันต่อมา"}[language]
        add("later", rf"(?P<w>{next_day})", lambda m: {"num": "1", "unit": "day"}, flags)
        same_day = {"ru": r"в тот же день|в этот же день", "uk": r"того ж дня|того самого дня", "de": r"am selben Tag|am gleichen Tag",
                    "fr": r"le jour même|le même jour|ce jour-là", "th": r"วันเดียวกัน"}[language]
        add("later", rf"(?<![\w])(?:{same_day})(?![\w])", lambda m: {"num": "0", "unit": "day", "same": "1"}, flags)
        day_before = {"ru": r"днем ранее|днём ранее", "uk": r"днем раніше|напередодні ввечері", "de": r"am Vortag|tags zuvor",
                      "fr": r"la veille", "th": r"วันก่อนหน้า"}[language]
        add("later", rf"(?<![\w])(?:{day_before})(?![\w])", lambda m: {"num": "1", "unit": "day", "before": "1"}, flags)
    words = _DAYWORDS[language]
    boundary_l, boundary_r = (r"(?<![\w'’])", r"(?![\w'’])") if language in ("ru", "uk", "de", "fr") else ("", "")
    alternatives = rf"(?i:{_alternation(words)})"
    if language == "de":  # "Morgen" (the morning) is not "morgen" (tomorrow): that one word is case-sensitive
        alternatives = rf"(?i:{_alternation(w for w in words if w != 'morgen')})|morgen"
    add("dayword", rf"{boundary_l}(?P<w>{alternatives}){boundary_r}",
        lambda m: {"word": words.get(m["w"].lower(), words.get(m["w"], "today"))})
    units_table = _UNITS[language]
    add("rel_unit", rf"{boundary_l}(?P<u>{_alternation(units_table)}){boundary_r}",
        lambda m: dict(zip(("mod", "unit"), units_table[m["u"].lower()])), re.IGNORECASE)
    return tuple(table)


_CJK_PARTS = {"末": "end of", "底": "end of", "말": "end of", "下旬": "late", "하순": "late", "上旬": "early", "初め": "early",
              "初旬": "early", "月初": "early", "초": "early", "상순": "early", "中旬": "mid", "중순": "mid"}
_EUROPEAN_PARTS = {"anfang": "early", "mitte": "mid", "ende": "end of", "début": "early", "mi-": "mid", "fin": "end of",
                   "начале": "early", "середине": "mid", "конце": "end of", "початку": "early", "середині": "mid",
                   "наприкінці": "end of", "кінці": "end of"}


def _prepositional(language: str, months: dict[str, str]) -> dict[str, str]:
    """Month names after "in" in Russian and Ukrainian ("в июне", "у червні"), made from the genitive
    forms dateparser lists ("июня", "червня"): a grammar rule, since no library here inflects them."""
    forms = {}
    for word, english in months.items():
        if language == "ru" and word[-1:] in ("а", "я") and len(word) >= 3:
            forms[word[:-1] + "е"] = english
        elif language == "uk" and word.endswith("ого"):
            forms[word[:-3] + "ому"] = english
        elif language == "uk" and word[-1:] in ("а", "я") and len(word) >= 5:
            forms[word[:-1] + "і"] = english
    return forms


def _thai_year(text: str) -> str:
    """A Thai year as a Common Era year: Buddhist Era (2568 -> 2025), or its last two digits (68 -> 2025)."""
    year = int(text)
    if year < 100:
        year += 2500
    return str(year - 543 if year > 2400 else year)


def _weekday_mod(match: re.Match, last_words: str, next_words: str) -> str:
    groups = match.groupdict()
    mod = (groups.get("mod") or groups.get("fmod") or "").lower()
    if not mod:
        return ""
    if mod in ("dernier",) or (last_words and re.fullmatch(last_words, mod)):
        return "last"
    return "next"


def _hours_later(match: re.Match) -> dict:
    """"12分後", "через два часа", "wenige Minuten später": counted in hours from the date before it."""
    word = match["hunit"].lower()
    hour = word.startswith(("時間", "小时", "小時", "시간", "час", "годин", "stunde", "heure", "ชั่วโมง"))
    return {"hnum": _num(match.groupdict().get("num") or "1"), "hunit": "hour" if hour else "minute"}


def _ago_fields(units: dict[str, str]):
    def build(match: re.Match) -> dict:
        groups = match.groupdict()
        return {
            "num": _num(groups.get("num") or "1"),
            "unit": units[match["unit"].lower()],
            "qual": "a few" if (groups.get("num") or "").lower() in VAGUE_COUNTS else _QUALIFIERS.get((groups.get("qual") or "").lower(), ""),
        }

    return build


def find_phrases(sentence: str, language: str) -> list[tuple[str, int, int, dict]]:
    """(kind, start, end, English fields) of every date phrase, non-overlapping, earlier patterns first."""
    if language not in LANGUAGES:
        return []
    text = sentence.translate(_WIDTH)
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern, build in patterns(language):
        for match in pattern.finditer(text):
            start, end = match.span()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start == end or any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            fields = build(match)
            if fields is None:
                continue
            taken.append((start, end))
            found.append((kind, start, end, fields))
    return sorted(found, key=lambda item: item[1])


def is_future(sentence: str, language: str) -> bool:
    """Whether the sentence speaks of something still to come (plans, schedules)."""
    pattern = LOCALE_GRAMMARS[language].future if language in LOCALE_GRAMMARS else _FUTURE.get(language)
    return bool(pattern and re.search(pattern, sentence, re.IGNORECASE))


# "Bis Sonntagabend bestätigte die Küstenwache 52 Todesopfer": "bis" a past day, with a verb in a past
# tense (an auxiliary of the past or a lower-case preterite in -te/-ten; "stieg", "lag"), a count and no
# modal or promise, tells what was reached by then (like English "By Sunday evening, … had confirmed"), no deadline.
_REACHED_BY = {
    "de": (
        r"\b(?:hatten?|war(?:en)?|wurden?|stieg(?:en)?|lag(?:en)?|fanden|bargen|[a-zäöüß]{3,}(?:te|ten))\b",
        r"\b(?:sollen|sollte|sollten|soll|wollen|wollte|wollten|will|wird|werden|versprach|versprachen|plante|planten|muss|müssen|musste|mussten|kündigte)\b",
        r"\d|\b(?:stieg|stiegen|kletterte|kletterten)\b",  # a count: "Die Straße war bis Sonntag gesperrt" stays "until"
    ),
}


def reached_by(clause: str, language: str) -> bool:
    """Whether a "by <day>" clause in `language` tells what was reached by that day (see `_REACHED_BY`)."""
    if language not in _REACHED_BY:
        return False
    past, promised, count = _REACHED_BY[language]
    return bool(re.search(past, clause) and re.search(count, clause)) and not re.search(promised, clause, re.IGNORECASE)


def role_of(sentence: str, start: int, end: int, language: str) -> str:
    """"since" / "target" / "event" from the words just before or after the phrase."""
    before, after = sentence[max(0, start - 20) : start], sentence[end : end + 8]
    grammar = LOCALE_GRAMMARS.get(language)
    for role, table in (("since", _SINCE), ("target", _TARGET)):
        pattern = (grammar.since if role == "since" else grammar.target) if grammar else table.get(language)
        if not pattern:
            continue
        target_text = after if pattern.startswith("^") else before
        if re.search(pattern, target_text, re.IGNORECASE):
            return role
    return "event"


def script_language(sentence: str) -> str | None:
    """A language the script alone names (kana -> ja, hangul -> ko, Thai, Arabic, Han -> zh), else None.

    Cyrillic could be Russian or Ukrainian: letters only Ukrainian has decide.
    """
    if re.search(r"[\u3040-\u30ff]", sentence):
        return "ja"
    if re.search(r"[\uac00-\ud7af]", sentence):
        return "ko"
    if re.search(r"[\u0e00-\u0e7f]", sentence):
        return "th"
    if re.search(r"[\u0600-\u06ff]", sentence):
        return "ar"
    if re.search(r"[\u4e00-\u9fff]", sentence):
        return "zh"
    if re.search(r"[\u0400-\u04ff]", sentence):
        return "uk" if re.search(r"[іїєґІЇЄҐ]", sentence) else "ru"
    return None
