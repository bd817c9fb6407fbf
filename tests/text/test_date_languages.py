"""Date phrases in ja ko zh ru uk de fr th, resolved against the publication date like the English ones."""

import pytest

from lib.core.models import PublishedDate
from lib.text.dates import find_date_phrases, resolve_dates


def day(iso: str) -> PublishedDate:
    return PublishedDate(date=iso, precision="day", stated=True, clue="test", earliest=iso, latest=iso)


@pytest.mark.parametrize(
    "language, sentence, published, clue, start, end, precision",
    [
        # absolute days in every script
        ("ja", "2025年3月28日にミャンマー中部で地震が発生した。", "2025-03-30", "2025年3月28日", "2025-03-28", "2025-03-28", "day"),
        ("ko", "국정원은 2024년 10월 23일 국회에 보고했다.", "2024-11-01", "2024년 10월 23일", "2024-10-23", "2024-10-23", "day"),
        ("ru", "Договор подписан 19 июня 2024 года в Пхеньяне.", "2024-10-24", "19 июня 2024", "2024-06-19", "2024-06-19", "day"),
        ("uk", "Розвідка повідомила 22 листопада 2024 року.", "2024-11-22", "22 листопада 2024", "2024-11-22", "2024-11-22", "day"),
        ("de", "Der Vertrag wurde am 19. Juni 2024 unterzeichnet.", "2024-12-27", "19. Juni 2024", "2024-06-19", "2024-06-19", "day"),
        ("de", "Am 27.12.2024 teilte das Ministerium mit.", "2024-12-28", "27.12.2024", "2024-12-27", "2024-12-27", "day"),
        ("de", "Der Sturm traf am 13.6. die Küste.", "2025-06-17", "13.6.", "2025-06-13", "2025-06-13", "day"),
        ("de", "Am 13.06. traf der Sturm die Küste.", "2025-06-17", "13.06.", "2025-06-13", "2025-06-13", "day"),
        ("fr", "Le 28 mars 2025, un séisme a frappé le pays.", "2025-04-04", "28 mars 2025", "2025-03-28", "2025-03-28", "day"),
        ("th", "เมื่อวันที่ 28 มีนาคม 2568 เกิดแผ่นดินไหว", "2025-05-04", "28 มีนาคม 2568", "2025-03-28", "2025-03-28", "day"),
        # day and month without a year: the occurrence nearest the publication day
        ("ja", "政府は3月28日に発表した。", "2025-03-30", "3月28日", "2025-03-28", "2025-03-28", "day"),
        ("zh", "緬甸3月28日發生7.7級強震。", "2025-04-01", "3月28日", "2025-03-28", "2025-03-28", "day"),
        ("ko", "10월 23일 국정원이 밝혔다.", "2024-11-01", "10월 23일", "2024-10-23", "2024-10-23", "day"),
        ("ru", "Госдума 24 октября ратифицировала договор.", "2024-10-24", "24 октября", "2024-10-24", "2024-10-24", "day"),
        ("de", "Seit dem 28. März gilt die Waffenruhe.", "2025-04-02", "28. März", "2025-03-28", "2025-03-28", "day"),
        ("fr", "Le séisme du 28 mars a fait 3 000 morts.", "2025-04-04", "28 mars", "2025-03-28", "2025-03-28", "day"),
        # a day of the month alone (CJK and Korean news style), full-width digits included
        ("ja", "林官房長官は20日の記者会見で述べた。", "2024-06-20", "20日", "2024-06-20", "2024-06-20", "day"),
        ("ja", "林官房長官は１９日に述べた。", "2024-06-20", "１９日", "2024-06-19", "2024-06-19", "day"),
        ("ja", "北朝鮮は先月１０日、党創建８０年を迎えた。", "2025-11-04", "先月１０日", "2025-10-10", "2025-10-10", "day"),
        ("ko", "김정은은 지난 22일 유가족을 만났다.", "2025-08-30", "지난 22일", "2025-08-22", "2025-08-22", "day"),
        ("ja", "首脳会談は25日に開かれる予定だ。", "2025-03-20", "25日", "2025-03-25", "2025-03-25", "day"),
        # weekdays, day words, units, "ago"
        ("de", "Der Soldat starb am Donnerstag.", "2024-12-27", "Donnerstag", "2024-12-26", "2024-12-26", "day"),
        ("fr", "Le séisme de vendredi dernier a tout détruit.", "2025-04-04", "vendredi dernier", "2025-03-28", "2025-03-28", "day"),
        ("ru", "Госдума в четверг одобрила закон.", "2024-10-24", "четверг", "2024-10-24", "2024-10-24", "day"),
        ("uk", "У п'ятницю розвідка повідомила про нафту.", "2024-11-22", "п'ятницю", "2024-11-22", "2024-11-22", "day"),
        ("zh", "中国外交部上周五表示关切。", "2025-04-01", "上周五", "2025-03-28", "2025-03-28", "day"),
        ("ko", "북한은 이틀 전 처음으로 공식 인정했다.", "2025-04-30", "이틀 전", "2025-04-28", "2025-04-28", "day"),
        ("ja", "昨日、政府が発表した。", "2025-05-21", "昨日", "2025-05-20", "2025-05-20", "day"),
        ("th", "เมื่อวานนี้ มีผู้เสียชีวิตเพิ่ม", "2025-05-04", "เมื่อวานนี้", "2025-05-03", "2025-05-03", "day"),
        ("de", "Gestern meldete das Ministerium neue Zahlen.", "2024-12-27", "Gestern", "2024-12-26", "2024-12-26", "day"),
        ("uk", "Минулого тижня КНДР відправила нафту.", "2024-11-22", "Минулого тижня", "2024-11-11", "2024-11-17", "week"),
        ("fr", "Il y a trois jours, les secours sont arrivés.", "2025-04-04", "Il y a trois jours", "2025-04-01", "2025-04-01", "day"),
        ("ru", "Почти три года назад началась война.", "2025-01-24", "Почти три года назад", "2022-01-24", "2022-07-24", "year"),
        ("ko", "지난해 6월 조약이 체결됐다.", "2025-04-30", "지난해", "2024-01-01", "2024-12-31", "year"),
    ],
)
def test_date_phrases_in_other_languages_resolve_against_the_publication_date(
    language, sentence, published, clue, start, end, precision
):
    resolved = [item for item in resolve_dates(sentence, day(published), language) if item.clue == clue]
    assert len(resolved) == 1, resolve_dates(sentence, day(published), language)
    item = resolved[0]
    assert (item.start, item.end, item.precision) == (start, end, precision)
    assert sentence[item.char_start : item.char_end] == item.clue


