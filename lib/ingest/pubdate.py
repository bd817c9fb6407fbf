"""Stated publication dates: the date a page prints for itself, read as evidence.

Every date the page's own furniture prints is collected as a signal (the line,
the label in front of that date — "Published", "By", "Updated", "입력", "Stand",
"更新" ... —, where it sits relative to the headline and the body), then the
strongest signal wins:

1. a date labelled as the publication date or a byline's date, in any language below;
2. an unlabelled date line between the headline and the body (the byline area),
   just above the headline, or a date in the page's own URL path;
3. a wire dateline opening the body ("TOKYO, Oct 25, 2024 (Reuters) -");
4. an "Updated" date when nothing else dates the page;
5. one unlabelled date inside or under the article (several different ones are a
   list of other items: then the page gets no day).

When none of these holds a full date, a day word set beside the date it names in the
body ("gestern, am Freitag, 28. März 2025", "hier, vendredi 28 mars 2025",
"昨日、2025年3月28日", "今天（3月30日）") gives the page's day (inferred, not stated;
never from inside a quotation; a weekday between them must be the date's).

What never dates a page: comments, related-article lists, captions (a photo's
date), embedded posts ("— Name (@handle) November 19, 2019"), a site's copyright
year, an image file's address, a deadline or appointment line ("Deadline: ...",
"Wann: ..."), a headline or sentence naming a day ("Summer fair returns on June 14,
2025"), and an unlabelled date line above the headline that is later than every
other date of the page (a masthead showing the day it was read). A page that gives
only its age ("Updated 2 hours ago", "vor 3 Stunden", "3時間前") gets no day from
weaker dates; an update stamp with an earlier unlabelled date gives their interval. Page metadata
(HTML) comes first, except that a visible "Published" date one or two days off
is the day the page shows. A date printed without a year ("SEOUL, Oct 23
(Yonhap) –", "Posted Nov 19, 6:51 AM") takes its year from the page's copyright
line when it is a labelled furniture date; otherwise it is kept as a day and
month only (`PublishedDate.day_month`), as is the day of the month a CJK or
Korean lead dates its news by ("--23"), for the collection-level inference
(`pubdate_inference`) to place.

Numeric dates are day first on pages in languages that write them so (05/03/2025
on a French page is 5 March; on an English page it is left out); Buddhist-era years
(2568) are converted; page addresses give their day in the forms sites use
(/2025/03/29/, /2025-03-29/, /2025/0329/, /20250329/).

Candidates are found with regular expressions and the multilingual date
grammar of `lib.text.dates` (dateparser's `search_dates` matches "may",
"March" or bare numbers inside ordinary words); explicit dates are parsed with
dateparser, `languages=` set and a fixed `RELATIVE_BASE`, so the machine clock
never leaks in. Languages outside that grammar fall back to dateparser's
search on short date lines only, with the page language given explicitly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from lib.core.models import PublishedDate, RemovedBlock
from lib.text import date_languages
from lib.text.dates import MONTHS

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Explicit dates with a year (English month names, ISO and year-first numeric forms, CJK).
DATE_PATTERNS = [
    re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"),  # ISO 2024-06-20, 2019-11-19T12:48:14Z
    re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}(?:\b|(?=\d{{1,2}}:\d\d))", re.IGNORECASE),  # Oct 26, 2024
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}\b", re.IGNORECASE),  # 26 October 2024, 26th of October 2024
    re.compile(rf"\b\d{{1,2}}-{_MONTH}-\d{{4}}\b", re.IGNORECASE),  # 26-Oct-2024
    re.compile(r"(?<![\d/.])\d{4}[/.]\d{1,2}[/.]\d{1,2}(?![\d/])"),  # 2024/10/26, 2024.10.25
    re.compile(r"(?<![\d.])\d{4}\.\s\d{1,2}\.\s\d{1,2}\.(?!\d)"),  # 2025. 3. 29. (Korean)
    re.compile(r"\b\d{1,2}\s+[а-яёіїє']{3,}\.?\s+\d{4}\b", re.IGNORECASE),  # 25 октября 2024
    re.compile(r"\d{4}年\d{1,2}月\d{1,2}日"),  # 2024年10月26日
]
# 24.10.2024, 21/06/2014, 11/18/19, 29-03-2025 (a hyphen only before a four-digit year)
_NUMERIC_DMY = re.compile(r"(?<![\d./-])(\d{1,2})([./]|-(?=\d{1,2}-\d{4}))(\d{1,2})\2(\d{4}|\d{2})(?![\d./-])")
# Languages whose pages write numeric dates day first (05/03/2025 = 5 March); English pages may be
# American (month first), and CJK/Korean pages write the year first.
_DAY_FIRST_LANGUAGES = frozenset("fr de es it pt ru uk ar th id nl pl tr el ro cs sv da no fi hu bg hr sr vi".split())
_YEARLESS_EN = re.compile(
    rf"\b(?P<month>{_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*[,.]?\s*(?:19|20)\d{{2}})(?!\d|:\d)"
    rf"|\b(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH})(?!\w)(?!\s*[,.]?\s*(?:19|20)\d{{2}})",
)
_FIXED_BASE = datetime(2000, 1, 1)  # only explicit dates with a year are accepted as stated

# Labels, in the nine languages of the app and a few more; "Stand" ("as of") is the date the
# page shows as its own, so it counts as a date line, not as an update.
_PUBLISHED_LABEL = re.compile(
    r"(?i)\b(?:published|posted|first published|publication date|date|dated|released|created|datum|veröffentlicht|"
    r"publiziert|erschienen|erstellt|stand|publié(?:\s+le)?|опубликовано|опубліковано|дата публикации|publicado|publicada|"
    r"pubblicato|pubblicazione|diterbitkan|dipublikasikan|mis en ligne|mise en ligne|дата публікації|تاريخ النشر|نشر في|نُشر في)\b"
    r"|입력|기사입력|송고시간|송고|등록|발행|게시|配信|公開|掲載|投稿|发布|發布|发表|發表|稿件來源|เผยแพร่|โพสต์"
)
_UPDATED_LABEL = re.compile(
    r"(?i)\b(?:updated|last updated|modified|last modified|edited|aktualisiert|mis à jour|обновлено|оновлено|"
    r"atualizado|atualização|actualizado|actualizada|actualización|actualisé|modifié(?:\s+le)?|mise à jour|"
    r"aktualisierung|geändert|diperbarui|aggiornato|aggiornamento|изменено|обновлен[оа]?|дата обновления|"
    r"змінено|оновлення|آخر تحديث|تحديث|تم التحديث)\b|수정|업데이트|更新|最終更新|修改时间|อัปเดต|แก้ไข|ปรับปรุง"
)
_BYLINE = re.compile(r"(?:^|[\s/|])(?:[Bb]y|[Vv]on|[Pp]ar|[Аа]втор|[Оо]т)\s+[^\W\d]")
# Embedded social posts carry the post's date, not the article's.
_EMBED = re.compile(r"\(@\w+\)|pic\.twitter\.com|— .{2,60}\(@|twitter\.com/\w+/status")
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d{2})", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|\bwww\.)[^\s/]+/\S*")
_IMAGE_FILE = re.compile(r"(?i)\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)")
# The date a page's address carries, in the forms sites use: /2025/03/29/, /2025-03-29/, /2025/0329/,
# /2025-03/29/, /20250329/, "AKR20250329012345" (a dated article number).
_URL_DATES = [
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:[/_.-]|$)"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[/_.-]|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]\d)(?P<d>[0-3]\d)/"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)/(?P<d>[0-3]\d)/"),
    re.compile(r"(?:[/_-]|(?<=/[A-Za-z]{3}))(?P<y>20\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?:[/_.-]|$|(?<=[A-Za-z]{3}\d{8})\d{4,})"),
]


def url_day(line: str) -> tuple[date, str] | None:
    """The day a web address in `line` carries in its path (see _URL_DATES) and the address up to it, or None.

    An image file's address ("/uploads/2025/03/29/photo.jpg") is left out: it dates the picture."""
    for address in _URL.finditer(line):
        text = address.group()
        if _IMAGE_FILE.search(text):
            continue  # an image's upload path dates the picture (often an archive photo), not the page
        for pattern in _URL_DATES:
            match = pattern.search(text, text.find("/"))
            if match:
                day = _valid(int(match.group("y")), int(match.group("m")), int(match.group("d")))
                if day:
                    return day, text[: match.end()].rstrip("/_.-") + ("/" if match.group().endswith("/") else "")
    return None