@pytest.mark.parametrize(
    "language, sentence",
    [
        ("ja", "3日間にわたって捜索が続いた。"),  # a duration, not a day
        ("ko", "러시아로 나간 북한 노동자는 1만 5천 명 안팎이다."),  # a count
        ("ko", "일본 정부는 우려를 표명했다."),  # 일 of 일본 (Japan) is not a day
        ("de", "Am Morgen begann die Rettung."),  # "Morgen" (the morning) is not "morgen" (tomorrow)
        ("de", "Gegen 12.50 Uhr erreichte der Sturm die Küste."),  # a time of day
        ("de", "Das Beben hatte eine Stärke von 7.7."),  # a decimal
        ("fr", "Le président Mai a parlé."),  # a name, no day number
        ("ru", "Генерал Марченко сказал, что 25 000 рабочих прибудут."),  # a name and a count
    ],
)
def test_words_that_look_like_dates_are_not_dates(language, sentence):
    assert find_date_phrases(sentence, language) == ()


def test_a_weekday_in_an_article_of_unknown_day_is_never_a_made_up_day():
    week = PublishedDate(date="2024-12", precision="month", stated=False, clue="t", earliest="2024-12-01", latest="2024-12-31")
    resolved = resolve_dates("Der Soldat starb am Donnerstag.", week, "de")
    assert resolved and resolved[0].precision != "day"


def test_without_a_language_the_script_chooses_the_grammar():
    assert [phrase.text for phrase in find_date_phrases("林官房長官は20日に述べた。")] == ["20日"]
    assert [phrase.text for phrase in find_date_phrases("Договор подписан 19 июня 2024 года.")] == ["19 июня 2024"]
    # Latin script without a language is English: a French month is not read.
    assert find_date_phrases("Le 28 mars, un séisme.") == ()


def test_relative_phrases_need_a_publication_date():
    assert resolve_dates("林官房長官は20日に述べた。", None, "ja") == []
    assert [item.start for item in resolve_dates("2025年3月28日に地震。", None, "ja")] == ["2025-03-28"]


@pytest.mark.parametrize(
    "language, sentence, clue, start, end",
    [
        ("en", "The auction ran 23–25 March 2025 in Tokyo.", "23–25 March 2025", "2025-03-23", "2025-03-25"),
        ("en", "Talks held March 23-25 ended without a deal.", "March 23-25", "2025-03-23", "2025-03-25"),
        ("ja", "政府は23〜25日に3回目の入札を実施した。", "23〜25日", "2025-03-23", "2025-03-25"),
        ("ja", "政府は3月23～25日に入札を実施した。", "3月23～25日", "2025-03-23", "2025-03-25"),
        ("ko", "정부는 23~25일 입찰을 실시했다.", "23~25일", "2025-03-23", "2025-03-25"),
        ("fr", "Le vote a eu lieu du 23 au 25 mars dans tout le pays.", "23 au 25 mars", "2025-03-23", "2025-03-25"),
        ("de", "Die Wahl fand vom 23. bis 25. März statt.", "23. bis 25. März", "2025-03-23", "2025-03-25"),
        ("ru", "Голосование прошло с 23 по 25 марта.", "23 по 25 марта", "2025-03-23", "2025-03-25"),
    ],
)
def test_a_day_range_is_the_interval_of_its_days(language, sentence, clue, start, end):
    (resolved,) = resolve_dates(sentence, day("2025-03-28"), language=language)
    assert (resolved.clue, resolved.start, resolved.end, resolved.precision) == (clue, start, end, "week")


@pytest.mark.parametrize(
    "language, sentence, clue, start",
    [
        ("en", "The Duma ratified it on November 9 and Kim ratified it by decree two days later.", "two days later", "2024-11-11"),
        ("en", "Officials met on November 9 and signed the protocol the next day.", "the next day", "2024-11-10"),
        ("ja", "議会は9日に批准し、2日後に発効した。", "2日後", "2024-11-11"),
        ("ja", "議会は9日に批准し、翌日に発効した。", "翌日", "2024-11-10"),
        ("ko", "의회는 9일 비준했고 이틀 뒤 발효됐다.", "이틀 뒤", "2024-11-11"),
        ("zh", "议会于9日批准，两天后生效。", "两天后", "2024-11-11"),
        ("ru", "Дума ратифицировала договор 9 ноября, а через два дня он вступил в силу.", "через два дня", "2024-11-11"),
        ("de", "Der Bundestag stimmte am 9. November zu, zwei Tage später trat es in Kraft.", "zwei Tage später", "2024-11-11"),
        ("fr", "Le texte a été ratifié le 9 novembre et le lendemain il est entré en vigueur.", "le lendemain", "2024-11-10"),
    ],
)
def test_a_later_phrase_counts_from_the_date_before_it_not_from_the_page(language, sentence, clue, start):
    *_, later = resolve_dates(sentence, day("2024-12-05"), language=language)
    assert (later.clue, later.start, later.end) == (clue, start, start)


def test_a_later_phrase_counts_from_the_previous_sentence_or_not_at_all():
    from lib.text.dates import resolve_dates as resolve

    (before,) = resolve("Russia ratified it on November 9.", day("2024-12-05"), language="en")
    (later,) = resolve("Kim ratified it two days later.", day("2024-12-05"), language="en", previous=before)
    assert later.start == "2024-11-11"
    assert resolve("Kim ratified it two days later.", day("2024-12-05"), language="en") == []
    (year,) = resolve("It happened in 2020.", None, language="en")
    assert resolve("A week later he left.", day("2024-12-05"), language="en", previous=year) == []  # too coarse a base