READABLE_KINDS = ("metadata", "credit", "caption", "other")
_OTHER_ITEMS_KINDS = ("navigation", "related", "comment", "promo")
_MAX_DATE_LINE = 160
_MAX_SEARCHED_LINES = 200


@dataclass(frozen=True)
class DateSignal:
    """One date the page prints, with where it was found and how strong a clue it is (lower rank = stronger)."""

    day: date | None  # None when printed without a year
    month: int
    day_of_month: int
    rank: int
    zone: str
    position: int
    clue: str
    updated_only: bool


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parse_candidate(text: str) -> datetime | None:
    import dateparser

    numbers = re.findall(r"\d+", text)
    if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{4}\.\s\d{1,2}\.\s\d{1,2}\.", text):
        year, month, day = map(int, numbers)
        parsed = _valid(year, month, day)
        return datetime(parsed.year, parsed.month, parsed.day) if parsed else None
    # English unless the date is written in Cyrillic (Russian/Ukrainian month names).
    languages = ["ru", "uk"] if re.search(r"[а-яёіїє]", text, re.IGNORECASE) else ["en"]
    return dateparser.parse(
        text,
        languages=languages,
        settings={"RELATIVE_BASE": _FIXED_BASE, "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )


def _numeric_date(match: re.Match, language: str) -> date | None:
    """24.10.2024 is day-first; 11/18/19 month-first; 05/03/2025 day-first on a page in a language
    that writes dates so (French, German, Thai ...). On an English page a slash date whose order
    the numbers cannot tell is left out. A Buddhist-era year (29/03/2568) is converted."""
    first, separator, second, year_text = int(match.group(1)), match.group(2), int(match.group(3)), match.group(4)
    year = _common_era(int(year_text) if len(year_text) == 4 else 2000 + int(year_text))
    if len(year_text) == 2 and separator == "." and language not in _DAY_FIRST_LANGUAGES or year is None:
        return None  # "29.03.25" is a date where pages write dates day first (German, Russian ...)
    if separator == "." and first <= 12 < second:
        return _valid(year, first, second)  # 03.29.2025: only month first can be read
    if separator == "." or first > 12 or language in _DAY_FIRST_LANGUAGES:
        return _valid(year, second, first)
    if second > 12:
        return _valid(year, first, second)
    return None  # 05/06/2019 on an English page: 5 June or May 6 — not a day we can state


def _common_era(year: int) -> int | None:
    """A printed year in the common era: Buddhist-era years (2400-2700, Thai pages) less 543;
    None for a year no news page prints as its date (before 1900 or after 2200)."""
    if 2400 <= year <= 2700:
        year -= 543
    return year if 1900 <= year <= 2200 else None


def _languages_for(line: str, language: str) -> list[str]:
    found = [language] if language in date_languages.LANGUAGES else []
    script = date_languages.script_language(line)
    if script and script not in found:
        found.append(script)
    return found


def dates_in_line(line: str, language: str = "en") -> list[tuple[str, datetime]]:
    """Explicit day-precision dates (with a year) printed in `line`, in order."""
    return [(text, datetime(day.year, day.month, day.day)) for _start, text, day in _full_dates(line, language)]


def _full_dates(line: str, language: str, search: bool = True) -> list[tuple[int, str, date]]:
    found: list[tuple[int, str, date]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(start < t_end and t_start < end for t_start, t_end in taken)

    for grammar in _languages_for(line, language):
        for kind, start, end, fields in date_languages.find_phrases(line, grammar):
            if kind != "dmy" or not free(start, end):
                continue
            day = _valid(int(fields["year"]), MONTHS[fields["month"]], int(fields["day"]))
            if day:
                found.append((start, line[start:end], day))
                taken.append((start, end))
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(line):
            if not free(match.start(), match.end()):
                continue
            parsed = _parse_candidate(match.group())
            year = _common_era(parsed.year) if parsed is not None else None
            if year is not None:
                day = _valid(year, parsed.month, parsed.day)
                if day:
                    found.append((match.start(), match.group(), day))
                    taken.append((match.start(), match.end()))
    for match in _NUMERIC_DMY.finditer(line):
        if free(match.start(), match.end()):
            day = _numeric_date(match, language)
            if day:
                found.append((match.start(), match.group(), day))
                taken.append((match.start(), match.end()))
    if search and not found and language not in date_languages.LANGUAGES and language != "en" and len(line) <= 100:
        found.extend(_dateparser_search(line, language))
    return sorted(found)


def _dateparser_search(line: str, language: str) -> list[tuple[int, str, date]]:
    """Dates in a short line of a language the grammar does not cover, via dateparser with that language."""
    if not re.search(r"(?:19|20)\d{2}", line):
        return []
    from dateparser.search import search_dates

    try:
        results = search_dates(
            line,
            languages=[language],
            settings={"RELATIVE_BASE": _FIXED_BASE, "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True},
        ) or []
    except (ValueError, KeyError):  # unknown language code: nothing read, never a guess
        return []
    found = []
    for text, parsed in results:
        if re.search(r"(?:19|20)\d{2}", text) and re.search(r"\D", text.strip()):
            found.append((max(line.find(text), 0), text, parsed.date()))
    return found


def _yearless_dates(line: str, language: str) -> list[tuple[int, str, int, int]]:
    """(position, text, month, day) of dates printed without a year: "Nov 19", "3 сентября", "4月1日"."""
    found = []
    for grammar in _languages_for(line, language):
        for kind, start, end, fields in date_languages.find_phrases(line, grammar):
            if kind in ("md", "dm"):
                found.append((start, line[start:end], MONTHS[fields["month"]], int(fields["day"])))
    for match in _YEARLESS_EN.finditer(line):
        month = (match.group("month") or match.group("month2")).rstrip(".")
        day = int(match.group("day") or match.group("day2"))
        month_number = MONTHS.get(month) or MONTHS.get(month[:3].title())
        if month_number and 1 <= day <= 31:
            found.append((match.start(), match.group(), month_number, day))
    for match in _YEARLESS_NUMERIC_WEEKDAY.finditer(line):
        month, day = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append((match.start(), match.group(), month, day))
    return sorted(found)


# "3/29(土) 14:05配信", "03.29(토)": month and day in figures, told apart from a fraction by the weekday mark.
_YEARLESS_NUMERIC_WEEKDAY = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})\s*[(（](?:[月火水木金土日]|[월화수목금토일])[)）]")


_DATELINE = re.compile(
    r"^\s*(?:[A-ZА-ЯЁІЇЄ][\w.'’ -]{1,40}[,.]\s+)?(?P<date>[^()\n]{3,30}?)\s*"
    r"(?:\((?P<wire>[^)]{2,40})\)|/(?P<wire2>[^/]{2,20})/)?\s*(?:\.?\s*[-–—:]|\.\s*/|(?<=/)\.?(?=\s))"
)
# A Chinese wire's dateline: "新华社北京3月29日电", "中新网上海3月29日电（记者 …）".
_CJK_DATELINE = re.compile(r"^\s*[^\s，。、0-9０-９]{0,16}?(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日电")


def dateline_date(body: str, language: str = "en") -> tuple[str, date | None, int, int] | None:
    """A wire dateline opening the body: (text, full date or None, month, day).

    "TOKYO, Oct 25, 2024 (Reuters) -" gives a full date; "SEOUL, Oct 23 (Yonhap) –",
    "Jan. 11 (UPI) --", "ПЕКИН, 3 сентября. /ТАСС/.", "Madrid, 29 mar (EFE).-" and "New Delhi, Mar 29:"
    a day and month. The dateline opens the body's first paragraph, or the first one after up to
    two short lines the cleaner kept above the lead (a site name, a section: no sentence).
    """
    paragraphs = [paragraph.strip() for paragraph in body.split("\n") if paragraph.strip()][:3]
    for paragraph in paragraphs:
        found = _dateline_of(paragraph, language)
        if found or len(paragraph) > 60 or re.search(r"[.!?。]\s*$", paragraph):
            return found
    return None


def _dateline_of(paragraph: str, language: str) -> tuple[str, date | None, int, int] | None:
    head = paragraph[:160]
    cjk = _CJK_DATELINE.match(unicodedata.normalize("NFKC", head))
    if cjk:
        month, day_number = int(cjk.group("month")), int(cjk.group("day"))
        full = _valid(int(cjk.group("year")), month, day_number) if cjk.group("year") else None
        if 1 <= month <= 12 and 1 <= day_number <= 31:
            return cjk.group().strip(), full, month, day_number
    match = _DATELINE.match(head)
    if not match:
        return None
    span_text = head[: match.end()].strip()
    if len(span_text) > 90 or _UPDATED_LABEL.search(span_text) or _PUBLISHED_LABEL.search(span_text):
        return None  # a labelled date line the cleaner kept ("Updated 4 Apr 2025 10:30"), not a dateline
    if span_text.endswith(":") and re.match(r"\d", head[match.end() :]):
        return None  # "... 2025 10:" is a clock time, not a dateline's colon
    # The place and the date together: "BEIJING. Dec 5", "Jan. 11" (whose "Jan." the place part may have taken).
    place_and_date = head[: match.start("wire")] if match.group("wire") else head[: match.start("wire2") - 1] if match.group("wire2") else span_text
    full = _full_dates(place_and_date, language)
    if full and _only_place_around(place_and_date, full[0][1]):
        day = full[0][2]
        return span_text, day, day.month, day.day
    yearless = _yearless_dates(place_and_date, language)
    if yearless and _only_place_around(place_and_date, yearless[0][1]):
        _position, _text, month, day_number = yearless[0]
        return span_text, None, month, day_number
    return None


def _only_place_around(head: str, date_text: str) -> bool:
    """A dateline holds a place and a date; lower-case words mean a sentence ("met Putin on June 19, 2024 -")."""
    return not re.search(r"(?<![\w'’])[a-zа-яёіїє]{3,}", head.replace(date_text, " "))


# Weekday names a date line prints beside its date ("Tue, Nov 19, 2019", "п'ятниця, 22 листопада",
# "2025年6月1日 日曜", "2025년 08월 30일(토)"), Monday first, by language.
_WEEKDAY_WORDS = [
    ("monday montag lundi lunes lunedì segunda-feira senin понедельник понеділок", "月曜 (月) 월요일 (월)"),
    ("tuesday dienstag mardi martes martedì terça-feira selasa вторник вівторок", "火曜 (火) 화요일 (화)"),
    ("wednesday mittwoch mercredi miércoles mercoledì quarta-feira rabu среда середа", "水曜 (水) 수요일 (수)"),
    ("thursday donnerstag jeudi jueves giovedì quinta-feira kamis четверг четвер", "木曜 (木) 목요일 (목)"),
    ("friday freitag vendredi viernes venerdì sexta-feira jumat пятница п'ятниця", "金曜 (金) 금요일 (금)"),
    ("saturday samstag samedi sábado sabato sábado sabtu суббота субота", "土曜 (土) 토요일 (토)"),
    ("sunday sonntag dimanche domingo domenica domingo воскресенье неділя", "日曜 (日) 일요일 (일)"),
]


def printed_weekdays(line: str) -> set[int]:
    """The weekdays (0 = Monday) a line prints as words, in the languages above."""
    words = set(re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)?", line.casefold().replace("’", "'")))
    found = set()
    for weekday, (spelled, cjk) in enumerate(_WEEKDAY_WORDS):
        if words & set(spelled.split()) or any(mark in line for mark in cjk.split()):
            found.add(weekday)
    # Abbreviations only as a date line writes them ("Tue, Nov 19", "Fri 6:45 PM"): "Sun" alone is a masthead.
    for match in _WEEKDAY_ABBREVIATION.finditer(line):
        found.add(_ABBREVIATIONS.index(match.group(1).lower()[:3]))
    return found


_ABBREVIATIONS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_WEEKDAY_ABBREVIATION = re.compile(
    r"(?<!The )\b(Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN)\.?"
    r"(?=,|\s+\d|\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))"
)


def _weekday_contradicts(line: str, day: date) -> bool:
    """The line names one weekday and it is not `day`'s: the date was misread or belongs to another year."""
    weekdays = printed_weekdays(line)
    return len(weekdays) == 1 and day.weekday() not in weekdays


def _zone(zones: tuple[str, ...], position: int) -> str:
    return zones[position] if position < len(zones) else ""


def _labels_an_age(text: str) -> bool:
    """`text` opens with an update label followed by an age ("Updated 3 hours ago", "Aktualisiert vor 3 Stunden")."""
    value = _UPDATED_LABEL.sub("", text, count=1).strip(" :·|-")
    return bool(_AGE_STAMP.match(value) or _AGE_STAMP_OTHER.match(value))


def _label_before(labels: list[tuple[int, str]], position: int) -> str:
    """The label ("published"/"updated") nearest before `position` in the line, or "" (unlabelled)."""
    before = [kind for start, kind in labels if start <= position]
    return before[-1] if before else ""


# Lines that give a date that is not the page's: a deadline, an appointment, a validity.
_NOT_PUBLICATION_LABEL = re.compile(
    r"(?i)\b(?:deadline|closing date|due date|expires?|valid until|until|event date|when|wann|termin|frist|"
    r"anmeldeschluss|einsendeschluss|date limite|jusqu'au|quand|fecha límite|hasta|cuándo|scadenza|fino al|"
    r"quando|prazo|срок)\b|締め?切|마감|截止|หมดเขต"
)
# What an unlabelled date line holds besides its date, in lower case: clock words and joiners.
_DATE_LINE_FILLER = frozenset(
    "at um à a de del le la el h uhr am pm a.m. p.m. min read ore às em в г г. года року o das du dem der".split()
)


def _prose_words(line: str, date_texts: list[str]) -> int:
    """How many lower-case words around the dates of a line are neither weekdays nor clock words."""
    rest = line
    for text in date_texts:
        rest = rest.replace(text, " ")
    words = [
        word for word in re.findall(r"[^\W\d_]+(?:[.'’-][^\W\d_]+)*\.?", rest)
        if word.islower() and len(word.rstrip(".")) >= 2 and word not in _DATE_LINE_FILLER
        and word.rstrip(".") not in _DATE_LINE_FILLER and not printed_weekdays(word)
    ]
    return len(words)


def _reads_as_prose(line: str, date_texts: list[str]) -> bool:
    """Whether the words around an unlabelled date are a sentence or a headline, not a date line:
    three or more lower-case words that are neither weekdays nor clock words ("returns on", "sera le"),
    two when the line ends as a sentence does ("Sales rose on March 28, 2025.")."""
    line = line.strip()
    ends_sentence = bool(re.search(r"[.!?。]$", line)) and not re.search(r"(?:^|\s)(?:[^\W\d_]{1,3}\.)+$", line)
    return _prose_words(line, date_texts) >= (2 if ends_sentence else 3)


def _line_signals(line: str, kind: str, zone: str, position: int, language: str, search: bool = True) -> list[DateSignal]:
    """The dates one furniture line prints, each ranked by its own label ("Updated X; Posted Y")."""
    full = _full_dates(line, language, search)
    if len(full) == 1 and _weekday_contradicts(line, full[0][2]):
        return []  # "Tuesday, 19 Nov 2018": the weekday says the date was misread or is another year's
    dates = [(start, day, day.month, day.day) for start, _text, day in full]
    if not dates:
        dates = [
            (start, None, month, day_number)
            for start, text, month, day_number in _yearless_dates(line, language)
            # Without a year, only a date line counts ("Posted Nov 19, 6:51 AM"), not a headline naming a day.
            if _PUBLISHED_LABEL.search(line) or _UPDATED_LABEL.search(line) or len(re.findall(r"[^\W\d]{3,}", line.replace(text, ""))) <= 2
        ]
    if not dates:
        return []
    if _NOT_PUBLICATION_LABEL.search(line) and not _PUBLISHED_LABEL.search(line):
        return []  # "Deadline: April 30, 2025", "Wann: Samstag, 12. Juli": an appointment's date
    labels = sorted(
        [(m.start(), "published") for m in _PUBLISHED_LABEL.finditer(line)]
        + [(m.start(), "updated") for m in _UPDATED_LABEL.finditer(line)]
        + [(m.start(), "published") for m in _BYLINE.finditer(line)]
    )
    signals = []
    for start, day, month, day_number in dates:
        label = _label_before(labels, start) or (labels[0][1] if labels else "")
        if not _label_before(labels, start) and label == "updated" and any(other > labels[0][0] for other, *_ in dates):
            # "29/03/2025 14:05 h. Actualizado: 30/03/2025": the date before the update's own is the page's.
            label = ""
        if not _label_before(labels, start) and label == "updated" and _labels_an_age(line[labels[0][0]:]):
            # "October 31, 2024 10:42 AM Updated 3 hours ago": the update has its own value (an age),
            # so the date before it is the page's, not the update's.
            label = ""
        if label == "published" and zone in ("inside", "foot") and not _PUBLISHED_LABEL.search(line):
            # A "by Name, date" line inside or under the article is a related item's or a
            # comment's as often as the article's byline: only an explicit "Published" stands there.
            label = ""
        if kind == "caption" and label != "published":
            continue  # a caption's date is when the photo was taken
        if not label and _reads_as_prose(line, [text for _start, text, _day in full]):
            continue  # "Summer fair returns on June 14, 2025": a headline or a sentence naming a day
        if label == "published":
            rank = 0
        elif label == "updated":
            rank = 3
        elif zone in ("head", "top") or (zone == "" and kind == "metadata" and len(line) <= 60):
            rank = 1
        else:
            rank = 4
        signals.append(DateSignal(day, month, day_number, rank, zone, position, line, label == "updated"))
    return signals


def collect_signals(
    removed, zones: tuple[str, ...] = (), language: str = "en", body: str = ""
) -> tuple[list[DateSignal], int | None]:
    """Every date the page's readable furniture prints, and the year of its copyright line (if any).

    The first short paragraphs of the body are read too: a date line the cleaner kept
    ("21/06/2014 Tony Carter", "sexta-feira, 22 de outubro de 2010 às 20:13") is still a date line.
    """
    signals: list[DateSignal] = []
    copyright_year = None
    searched = 0
    lines: list[tuple[str, str, str, int]] = []
    for position, block in enumerate(removed):
        for line in block.text.splitlines():
            lines.append((line.strip(), block.kind, _zone(zones, position), position))
    for paragraph in body_date_lines(body, language):
        lines.append((paragraph, "metadata", "head", len(removed)))
    for line, kind, zone, position in lines:
        if not line or len(line) > _MAX_DATE_LINE:
            continue
        match = _COPYRIGHT_YEAR.search(line)
        if match:
            copyright_year = max(copyright_year or 0, int(match.group(1)))
            continue  # a copyright year is the site's, not the article's
        url = url_day(line) if "/" in line else None
        if url:
            day, address = url
            # The page's own address sits above or by the headline; an address in a related list,
            # a comment, a menu or under the article is another page's ("Read more: .../2019/03/02/...").
            if kind not in _OTHER_ITEMS_KINDS and zone in ("top", "head", ""):
                signals.append(DateSignal(day, day.month, day.day, 1, zone, position, f"URL path: {address}", False))
            continue
        readable = kind in READABLE_KINDS or (zone == "head" and kind in ("related", "promo", "navigation"))
        if not readable or _EMBED.search(line):
            continue
        # dateparser's search (other languages) costs milliseconds a line: the first lines only.
        signals.extend(_line_signals(line, kind, zone, position, language, search=searched < _MAX_SEARCHED_LINES))
        searched += 1
    return signals, copyright_year


# What a date line holds besides its date: labels, weekdays, clock times, zones, "h.", "น.", "Uhr".
_DATE_LINE_WORDS_MAX = 4


def body_date_lines(body: str, language: str = "en") -> list[str]:
    """The first short paragraphs of the body that are date lines the cleaner kept, not sentences.

    A paragraph of up to 100 characters counts when it does not end a sentence
    ("21/06/2014 Tony Carter"), or when it holds a full date, at most four short words
    besides it, and its final period closes an abbreviation or a number, not a sentence
    ("29/03/2025 14:05 h. Actualizado: 30/03/2025 09:12 h.", "วันเสาร์ที่ 29 มีนาคม 2568 เวลา 14:05 น.").
    """
    found = []
    for paragraph in body.split("\n\n")[:5] if body else []:
        paragraph = paragraph.strip()
        if not paragraph or len(paragraph) > 100:
            continue
        if not re.search(r"[.!?。]\s*$", paragraph):
            found.append(paragraph)
            continue
        dates = _full_dates(paragraph, language, search=False)
        rest = paragraph
        for _start, text, _day in dates:
            rest = rest.replace(text, " ")
        # The period closes an abbreviation ("h.", "น.", "Uhr.") or a number ("2025. 3. 29."), not a sentence.
        abbreviation = re.search(r"(?:^|[\s\d])(?:[^\W\d_]{1,3}|\d+)\.\s*$", paragraph)
        words = [token for token in rest.split() if re.search(r"[^\W\d_]", token)]
        if (
            dates and abbreviation and len(words) <= _DATE_LINE_WORDS_MAX and sum(map(len, words)) <= 30
            and _prose_words(paragraph, [text for _start, text, _day in dates]) <= 1  # "Sales rose on March 28, 2025."
        ):
            found.append(paragraph)
    return found


def find_stated_date(
    removed: tuple[RemovedBlock, ...] | list[RemovedBlock],
    metadata_date: str = "",
    title: str = "",
    body: str = "",
    zones: tuple[str, ...] = (),
    language: str = "en",
) -> PublishedDate | None:
    """The publication date the page prints for itself, or None.

    `zones` (optional, one per removed block): "top" (above the headline),
    "head" (between headline and body), "inside", "foot". The clue is the line.
    A date printed without a year and not placed by the page's copyright year
    comes back with precision "unknown" and `day_month` set.
    """
    signals, copyright_year = collect_signals(removed, zones, language, body)
    age_stamp = _age_stamp(removed, zones)
    if metadata_date:
        parsed = _parse_candidate(metadata_date.strip()[:10]) or _parse_candidate(metadata_date.strip())
        if parsed:
            # The day the page shows under a "Published" label wins over metadata a day or two
            # off (a UTC timestamp, an extractor's other pick): readers go by the page.
            shown = [
                s for s in signals
                if s.rank == 0 and s.day is not None and 0 < abs((s.day - parsed.date()).days) <= 2
                and _PUBLISHED_LABEL.search(s.clue)  # an explicit "Published"; a byline's date may be an edit
            ]
            if shown and not any(s.rank == 0 and s.day == parsed.date() for s in signals):
                chosen = min(shown, key=lambda s: s.position)
                return _stated(chosen.day, f"{chosen.clue} (page metadata says {metadata_date.strip()})", False)
            day = parsed.strftime("%Y-%m-%d")
            return PublishedDate(
                date=day, precision="day", stated=True, clue=f"page metadata: {metadata_date.strip()}", earliest=day, latest=day
            )
    dateline = dateline_date(body, language) if body else None
    if dateline:
        text, day, month, day_number = dateline
        signals.append(DateSignal(day, month, day_number, 2, "body", len(removed), f"dateline: {text}", False))
    full = [signal for signal in signals if signal.day is not None]
    # A masthead shows the day the page was read: an unlabelled date line above the headline
    # that is later than every other date the page prints is not the article's.
    tops = [s for s in full if s.zone == "top" and s.rank > 0]
    others = [s for s in full if s.zone != "top" or s.rank == 0]
    if tops and others:
        latest_other = max(s.day for s in others)
        full = others + [s for s in tops if s.day <= latest_other]
    if full:
        zone_order = {"head": 0, "": 1, "top": 2, "body": 3, "inside": 4, "foot": 5}
        chosen = min(full, key=lambda s: (s.rank, zone_order.get(s.zone, 6), -s.position if s.zone == "top" else s.position))
        weak_days = {s.day for s in full if s.rank == 4}
        if chosen.rank == 4 and chosen.zone == "foot":
            # Under the article sit comments, related items and "page generated" stamps: an
            # unlabelled date there alone is some other item's as often as the article's.
            return PublishedDate.unknown(f"the only date, '{chosen.clue[:60]}', is below the article and not labelled as its own")
        if chosen.rank > 0 and age_stamp:
            # The page dates itself by its age ("Published 1 day ago"): that is its own date line,
            # and it cannot be placed without the day it was read; other dates are other items'.
            return PublishedDate.unknown(f"the page gives only its age ('{age_stamp}'), not a date")
        if chosen.rank == 4 and len(weak_days) > 1:
            # Only unlabelled dates inside or under the article, and different ones: a list of
            # other items (archive, comments, related stories), not the article's date line.
            return PublishedDate.unknown(f"{len(weak_days)} different dates below the headline and none labelled as the article's")
        reported = _latest_reported_day(body, language, exclude=body_date_lines(body, language))
        if chosen.rank > 0 and reported is not None and chosen.day < reported:
            # A page cannot be older than what it reports: an unlabelled date before the latest
            # dated event of the body is some other item's date.
            return PublishedDate.unknown(
                f"'{chosen.clue}' is earlier than {reported.isoformat()}, a day the article reports as past"
            )
        rivals = [
            s for s in full
            if s.rank == chosen.rank and s.updated_only == chosen.updated_only and abs((s.day - chosen.day).days) > 2
        ]
        if rivals and chosen.rank < 4:
            # Two date lines of the same standing that disagree: the page's own and another item's
            # (a related story, a masthead), not told apart. The interval is honest; a day is not.
            return _between([chosen, *rivals])
        if chosen.updated_only:
            earlier = [s for s in full if s.rank == 4 and s.zone != "foot" and s.day < chosen.day]
            if earlier:
                # An update stamp and an unlabelled date line before it: the page was published
                # between them (most likely on the earlier one); the update's day is not its own.
                return _between([*earlier, chosen])
        yearless_better = [s for s in signals if s.day is None and s.rank < chosen.rank and s.zone != "body"]
        if not yearless_better or not copyright_year:
            return _stated(chosen.day, chosen.clue, chosen.updated_only)
    told = _day_told_by_dayword(body, language) if body else None
    if told is not None:
        day, quote = told
        if isinstance(day, date) and all((s.month, s.day_of_month) == (day.month, day.day) for s in signals if s.day is None):
            text = day.isoformat()
            return PublishedDate(
                date=text, precision="day", stated=False, clue=f"the article says '{quote}'", earliest=text, latest=text
            )
    yearless = [signal for signal in signals if signal.day is None]
    if not yearless:
        if told is not None and isinstance(told[0], str):
            what = "day of the month only" if told[0].startswith("--") else "printed without a year"
            return PublishedDate(
                date=None, precision="unknown", stated=False, clue=f"the article says '{told[1]}' ({what})", day_month=told[0],
            )
        return _lead_day_of_month(body, language)
    chosen = min(yearless, key=lambda s: (s.rank, s.position))
    # The copyright year places a labelled furniture date ("Posted Nov 19, 6:51 AM"), not a wire
    # dateline: a wire story is often reposted, and read, in a later year than its dateline.
    if copyright_year and chosen.zone != "body":
        day = _valid(copyright_year, chosen.month, chosen.day_of_month)
        if day and not _weekday_contradicts(chosen.clue, day):  # "Fri, Nov 19" under © 2019: another year
            return _stated(day, f"{chosen.clue} (year from the page's copyright line © {copyright_year})", chosen.updated_only)
    return PublishedDate(
        date=None,
        precision="unknown",
        stated=False,
        clue=f"{chosen.clue} (printed without a year)",
        day_month=f"{chosen.month:02d}-{chosen.day_of_month:02d}",
    )


# A page's own date line given as an age or a weekday and time: "Published 1 day ago",
# "22 hours ago", "Monday 6:30PM". The page was dated relative to the day it was read.
_AGE_STAMP = re.compile(
    r"(?i)^(?:(?:first\s+)?(?:published|posted)\s*:?\s*)?(?:(?:about\s+)?(?:\d+|an?|one)\s+(?:min|minute|hour|hr|day|week)s?\s+ago"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)$"
)
# The same in the other languages of the app, anywhere in a short line ("Aktualisiert vor 3 Stunden",
# "Publié il y a 2 heures", "hace 5 horas", "3時間前", "2시간 전", "5 часов назад", "منذ 3 ساعات").
_AGE_STAMP_OTHER = re.compile(
    r"(?i)\bvor\s+(?:\d+|einer?|zwei|drei)\s+(?:min(?:uten?)?|stunden?|tag(?:en)?|wochen?)\b"
    r"|\bil y a\s+(?:\d+|une?)\s+(?:min(?:utes?)?|heures?|h|jours?|semaines?)\b"
    r"|\b(?:hace|há)\s+(?:\d+|una?|um)\s+(?:min(?:utos?)?|horas?|d[ií]as?|semanas?)\b"
    r"|\b(?:\d+|un'?|una?)\s*(?:min(?:uti|uto)?|or[ae]|giorn[oi]|settiman[ae])\s+fa\b"
    r"|\b\d+\s+(?:минут[уы]?|час(?:а|ов)?|д(?:ень|ня|ней)|хвилин[уи]?|годин[уи]?|дн(?:і|ів))\s+(?:назад|тому)\b"
    r"|\d+\s*(?:分|時間|日|週間)前|\d+\s*(?:分钟|分鐘|小时|小時|天)前|\d+\s*(?:분|시간|일)\s*전"
    r"|\d+\s*(?:นาที|ชั่วโมง|วัน)(?:ที่แล้ว|ก่อน)|منذ\s+(?:\d+\s+)?(?:دقيقة|دقائق|ساعة|ساعات|يوم|أيام)"
)


def _age_stamp(removed, zones: tuple[str, ...]) -> str:
    """The age line between the headline and the body ("Published 1 day ago"), or "".

    Only the byline area is read: the related lists above or below a page carry their own ages.
    """
    for position, block in enumerate(removed):
        if _zone(zones, position) != "head" or block.kind in ("comment", "related"):
            continue
        for line in block.text.splitlines():
            line = line.strip()
            if _AGE_STAMP.match(line) or (len(line) <= 60 and _AGE_STAMP_OTHER.search(line) and not _full_dates(line, "en", False)):
                return line
    return ""


def _latest_reported_day(body: str, language: str, exclude: list[str] | tuple[str, ...] = ()) -> date | None:
    """The latest full calendar day the body reports as past (not a plan, deadline or "since"), or None.

    `exclude`: the body's own date lines (`body_date_lines`), which date the page, not an event.
    """
    if not body:
        return None
    from lib.text.dates import find_date_phrases

    latest = None
    for paragraph in body.split("\n"):
        if paragraph.strip() in exclude:
            continue
        for sentence in re.split(r"(?<=[.!?。！？])\s+", paragraph):
            for phrase in find_date_phrases(sentence, language if language in date_languages.LANGUAGES else None):
                if phrase.kind not in ("iso", "mdy", "dmy") or phrase.future or phrase.role != "event":
                    continue
                fields = phrase.fields
                if phrase.kind == "iso":
                    day = _valid(*map(int, fields["iso"].split("-")))
                else:
                    day = _valid(int(fields["year"]), MONTHS[fields["month"]], int(fields["day"]))
                if day and (latest is None or day > latest):
                    latest = day
    return latest


# A day word beside the date it names tells the page's own day: "yesterday, March 28, 2025".
_DAYWORD_OFFSETS = {
    "yesterday": 1, "last night": 1, "today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "tonight": 0, "earlier today": 0, "later today": 0, "tomorrow": -1,
}
_OPEN_QUOTES = "“«„「『"
_CLOSE_QUOTES = "”»」』"


def _inside_quote(text: str) -> bool:
    """Whether the end of `text` lies inside a quotation (its "yesterday" is the speaker's)."""
    opened = sum(text.count(mark) for mark in _OPEN_QUOTES) - sum(text.count(mark) for mark in _CLOSE_QUOTES)
    return opened > 0 or text.count('"') % 2 == 1


def _apposition_gap(gap: str) -> set[int] | None:
    """The weekdays a gap between a day word and a date names, or None when the gap is not an apposition.

    An apposition holds punctuation, weekday names and at most one short word: "gestern, am Freitag, ",
    "hier, vendredi ", "、", "(". Anything longer is another clause.
    """
    weekdays = printed_weekdays(gap)
    words = [word for word in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)?", gap) if not printed_weekdays(word)]
    if re.search(r"\d", gap) or len(words) > 1 or any(len(word) > 3 for word in words) or len(gap) > 30:
        return None
    return weekdays


def _day_told_by_dayword(body: str, language: str) -> tuple[date | str, str] | None:
    """The page's day from a day word set beside the full date it names, or None.

    "Das Bad ist gestern, am Freitag, 28. März 2025, eröffnet worden" and "昨日、2025年3月28日に"
    date the page 29 March 2025; "today, March 29, 2025" the 29th; a weekday in between must be
    the date's. Korean "어제(28일)" gives the day of the month only, "--29" (the 28th of a month
    that may end before the 29th is left out). Every such pair of the body must agree; a day word
    inside a quotation is the speaker's, not the page's. Returns (day or "--DD", the words quoted).
    """
    from lib.text.dates import find_date_phrases

    grammar = language if language in date_languages.LANGUAGES else None
    told: set[date | str] = set()
    quote = ""
    for paragraph in body.split("\n"):
        for sentence in re.split(r"(?<=[!?。！？])\s*|(?<=[^\d\s]\.)\s+", paragraph):  # not after "28."
            if not sentence:
                continue
            phrases = [phrase for phrase in find_date_phrases(sentence, grammar) if phrase.kind != "weekday"]
            for word, named in zip(phrases, phrases[1:]):
                offset = _DAYWORD_OFFSETS.get(word.fields.get("word", "").lower()) if word.kind == "dayword" else None
                if offset is None or _inside_quote(sentence[: word.start]):
                    continue
                weekdays = _apposition_gap(sentence[word.end : named.start])
                if weekdays is None:
                    continue
                last_safe = 28 if offset else 31  # the day after the 28th may be the 1st of the next month
                if named.kind in ("dmy", "mdy", "iso"):
                    fields = named.fields
                    if named.kind == "iso":
                        day = _valid(*map(int, fields["iso"].split("-")))
                    else:
                        day = _valid(int(fields["year"]), MONTHS[fields["month"]], int(fields["day"]))
                    if day is None or (weekdays and day.weekday() not in weekdays):
                        continue
                    told.add(day + timedelta(days=offset))
                elif named.kind == "dom" and not named.fields.get("mod") and 1 <= int(named.fields["day"]) + offset <= last_safe:
                    told.add(f"--{int(named.fields['day']) + offset:02d}")
                elif named.kind in ("md", "dm") and 1 <= int(named.fields["day"]) + offset <= last_safe:
                    # "วันนี้ (30 มี.ค.)", "今天（3月30日）", "heute, am 30. März": a day and month, no year
                    month_day = int(named.fields["day"]) + offset
                    told.add(f"{MONTHS[named.fields['month']]:02d}-{month_day:02d}")
                else:
                    continue
                quote = quote or sentence[word.start : named.end].strip()
    return (told.pop(), quote) if len(told) == 1 else None


# A day of the month followed by "happened/occurred" dates an event the lead names, not the news:
# "28日に発生した地震で", "28日に起きた", "28日发生的地震", "28일 발생한 지진".
_EVENT_DAY_AFTER = re.compile(r"\s*(?:午前|午後|未明|深夜|夜|朝|上午|下午|凌晨|晚|오전|오후|새벽|밤)?\s*(?:に|夜に)?\s*(?:発生|起き|起こ|あっ|发生|發生|出现|발생|일어)")


def _lead_day_of_month(body: str, language: str) -> PublishedDate | None:
    """A CJK/Korean lead that dates its news by the day of the month alone ("国家情報院は23日、…", "오늘(30일)").

    Such a page prints no month or year; the day is kept as `day_month` "--DD" for the
    collection inference, which may place it when other pages narrow the month.
    """
    if language not in ("ja", "zh", "ko") or not body:
        return None
    from lib.text.dates import find_date_phrases

    lead = re.split(r"(?<=[。！？])\s*|(?<=[.!?])\s+", body.strip(), maxsplit=1)[0][:200]  # not inside "6.8"
    phrases = find_date_phrases(lead, language)
    for before, phrase in zip((None, *phrases), phrases):
        if (
            before is not None and before.kind == "dayword"
            and _DAYWORD_OFFSETS.get(before.fields.get("word", "").lower())
            and _apposition_gap(lead[before.end : phrase.start]) is not None
        ):
            return None  # "어제(28일)": the 28th is yesterday, not the page's day (see _day_told_by_dayword)
        if phrase.kind == "dom" and lead[: phrase.start].rstrip().endswith("から"):
            return None  # "発生から３日": three days since, not the 3rd (reported to the date grammar's owner)
    candidates = [
        p for p in phrases
        if p.kind == "dom" and not p.future and not p.fields.get("mod") and not _EVENT_DAY_AFTER.match(lead[p.end :])
    ]
    if len({int(p.fields["day"]) for p in candidates}) > 1:
        # "28日に発生した地震で、当局は30日、…": the day the news is told is the one the subject
        # takes, set off by a comma; an event's day inside a clause is another ("28日に発生した").
        candidates = [p for p in candidates if re.match(r"\s*(?:[、，,]|\(현지시간\)|（現地時間）)", lead[p.end :])]
        if len({int(p.fields["day"]) for p in candidates}) != 1:
            return None  # the lead's days are not told apart: no day rather than the wrong one
    if candidates:
        phrase = candidates[0]
        day_number = int(phrase.fields["day"])
        return PublishedDate(
            date=None,
            precision="unknown",
            stated=False,
            clue=f"the lead dates its news '{phrase.text}' (day of the month only)",
            day_month=f"--{day_number:02d}",
        )
    return None


def _between(signals: list[DateSignal]) -> PublishedDate:
    """The interval spanned by date lines that disagree, at the precision it supports (never a day)."""
    low, high = min(s.day for s in signals), max(s.day for s in signals)
    clue = "date lines disagree: " + " / ".join(f"'{s.clue[:50]}'" for s in signals[:3])
    if (low.year, low.month) == (high.year, high.month):
        text, precision = f"{low.year:04d}-{low.month:02d}", "month"
    elif low.year == high.year:
        text, precision = f"{low.year:04d}", "year"
    else:
        return PublishedDate(date=None, precision="unknown", stated=False, clue=clue, earliest=low.isoformat(), latest=high.isoformat())
    return PublishedDate(date=text, precision=precision, stated=False, clue=clue, earliest=low.isoformat(), latest=high.isoformat())


def _stated(day: date, clue: str, updated_only: bool) -> PublishedDate:
    text = day.isoformat()
    note = " (the page gives only an update time)" if updated_only else ""
    return PublishedDate(date=text, precision="day", stated=True, clue=f"{clue}{note}", earliest=text, latest=text)