@pytest.mark.parametrize("language, sentence", [("ja", "北朝鮮は2日前に発表した。"), ("ko", "북한은 3일 전 발표했다.")])
def test_a_count_of_days_before_ago_is_not_a_day_of_the_month(language, sentence):
    (phrase,) = find_date_phrases(sentence, language)
    assert phrase.kind == "ago"


@pytest.mark.parametrize(
    "language, sentence, published, clue, start, end",
    [
        ("de", "Bei einem Besuch in Pjöngjang im Juni unterzeichneten beide den Vertrag.", "2024-12-27", "im Juni", "2024-06-01", "2024-06-30"),
        ("fr", "Le traité a été signé en juin à Pyongyang.", "2024-12-27", "en juin", "2024-06-01", "2024-06-30"),
        ("ru", "Договор подписали в июне в Пхеньяне.", "2024-12-27", "в июне", "2024-06-01", "2024-06-30"),
        ("uk", "Договір підписали у червні в Пхеньяні.", "2024-12-27", "у червні", "2024-06-01", "2024-06-30"),
        ("ja", "両首脳は6月に条約に署名した。", "2024-12-27", "6月", "2024-06-01", "2024-06-30"),
        ("ko", "북한은 지난 4월 말 파병 사실을 처음 인정했다.", "2025-08-30", "4월 말", "2025-04-26", "2025-04-30"),
        ("ru", "Договор ратифицировали в конце апреля.", "2025-08-30", "в конце апреля", "2025-04-26", "2025-04-30"),
        # a month just ahead of the page, with no tense the grammar reads: the coming one
        ("ja", "早ければ6月上旬に店頭に並ぶ。", "2025-05-26", "6月上旬", "2025-06-01", "2025-06-10"),
    ],
)
def test_a_month_without_a_day_is_that_month_nearest_the_page(language, sentence, published, clue, start, end):
    (resolved,) = resolve_dates(sentence, day(published), language=language)
    assert (resolved.clue, resolved.start, resolved.end, resolved.precision) == (clue, start, end, "month")


@pytest.mark.parametrize("language, sentence", [("ja", "政府は3か月ぶりに備蓄米を放出した。"), ("ko", "3개월간 이어졌다.")])
def test_a_count_of_months_is_not_a_month(language, sentence):
    assert not [phrase for phrase in find_date_phrases(sentence, language) if phrase.kind == "month_only"]


@pytest.mark.parametrize(
    "sentence, start, end",
    [
        ("Russia and North Korea signed the treaty in June last year.", "2024-06-01", "2024-06-30"),
        ("They met in March this year.", "2025-03-01", "2025-03-31"),
    ],
)
def test_a_month_of_last_or_this_year_is_one_month(sentence, start, end):
    (resolved,) = resolve_dates(sentence, day("2025-06-19"), language="en")
    assert (resolved.start, resolved.end, resolved.precision) == (start, end, "month")


def test_a_date_after_since_and_its_own_date_is_not_part_of_the_since_phrase():
    phrases = find_date_phrases("The panel had documented violations since 2010 and whose mandate lapsed at the end of April 2024.", "en")
    assert [(phrase.text, phrase.role) for phrase in phrases] == [("since 2010", "since"), ("the end of April 2024", "event")]


@pytest.mark.parametrize(
    "language, sentence, clue, start",
    [
        ("en", "The quake struck on Friday and the junta declared an emergency the same day.", "the same day", "2025-03-28"),
        ("en", "The quake struck on Friday; the day before, officials had denied any risk.", "the day before", "2025-03-27"),
        ("fr", "Le séisme a frappé vendredi 28 mars, et le jour même la Chine a envoyé des secours.", "le jour même", "2025-03-28"),
        ("ja", "地震は3月28日に発生し、同日、軍政は非常事態を宣言した。", "同日", "2025-03-28"),
    ],
)
def test_the_same_day_and_the_day_before_count_from_the_date_before_them(language, sentence, clue, start):
    *_, resolved = resolve_dates(sentence, day("2025-04-02"), language=language)
    assert (resolved.clue, resolved.start, resolved.end) == (clue, start, start)


def test_a_german_weekday_with_its_time_of_day_is_that_day():
    (resolved,) = resolve_dates("Am Samstagmorgen bargen Helfer weitere Überlebende.", day("2025-04-02"), language="de")
    assert (resolved.clue, resolved.start) == ("Samstagmorgen", "2025-03-29")


def test_a_change_on_the_previous_day_is_not_a_date():
    assert not [p for p in find_date_phrases("コメの価格は前日比3%上昇した。", "ja") if p.kind == "later"]


@pytest.mark.parametrize(
    "sentence, clue, start, role",
    [
        ("แผ่นดินไหวเกิดขึ้นเมื่อวันที่ 28 มี.ค. 2568", "28 มี.ค. 2568", "2025-03-28", "event"),
        ("28 มี.ค. 68 เกิดแผ่นดินไหว", "28 มี.ค. 68", "2025-03-28", "event"),
        ("เมื่อวันศุกร์ เกิดแผ่นดินไหว", "วันศุกร์", "2025-03-28", "event"),
        ("เมื่อวันที่ 28 เกิดแผ่นดินไหว", "วันที่ 28", "2025-03-28", "event"),
        ("ต้องเสร็จภายในวันที่ 5 เม.ย.", "5 เม.ย.", "2025-04-05", "target"),
    ],
)
def test_thai_abbreviated_months_buddhist_years_and_weekdays(sentence, clue, start, role):
    (resolved,) = resolve_dates(sentence, day("2025-03-31"), "th")
    assert (resolved.clue, resolved.start, resolved.end, resolved.role) == (clue, start, start, role)


@pytest.mark.parametrize(
    "language, sentence, clue",
    [
        ("en", "The quake struck on Friday and an aftershock followed 12 minutes later.", "12 minutes later"),
        ("ja", "28日に地震が発生し、12分後に余震があった。", "12分後"),
        ("zh", "28日发生地震，12分钟后发生余震。", "12分钟后"),
        ("ko", "28일 지진이 발생했고 12분 뒤 여진이 이어졌다.", "12분 뒤"),
        ("ru", "В пятницу произошло землетрясение, через 12 минут последовал толчок.", "через 12 минут"),
        ("fr", "Vendredi, la terre a tremblé, et douze minutes plus tard une réplique.", "minutes plus tard"),
    ],
)
def test_minutes_or_hours_later_is_the_day_of_the_date_before_it(language, sentence, clue):
    resolved = resolve_dates(sentence, day("2025-03-31"), language)
    assert [(r.clue, r.start, r.end) for r in resolved][-1] == (clue, "2025-03-28", "2025-03-28")


def test_hours_later_without_a_date_before_it_is_no_date():
    assert resolve_dates("Hours later, the bridge collapsed.", day("2025-03-31"), "en") == []


@pytest.mark.parametrize(
    "language, sentence, clue",
    [
        ("en", "Over the weekend, teams from China arrived.", "Over the weekend"),
        ("de", "Am Wochenende trafen Helfer ein.", "Am Wochenende"),
        ("fr", "Le week-end dernier, des secours sont arrivés.", "Le week-end dernier"),
        ("ja", "週末に救助隊が到着した。", "週末"),
        ("ko", "지난 주말 구조대가 도착했다.", "지난 주말"),
        ("ru", "В выходные прибыли спасатели.", "В выходные"),
    ],
)
def test_the_weekend_is_the_last_saturday_and_sunday_before_the_page(language, sentence, clue):
    (resolved,) = resolve_dates(sentence, day("2025-04-01"), language)
    assert (resolved.clue, resolved.start, resolved.end, resolved.precision) == (clue, "2025-03-29", "2025-03-30", "day")


def test_a_weekend_to_come_is_the_next_one_and_a_saturday_page_has_only_its_day():
    (coming,) = resolve_dates("The talks will be held this weekend.", day("2025-04-01"), "en")
    assert (coming.start, coming.end, coming.future) == ("2025-04-05", "2025-04-06", True)
    (today,) = resolve_dates("Over the weekend, teams arrived.", day("2025-03-29"), "en")
    assert (today.start, today.end) == ("2025-03-29", "2025-03-29")


@pytest.mark.parametrize(
    "language, sentence",
    [
        ("en", "A few days ago, the junta declared a ceasefire."),
        ("ja", "数日前に停戦が宣言された。"),
        ("ko", "며칠 전 정전이 선언됐다."),
        ("zh", "几天前宣布停火。"),
        ("ru", "Несколько дней назад было объявлено перемирие."),
        ("de", "Vor wenigen Tagen wurde eine Waffenruhe erklärt."),
        ("fr", "Il y a quelques jours, un cessez-le-feu a été déclaré."),
    ],
)
def test_a_few_days_ago_is_a_span_not_a_made_up_day(language, sentence):
    (resolved,) = resolve_dates(sentence, day("2025-04-02"), language)
    assert (resolved.start, resolved.end, resolved.precision) == ("2025-03-27", "2025-03-31", "week")


def test_recent_days_end_on_the_page_and_a_counted_day_stays_a_day():
    (recent,) = resolve_dates("In recent days, rescuers found more bodies.", day("2025-04-02"), "en")
    assert (recent.start, recent.end, recent.precision) == ("2025-03-27", "2025-04-02", "week")
    (counted,) = resolve_dates("3日前に停戦が宣言された。", day("2025-04-02"), "ja")
    assert (counted.start, counted.end, counted.precision) == ("2025-03-30", "2025-03-30", "day")


def test_a_chinese_weekday_of_last_week_reads_like_last_friday():
    (last,) = resolve_dates("上周五发生地震。", day("2025-04-02"), "zh")
    (english,) = resolve_dates("The quake struck last Friday.", day("2025-04-02"), "en")
    assert (last.clue, last.start, last.end) == ("上周五", english.start, english.end)


# A probe set of the general kinds of date phrase, written for these tests (no story's pages): the
# page is of Friday 4 April 2025.
@pytest.mark.parametrize(
    "language, sentence, clue, start, end",
    [
        # a weekday of last week in every script: the one before the page's own week day
        ("en", "The quake struck last Friday.", "last Friday", "2025-03-28", "2025-03-28"),
        ("ja", "先週金曜日に地震が発生した。", "先週金曜日", "2025-03-28", "2025-03-28"),
        ("ja", "先週の火曜日に政府が発表した。", "先週の火曜日", "2025-03-25", "2025-03-25"),
        ("ko", "지난 금요일 지진이 발생했다.", "지난 금요일", "2025-03-28", "2025-03-28"),
        ("ko", "지난주 화요일 정부가 발표했다.", "지난주 화요일", "2025-03-25", "2025-03-25"),
        ("ru", "В минувшую пятницу произошло землетрясение.", "минувшую пятницу", "2025-03-28", "2025-03-28"),
        ("uk", "Минулої п'ятниці стався землетрус.", "Минулої п'ятниці", "2025-03-28", "2025-03-28"),
        ("th", "เมื่อวันศุกร์ที่ผ่านมา เกิดแผ่นดินไหวรุนแรง", "วันศุกร์ที่ผ่านมา", "2025-03-28", "2025-03-28"),
        ("fr", "Samedi dernier, l'aide est arrivée.", "Samedi dernier", "2025-03-29", "2025-03-29"),
        ("de", "Am vergangenen Freitag bebte die Erde.", "vergangenen Freitag", "2025-03-28", "2025-03-28"),
        # a bare weekday: the most recent such day, the page's own day included
        ("fr", "Vendredi, la junte a annoncé un cessez-le-feu.", "Vendredi", "2025-04-04", "2025-04-04"),
        ("de", "Am Dienstagabend trafen Helfer ein.", "Dienstagabend", "2025-04-01", "2025-04-01"),
        ("ru", "Во вторник вечером спасатели нашли выживших.", "вторник", "2025-04-01", "2025-04-01"),
        ("zh", "周五，军政府宣布停火。", "周五", "2025-04-04", "2025-04-04"),
        ("ko", "3일 유엔은 성명을 발표했다.", "3일", "2025-04-03", "2025-04-03"),
        # the night before a weekday: from the evening before to that day
        ("de", "In der Nacht zum Donnerstag bebte die Erde erneut.", "In der Nacht zum Donnerstag", "2025-04-02", "2025-04-03"),
        ("ru", "В ночь на четверг произошел новый толчок.", "В ночь на четверг", "2025-04-02", "2025-04-03"),
        ("fr", "Dans la nuit de jeudi à vendredi, une réplique a secoué la ville.", "Dans la nuit de jeudi à vendredi", "2025-04-03", "2025-04-04"),
        # parts of this week and last week
        ("fr", "Plus tôt dans la semaine, le ministre a visité la zone.", "Plus tôt dans la semaine", "2025-03-31", "2025-04-04"),
        ("de", "Anfang der Woche hatte die Junta eine Waffenruhe verkündet.", "Anfang der Woche", "2025-03-31", "2025-04-04"),
        ("de", "In der vergangenen Woche bebte die Erde.", "vergangenen Woche", "2025-03-24", "2025-03-30"),
        ("ru", "На минувшей неделе правительство объявило траур.", "На минувшей неделе", "2025-03-24", "2025-03-30"),
        ("uk", "На минулому тижні уряд оголосив жалобу.", "На минулому тижні", "2025-03-24", "2025-03-30"),
    ],
)
def test_general_date_phrases_of_every_language_resolve_against_a_friday_page(language, sentence, clue, start, end):
    resolved = [item for item in resolve_dates(sentence, day("2025-04-04"), language) if item.clue == clue]
    assert [(item.start, item.end, item.role, item.future) for item in resolved] == [(start, end, "event", False)], resolve_dates(
        sentence, day("2025-04-04"), language)


@pytest.mark.parametrize(
    "language, sentence, clue, start",
    [
        ("en", "The leaders will meet next Friday.", "next Friday", "2025-04-11"),  # "next" is the coming one, not the past
        ("ko", "양국은 다음 주 월요일 회담한다.", "다음 주 월요일", "2025-04-07"),
        ("ja", "首脳は来週月曜日に会談する予定だ。", "来週月曜日", "2025-04-07"),
    ],
)
def test_a_weekday_of_next_week_is_the_coming_one(language, sentence, clue, start):
    resolved = [item for item in resolve_dates(sentence, day("2025-04-04"), language) if item.clue == clue]
    assert [(item.start, item.future) for item in resolved] == [(start, True)]


def test_an_abbreviated_weekday_without_its_dot_is_an_ordinary_word():
    # Ukrainian "серед" (among) is also dateparser's abbreviation of "середа" (Wednesday).
    assert not resolve_dates("Серед загиблих є діти.", day("2025-04-04"), "uk")


@pytest.mark.parametrize(
    "sentence, clue, start",
    [
        ("한 달 전 정부가 발표했다.", "한 달 전", "2025-07-15"),  # native 한 (one) before a month: 15 to 46 days before
        ("일주일 전 지진이 발생했다.", "일주일 전", "2025-08-20"),  # 일주일 = one week (give or take three days)
    ],
)
def test_korean_native_counts_of_weeks_and_months(sentence, clue, start):
    resolved = [item for item in resolve_dates(sentence, day("2025-08-30"), "ko") if item.clue == clue]
    assert [item.start for item in resolved] == [start]


def test_a_korean_week_later_counts_from_the_date_before_it():
    previous = resolve_dates("지난 22일 메달이 수여됐다.", day("2025-08-30"), "ko")[0]
    (later,) = resolve_dates("행사는 그로부터 일주일 뒤에 열렸다.", day("2025-08-30"), "ko", previous=previous)
    assert (later.start, later.clue) == ("2025-08-29", "일주일 뒤")


@pytest.mark.parametrize("sentence", ["세 주민이 다쳤다.", "두 주요 국가가 합의했다."])
def test_a_korean_count_of_people_or_things_is_no_date(sentence):
    assert find_date_phrases(sentence, "ko") == ()


@pytest.mark.parametrize(
    "language, sentence, clue",
    [
        ("en", "The quake struck on Friday, March 28, just after midday.", "March 28"),
        ("fr", "Le séisme a frappé le pays vendredi 28 mars, peu après midi.", "28 mars"),
        ("de", "Das Beben erschütterte das Land am Freitag, den 28. März.", "28. März"),
        ("ja", "地震は28日（金）に発生した。", "28日"),
    ],
)
def test_a_weekday_beside_the_day_it_names_is_one_date(language, sentence, clue):
    resolved = resolve_dates(sentence, day("2025-04-04"), language)
    assert [(item.clue, item.start) for item in resolved] == [(clue, "2025-03-28")]


@pytest.mark.parametrize(
    "language, sentence, clue, future",
    [
        # a plan in a relative clause does not make the clause before it a plan
        ("de", "Die Junta kündigte am Mittwochabend eine Waffenruhe an, die bis zum 22. April gelten soll.", "Mittwochabend", False),
        ("de", "Die Regierung teilte mit, dass das Treffen am Freitag stattfinden wird.", "Freitag", True),
        ("fr", "Vendredi, le ministre se rendra dans la capitale.", "Vendredi", True),  # the French simple future
        ("fr", "La junte a annoncé mercredi soir un cessez-le-feu qui durera jusqu'à la fin du mois.", "mercredi", False),
    ],
)
def test_a_phrase_takes_the_tense_of_its_own_clause(language, sentence, clue, future):
    (phrase,) = [phrase for phrase in find_date_phrases(sentence, language) if phrase.text == clue]
    assert phrase.future is future


def test_until_a_day_is_a_deadline_in_french():
    (phrase,) = find_date_phrases("La trêve court jusqu'au 22 avril.", "fr")
    assert phrase.role == "target"


@pytest.mark.parametrize(
    "language, sentence, clue, start, end",
    [
        ("ja", "約1500人の第1陣が今月上旬に運ばれた。", "今月上旬", "2024-10-01", "2024-10-10"),
        ("ja", "政府は先月末に発表した。", "先月末", "2024-09-26", "2024-09-30"),
        ("ko", "정부는 지난달 말 발표했다.", "지난달 말", "2024-09-26", "2024-09-30"),
        ("zh", "政府上个月底宣布。", "上个月底", "2024-09-26", "2024-09-30"),
        ("zh", "救援队本月中旬抵达。", "本月中旬", "2024-10-11", "2024-10-21"),
    ],
)
def test_a_part_of_last_or_this_month_is_that_part(language, sentence, clue, start, end):
    resolved = [item for item in resolve_dates(sentence, day("2024-10-23"), language) if item.clue == clue]
    assert [(item.start, item.end) for item in resolved] == [(start, end)]


@pytest.mark.parametrize(
    "sentence, dated",
    [("김 위원장은 이달 첫 표창 행사에서 연설했다.", ("2025-08-01", "2025-08-30")), ("이달리아 대사가 말했다.", None)],
)
def test_korean_this_month_is_a_word_of_its_own(sentence, dated):
    resolved = resolve_dates(sentence, day("2025-08-30"), "ko")
    assert [(item.start, item.end) for item in resolved] == ([dated] if dated else [])


@pytest.mark.parametrize(
    ("language", "text", "day"),
    [
        ("ja", "令和7年3月29日に発表した。", "2025-03-29"),
        ("ja", "令和元年5月1日に即位した。", "2019-05-01"),  # 元年: the era's first year
        ("ja", "平成31年4月30日", "2019-04-30"),
        ("zh", "中華民國114年3月29日", "2025-03-29"),
        ("zh", "民國114年3月29日發布", "2025-03-29"),
    ],
)
def test_a_year_of_an_era_is_its_gregorian_year(language, text, day):
    from lib.text.dates import resolve_dates

    assert [(r.start, r.end, r.kind) for r in resolve_dates(text, None, language=language)] == [(day, day, "dmy")]


def test_days_counted_since_a_happening_are_no_day_of_the_month():
    """「発生から３日」: three days since the quake, not the 3rd."""
    from lib.text.dates import find_date_phrases

    assert find_date_phrases("地震は、発生から３日となった今も救助活動が続いている。", "ja") == ()
    assert [p.kind for p in find_date_phrases("政府は29日、発表した。", "ja")] == ["dom"]
