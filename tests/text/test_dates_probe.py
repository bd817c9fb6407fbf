"""Probe set: news-style date phrases in thirteen languages, resolved against the publication date.

The sentences are written for this probe (no bundled or dev page): the general kinds of phrase a
report uses (a day with or without its year, a weekday, last/next weekday, last week, part of a
month, N days ago, yesterday, Thai Buddhist-era years, Arabic-Indic digits), each resolved against
a page published on Wednesday 2 April 2025 unless said otherwise.
"""

import pytest

from lib.core.models import PublishedDate
from lib.text.dates import find_date_phrases, resolve_dates

PAGE = "2025-04-02"  # a Wednesday: "Friday" and "last Friday" are both 28 March
LAST_WEEK = ("2025-03-24", "2025-03-30", "week")
END_OF_MARCH = ("2025-03-27", "2025-03-31", "month")


def day(iso: str) -> PublishedDate:
    return PublishedDate(date=iso, precision="day", stated=True, clue="test", earliest=iso, latest=iso)


def on(iso: str) -> tuple[str, str, str]:
    return iso, iso, "day"


PROBES = [
    # -- French
    ("fr", "Le 28 mars, un séisme de magnitude 7,7 a frappé le centre du pays.", "28 mars", on("2025-03-28")),
    ("fr", "Le gouvernement a décrété l'état d'urgence le 1er avril 2025.", "1er avril 2025", on("2025-04-01")),
    ("fr", "Vendredi dernier, les secours sont arrivés dans la ville.", "Vendredi dernier", on("2025-03-28")),
    ("fr", "Vendredi, le ministre a visité la région sinistrée.", "Vendredi", on("2025-03-28")),
    ("fr", "La semaine dernière, le président a rencontré les familles.", "La semaine dernière", LAST_WEEK),
    ("fr", "Fin mars, les autorités ont rouvert l'aéroport.", "Fin mars", END_OF_MARCH),
    ("fr", "Il y a deux jours, le bilan a dépassé 2 000 morts.", "Il y a deux jours", on("2025-03-31")),
    ("fr", "Hier, la compagnie a suspendu ses vols.", "Hier", on("2025-04-01")),
    # -- Spanish
    ("es", "El 28 de marzo, un terremoto de magnitud 7,7 sacudió el centro del país.", "28 de marzo", on("2025-03-28")),
    ("es", "El Gobierno declaró el estado de emergencia el 1 de abril de 2025.", "1 de abril de 2025", on("2025-04-01")),
    ("es", "El viernes pasado, los equipos de rescate llegaron a la ciudad.", "viernes pasado", on("2025-03-28")),
    ("es", "El viernes, el ministro visitó la zona afectada.", "viernes", on("2025-03-28")),
    ("es", "La semana pasada, el presidente se reunió con las familias.", "La semana pasada", LAST_WEEK),
    ("es", "Hace dos días, el balance superó los 2.000 muertos.", "Hace dos días", on("2025-03-31")),
    ("es", "Hace 3 días, la empresa anunció el cierre de la planta.", "Hace 3 días", on("2025-03-30")),
    ("es", "Ayer, las autoridades reabrieron el aeropuerto.", "Ayer", on("2025-04-01")),
    ("es", "A finales de marzo, las autoridades reabrieron el aeropuerto.", "finales de marzo", END_OF_MARCH),
    ("es", "El año pasado, las exportaciones cayeron un 5 %.", "El año pasado", ("2024-01-01", "2024-12-31", "year")),
    # -- Italian
    ("it", "Il 28 marzo un terremoto di magnitudo 7,7 ha colpito il Paese.", "28 marzo", on("2025-03-28")),
    ("it", "Il 1° aprile 2025 il governo ha dichiarato lo stato di emergenza.", "1° aprile 2025", on("2025-04-01")),
    ("it", "Venerdì scorso i soccorritori sono arrivati in città.", "Venerdì scorso", on("2025-03-28")),
    ("it", "La settimana scorsa il ministro ha visitato la regione.", "settimana scorsa", LAST_WEEK),
    ("it", "Due giorni fa il bilancio ha superato i 2.000 morti.", "Due giorni fa", on("2025-03-31")),
    ("it", "Ieri le autorità hanno riaperto l'aeroporto.", "Ieri", on("2025-04-01")),
    ("it", "A fine marzo le autorità hanno riaperto l'aeroporto.", "fine marzo", END_OF_MARCH),
    # -- Portuguese
    ("pt", "Em 28 de março, um terremoto de magnitude 7,7 atingiu o centro do país.", "28 de março", on("2025-03-28")),
    ("pt", "O governo declarou estado de emergência em 1 de abril de 2025.", "1 de abril de 2025", on("2025-04-01")),
    ("pt", "Na sexta-feira passada, as equipes de resgate chegaram à cidade.", "sexta-feira passada", on("2025-03-28")),
    ("pt", "Na semana passada, o ministro visitou a região.", "semana passada", LAST_WEEK),
    ("pt", "Há dois dias, o balanço ultrapassou 2.000 mortos.", "Há dois dias", on("2025-03-31")),
    ("pt", "Ontem, as autoridades reabriram o aeroporto.", "Ontem", on("2025-04-01")),
    # -- German
    ("de", "Am Freitag traf der Minister in der Stadt ein.", "Freitag", on("2025-03-28")),
    ("de", "Vor zwei Tagen überstieg die Zahl der Toten 2000.", "vor zwei Tagen", on("2025-03-31")),
    ("de", "Ende März öffneten die Behörden den Flughafen wieder.", "Ende März", END_OF_MARCH),
    ("de", "Letzte Woche besuchte der Präsident die Region.", "Letzte Woche", LAST_WEEK),
    ("de", "Am 1. April 2025 rief die Regierung den Notstand aus.", "1. April 2025", on("2025-04-01")),
    # -- Chinese, simplified and traditional
    ("zh", "3月28日，缅甸中部发生7.7级地震。", "3月28日", on("2025-03-28")),
    ("zh", "上周五，救援队抵达灾区。", "上周五", on("2025-03-28")),
    ("zh", "两天前，死亡人数超过2000人。", "两天前", on("2025-03-31")),
    ("zh", "昨天，当局重新开放了机场。", "昨天", on("2025-04-01")),
    ("zh", "2025年4月1日，政府宣布进入紧急状态。", "2025年4月1日", on("2025-04-01")),
    ("zh", "上个月底，当局重新开放了机场。", "上个月底", END_OF_MARCH),
    ("zh", "上周，总统访问了灾区。", "上周", LAST_WEEK),
    ("zh", "上週五，救援隊抵達災區。", "上週五", on("2025-03-28")),
    ("zh", "兩天前，死亡人數超過2000人。", "兩天前", on("2025-03-31")),
    ("zh", "上個月底，當局重新開放了機場。", "上個月底", END_OF_MARCH),
    ("zh", "總統上週訪問了災區。", "上週", LAST_WEEK),
    ("zh", "救援隊週五抵達災區。", "週五", on("2025-03-28")),
    # -- Thai (Buddhist-era years, words written without spaces)
    ("th", "เมื่อวันที่ 28 มีนาคม 2568 เกิดแผ่นดินไหวขนาด 7.7", "28 มีนาคม 2568", on("2025-03-28")),
    ("th", "เมื่อวันศุกร์ที่ผ่านมา ทีมกู้ภัยเดินทางถึงพื้นที่", "วันศุกร์ที่ผ่านมา", on("2025-03-28")),
    ("th", "เมื่อวันศุกร์ รัฐบาลประกาศภาวะฉุกเฉิน", "วันศุกร์", on("2025-03-28")),
    ("th", "สัปดาห์ที่แล้ว นายกรัฐมนตรีเดินทางไปยังพื้นที่", "สัปดาห์ที่แล้ว", LAST_WEEK),
    ("th", "เมื่อ 2 วันก่อน ยอดผู้เสียชีวิตเกิน 2,000 ราย", "2 วันก่อน", on("2025-03-31")),
    ("th", "เมื่อวันที่ 1 เม.ย. 68 รัฐบาลประกาศภาวะฉุกเฉิน", "1 เม.ย. 68", on("2025-04-01")),
    # -- Arabic (Arabic-Indic digits too)
    ("ar", "في 28 مارس، ضرب زلزال بقوة 7.7 درجات وسط البلاد.", "28 مارس", on("2025-03-28")),
    ("ar", "في ٢٨ مارس، ضرب زلزال وسط البلاد.", "٢٨ مارس", on("2025-03-28")),
    ("ar", "أعلنت الحكومة حالة الطوارئ في 1 أبريل 2025.", "1 أبريل 2025", on("2025-04-01")),
    ("ar", "يوم الجمعة الماضي، وصلت فرق الإنقاذ إلى المدينة.", "الجمعة الماضي", on("2025-03-28")),
    ("ar", "قبل يومين، تجاوزت حصيلة القتلى 2000 شخص.", "قبل يومين", on("2025-03-31")),
    ("ar", "قبل 3 أيام، أعلنت الشركة إغلاق المصنع.", "قبل 3 أيام", on("2025-03-30")),
    ("ar", "أمس، أعادت السلطات فتح المطار.", "أمس", on("2025-04-01")),
    ("ar", "الأسبوع الماضي، زار الرئيس المنطقة.", "الأسبوع الماضي", LAST_WEEK),
    # -- Korean
    ("ko", "지난 28일 미얀마 중부에서 규모 7.7의 지진이 발생했다.", "지난 28일", on("2025-03-28")),
    ("ko", "지난주 금요일 구조대가 현장에 도착했다.", "지난주 금요일", on("2025-03-28")),
    ("ko", "이틀 전 사망자 수가 2천 명을 넘었다.", "이틀 전", on("2025-03-31")),
    ("ko", "지난달 말 당국은 공항을 다시 열었다.", "지난달 말", END_OF_MARCH),
    ("ko", "2025년 4월 1일 정부는 비상사태를 선포했다.", "2025년 4월 1일", on("2025-04-01")),
    # -- Japanese
    ("ja", "3月28日、ミャンマー中部で地震が発生した。", "3月28日", on("2025-03-28")),
    ("ja", "先週金曜日、救助隊が現地に到着した。", "先週金曜日", on("2025-03-28")),
    ("ja", "2日前、死者数が2000人を超えた。", "2日前", on("2025-03-31")),
    ("ja", "先月末、当局は空港を再開した。", "先月末", END_OF_MARCH),
    # -- Russian
    ("ru", "В прошлую пятницу спасатели прибыли в город.", "прошлую пятницу", on("2025-03-28")),
    ("ru", "28 марта в центре страны произошло землетрясение.", "28 марта", on("2025-03-28")),
    ("ru", "Два дня назад число погибших превысило 2000.", "Два дня назад", on("2025-03-31")),
    ("ru", "В конце марта власти вновь открыли аэропорт.", "В конце марта", END_OF_MARCH),
    ("ru", "На прошлой неделе президент посетил регион.", "На прошлой неделе", LAST_WEEK),
    # -- Ukrainian
    ("uk", "У п'ятницю рятувальники прибули до міста.", "п'ятницю", on("2025-03-28")),
    ("uk", "Минулої п'ятниці рятувальники прибули до міста.", "Минулої п'ятниці", on("2025-03-28")),
    ("uk", "Два дні тому кількість загиблих перевищила 2000.", "Два дні тому", on("2025-03-31")),
    ("uk", "Наприкінці березня влада знову відкрила аеропорт.", "Наприкінці березня", END_OF_MARCH),
    # -- English
    ("en", "Last Friday, rescue teams reached the city.", "Last Friday", on("2025-03-28")),
    ("en", "On March 28, a magnitude 7.7 earthquake struck the region.", "On March 28", on("2025-03-28")),
    ("en", "Two days ago, the death toll passed 2,000.", "Two days ago", on("2025-03-31")),
    ("en", "At the end of March, the authorities reopened the airport.", "the end of March", END_OF_MARCH),
    ("en", "Last week, the president met the families.", "Last week", LAST_WEEK),
]


@pytest.mark.parametrize("language, sentence, clue, want", PROBES, ids=[f"{p[0]}-{p[2]}" for p in PROBES])
def test_a_date_phrase_resolves_against_the_page_in_its_language(language, sentence, clue, want):
    resolved = [item for item in resolve_dates(sentence, day(PAGE), language) if item.clue.lower() == clue.lower()]
    assert len(resolved) == 1, [(r.clue, r.start, r.end) for r in resolve_dates(sentence, day(PAGE), language)]
    assert (resolved[0].start, resolved[0].end, resolved[0].precision) == want


# A weekday on a Friday page is that day; a plan's weekday is the next one.
@pytest.mark.parametrize(
    "language, sentence, clue, want",
    [
        ("es", "El ministro visitará la zona el próximo lunes.", "próximo lunes", on("2025-04-07")),
        ("it", "Il ministro visiterà la zona lunedì prossimo.", "lunedì prossimo", on("2025-04-07")),
        ("pt", "O ministro visitará a região na próxima segunda-feira.", "próxima segunda-feira", on("2025-04-07")),
        ("ar", "سيزور الوزير المنطقة يوم الاثنين المقبل.", "الاثنين المقبل", on("2025-04-07")),
        ("fr", "Le ministre se rendra sur place lundi prochain.", "lundi prochain", on("2025-04-07")),
    ],
)
def test_a_planned_weekday_is_the_next_one_and_is_future(language, sentence, clue, want):
    resolved = [item for item in resolve_dates(sentence, day(PAGE), language) if item.clue.lower() == clue.lower()]
    assert len(resolved) == 1, [(r.clue, r.start, r.end) for r in resolve_dates(sentence, day(PAGE), language)]
    assert (resolved[0].start, resolved[0].end, resolved[0].precision) == want
    assert resolved[0].future


@pytest.mark.parametrize(
    "language, sentence",
    [
        ("es", "El buque navegaba en mar abierto cuando se hundió."),  # "mar" is the sea, not March
        ("it", "La nave era in mare aperto quando è affondata."),
        ("pt", "O navio estava em mar aberto quando afundou."),
        ("es", "La presidenta Mayo García visitó la escuela."),  # no day, no month: a name
        ("fr", "Le ministre Pierre Mars a démissionné."),
        ("es", "El precio subió un 2025 %."),
        ("ar", "ارتفع عدد القتلى إلى 2000 شخص."),
    ],
)
def test_words_that_look_like_dates_are_not_dates(language, sentence):
    assert find_date_phrases(sentence, language) == ()


def test_a_relative_phrase_without_a_publication_date_is_left_out():
    assert resolve_dates("El viernes pasado, los equipos de rescate llegaron.", None, "es") == []
    # an explicit day still resolves
    assert [r.start for r in resolve_dates("El 3 de abril de 2025 llegaron.", None, "es")] == ["2025-04-03"]


MID_MARCH = ("2025-03-11", "2025-03-21", "month")
EARLY_APRIL = ("2025-04-01", "2025-04-10", "month")
LAST_MONTH = ("2025-03-01", "2025-03-31", "month")
A_WEEK_AGO = ("2025-03-23", "2025-03-29", "week")

# More kinds: a weekday with its date, a time of day, middle and start of a month, "a week ago",
# "last month", the night before.
MORE_PROBES = [
    ("fr", "Lundi 31 mars, le gouvernement a annoncé un deuil national.", "31 mars", on("2025-03-31")),
    ("fr", "À la mi-mars, les pluies ont inondé la vallée.", "mi-mars", MID_MARCH),
    ("fr", "Début avril, les écoles ont rouvert.", "Début avril", EARLY_APRIL),
    ("fr", "Samedi soir, une réplique a secoué la capitale.", "Samedi", on("2025-03-29")),
    ("fr", "Le mois dernier, les prix ont augmenté de 5 %.", "Le mois dernier", LAST_MONTH),
    ("fr", "Il y a une semaine, le barrage a cédé.", "Il y a une semaine", A_WEEK_AGO),
    ("es", "El lunes 31 de marzo, el Gobierno anunció un luto nacional.", "31 de marzo", on("2025-03-31")),
    ("es", "A mediados de marzo, las lluvias inundaron el valle.", "mediados de marzo", MID_MARCH),
    ("es", "A principios de abril, las escuelas reabrieron.", "principios de abril", EARLY_APRIL),
    ("es", "El sábado por la noche, una réplica sacudió la capital.", "sábado", on("2025-03-29")),
    ("es", "El mes pasado, los precios subieron un 5 %.", "El mes pasado", LAST_MONTH),
    ("es", "Hace una semana, la presa cedió.", "Hace una semana", A_WEEK_AGO),
    ("es", "El pasado viernes, la presa cedió.", "pasado viernes", on("2025-03-28")),
    ("es", "Anoche, una réplica sacudió la capital.", "Anoche", on("2025-04-01")),
    ("it", "Lunedì 31 marzo il governo ha proclamato il lutto nazionale.", "31 marzo", on("2025-03-31")),
    ("it", "A metà marzo le piogge hanno allagato la valle.", "metà marzo", MID_MARCH),
    ("it", "Sabato sera una scossa ha colpito la capitale.", "Sabato", on("2025-03-29")),
    ("it", "Il mese scorso i prezzi sono saliti del 5 %.", "mese scorso", LAST_MONTH),
    ("it", "Una settimana fa la diga ha ceduto.", "Una settimana fa", A_WEEK_AGO),
    ("it", "Ieri sera una scossa ha colpito la capitale.", "Ieri", on("2025-04-01")),
    ("pt", "Na segunda-feira, 31 de março, o governo anunciou luto nacional.", "31 de março", on("2025-03-31")),
    ("pt", "Em meados de março, as chuvas inundaram o vale.", "meados de março", MID_MARCH),
    ("pt", "No sábado à noite, um tremor atingiu a capital.", "sábado", on("2025-03-29")),
    ("pt", "No mês passado, os preços subiram 5 %.", "mês passado", LAST_MONTH),
    ("pt", "Há uma semana, a barragem cedeu.", "Há uma semana", A_WEEK_AGO),
    ("de", "Am Montag, 31. März, kündigte die Regierung Staatstrauer an.", "31. März", on("2025-03-31")),
    ("de", "Mitte März überschwemmte der Regen das Tal.", "Mitte März", MID_MARCH),
    ("de", "Am Samstagabend erschütterte ein Nachbeben die Hauptstadt.", "Samstagabend", on("2025-03-29")),
    ("de", "Vor einer Woche brach der Damm.", "Vor einer Woche", A_WEEK_AGO),
    ("de", "Vergangenen Freitag brach der Damm.", "Vergangenen Freitag", on("2025-03-28")),
    ("zh", "3月31日晚，政府宣布全国哀悼。", "3月31日", on("2025-03-31")),
    ("zh", "前天，一次余震袭击了首都。", "前天", on("2025-03-31")),
    ("zh", "昨晚，一次余震袭击了首都。", "昨晚", on("2025-04-01")),
    ("zh", "上个月，物价上涨了5%。", "上个月", LAST_MONTH),
    ("zh", "一周前，大坝决堤。", "一周前", A_WEEK_AGO),
    ("zh", "本週一，政府宣布全國哀悼。", "本週一", on("2025-03-31")),
    ("zh", "3月中旬，暴雨淹沒了山谷。", "3月中旬", MID_MARCH),
    ("zh", "部長本週訪問了災區。", "本週", ("2025-03-31", "2025-04-02", "week")),
    ("zh", "部長下個月將訪問災區。", "下個月", ("2025-05-01", "2025-05-31", "month")),
    ("th", "เมื่อวันจันทร์ที่ 31 มี.ค. รัฐบาลประกาศไว้ทุกข์", "31 มี.ค.", on("2025-03-31")),
    ("th", "เมื่อเดือนที่แล้ว ราคาสินค้าเพิ่มขึ้นร้อยละ 5", "เดือนที่แล้ว", LAST_MONTH),
    ("th", "เมื่อคืนนี้ เกิดอาฟเตอร์ช็อกในเมืองหลวง", "เมื่อคืนนี้", on("2025-04-01")),
    ("th", "เมื่อสองวันก่อน ยอดผู้เสียชีวิตเกิน 2,000 ราย", "สองวันก่อน", on("2025-03-31")),
    ("th", "เมื่อวันที่ ๒๘ มีนาคม ๒๕๖๘ เกิดแผ่นดินไหว", "๒๘ มีนาคม ๒๕๖๘", on("2025-03-28")),
    ("ar", "يوم الاثنين 31 مارس، أعلنت الحكومة الحداد الوطني.", "31 مارس", on("2025-03-31")),
    ("ar", "في منتصف مارس، أغرقت الأمطار الوادي.", "منتصف مارس", MID_MARCH),
    ("ar", "مساء السبت، ضربت هزة ارتدادية العاصمة.", "السبت", on("2025-03-29")),
    ("ar", "الشهر الماضي، ارتفعت الأسعار بنسبة 5%.", "الشهر الماضي", LAST_MONTH),
    ("ar", "قبل أسبوع، انهار السد.", "قبل أسبوع", A_WEEK_AGO),
    ("ko", "31일 오전 정부는 국가 애도 기간을 선포했다.", "31일", on("2025-03-31")),
    ("ko", "3월 중순 폭우가 계곡을 덮쳤다.", "3월 중순", MID_MARCH),
    ("ko", "지난달 물가가 5% 올랐다.", "지난달", LAST_MONTH),
    ("ko", "일주일 전 댐이 무너졌다.", "일주일 전", A_WEEK_AGO),
    ("ja", "31日午前、政府は国の服喪期間を発表した。", "31日", on("2025-03-31")),
    ("ja", "3月中旬、大雨が谷を襲った。", "3月中旬", MID_MARCH),
    ("ja", "先月、物価が5%上昇した。", "先月", LAST_MONTH),
    ("ja", "1週間前、ダムが決壊した。", "1週間前", A_WEEK_AGO),
    ("ja", "昨夜、余震が首都を襲った。", "昨夜", on("2025-04-01")),
    ("ru", "В субботу вечером подземный толчок потряс столицу.", "субботу", on("2025-03-29")),
    ("ru", "В середине марта ливни затопили долину.", "В середине марта", MID_MARCH),
    ("ru", "Неделю назад прорвало плотину.", "Неделю назад", A_WEEK_AGO),
    ("ru", "В прошлом месяце цены выросли на 5%.", "В прошлом месяце", LAST_MONTH),
    ("uk", "Тиждень тому прорвало греблю.", "Тиждень тому", A_WEEK_AGO),
    ("uk", "31 березня уряд оголосив національну жалобу.", "31 березня", on("2025-03-31")),
    ("en", "On Saturday night, an aftershock shook the capital.", "Saturday night", on("2025-03-29")),
    ("en", "In mid-March, rains flooded the valley.", "mid-March", MID_MARCH),
    ("en", "A week ago, the dam burst.", "A week ago", A_WEEK_AGO),
    ("en", "Last month, prices rose 5%.", "Last month", LAST_MONTH),
]


@pytest.mark.parametrize("language, sentence, clue, want", MORE_PROBES, ids=[f"{p[0]}-{p[2]}" for p in MORE_PROBES])
def test_more_kinds_of_date_phrase_resolve_in_every_language(language, sentence, clue, want):
    resolved = resolve_dates(sentence, day(PAGE), language)
    matching = [item for item in resolved if clue.lower() in item.clue.lower()]
    assert matching, [(r.clue, r.start, r.end) for r in resolved]
    assert (matching[0].start, matching[0].end, matching[0].precision) == want, [(r.clue, r.start, r.end, r.precision) for r in resolved]


@pytest.mark.parametrize(
    "language, sentence, clue, past",
    [
        ("es", "El ministro visitará la zona el 5 de abril.", "5 de abril", False),
        ("es", "El ministro visitó la zona el 1 de abril.", "1 de abril", True),
        ("it", "Il ministro visiterà la zona il 5 aprile.", "5 aprile", False),
        ("it", "Il ministro ha visitato la zona il 1° aprile.", "1° aprile", True),
        ("pt", "O ministro visitará a região em 5 de abril.", "5 de abril", False),
        ("pt", "O ministro visitou a região em 1 de abril.", "1 de abril", True),
        ("ar", "من المقرر أن يزور الوزير المنطقة في 5 أبريل.", "5 أبريل", False),
        ("ar", "زار الوزير المنطقة في 1 أبريل.", "1 أبريل", True),
        ("fr", "Le ministre se rendra sur place le 5 avril.", "5 avril", False),
        ("zh", "部长将于4月5日前往灾区。", "4月5日", False),
        ("th", "รัฐมนตรีจะเดินทางไปยังพื้นที่ในวันที่ 5 เมษายน", "5 เมษายน", False),
    ],
)
def test_the_tense_of_the_clause_tells_a_plan_from_a_happening(language, sentence, clue, past):
    phrases = [phrase for phrase in find_date_phrases(sentence, language) if clue in phrase.text]
    assert len(phrases) == 1, find_date_phrases(sentence, language)
    assert phrases[0].future is (not past)


@pytest.mark.parametrize(
    "sentence, clue, want",
    [
        ("في 28 آذار/مارس 2025، ضرب زلزال وسط البلاد.", "28 آذار/مارس 2025", on("2025-03-28")),
        ("في 28 آذار، ضرب زلزال وسط البلاد.", "28 آذار", on("2025-03-28")),
        ("أعلنت الحكومة حالة الطوارئ في 1 أفريل 2025.", "1 أفريل 2025", on("2025-04-01")),
        ("في 28 مارس 2025، ضرب زلزال وسط البلاد.", "28 مارس 2025", on("2025-03-28")),
    ],
)
def test_arabic_months_of_every_region_are_read(sentence, clue, want):
    resolved = [item for item in resolve_dates(sentence, day(PAGE), "ar") if item.clue == clue]
    assert len(resolved) == 1, [(r.clue, r.start) for r in resolve_dates(sentence, day(PAGE), "ar")]
    assert (resolved[0].start, resolved[0].end, resolved[0].precision) == want


@pytest.mark.parametrize(
    "language, sentence",
    [
        ("es", "El tenor Plácido Domingo cantó en la gala."),  # a name, not Sunday
        ("it", "Lo scrittore Gianni Sabato ha vinto il premio."),
        ("es", "Los equipos trabajan cada mañana en la zona."),  # the morning, not tomorrow
    ],
)
def test_a_weekday_or_day_word_that_is_a_name_or_a_time_of_day_is_not_a_date(language, sentence):
    assert find_date_phrases(sentence, language) == ()


def test_por_la_manana_is_the_morning_of_the_day_named():
    resolved = resolve_dates("Los equipos llegaron el sábado por la mañana.", day(PAGE), "es")
    assert [(r.clue, r.start) for r in resolved] == [("sábado", "2025-03-29")]


@pytest.mark.parametrize(
    "language, sentence, clue",
    [
        ("ar", "منذ 2014 تحكم الحكومة البلاد.", "2014"),
        ("es", "Desde 2014, el gobierno controla el país.", "2014"),
        ("de", "Seit 2014 kontrolliert die Regierung das Land.", "2014"),
        ("fr", "Depuis 2014, le gouvernement contrôle le pays.", "2014"),
    ],
)
def test_a_year_after_since_in_any_language_is_the_start_of_a_state(language, sentence, clue):
    phrases = [phrase for phrase in find_date_phrases(sentence, language) if phrase.text == clue]
    assert [phrase.role for phrase in phrases] == ["since"]


@pytest.mark.parametrize(
    "sentence, want",
    [("منذ ثلاثة أيام، انهار السد.", on("2025-03-30")), ("منذ يومين انهار السد.", on("2025-03-31"))],
)
def test_arabic_munthu_with_a_count_is_ago(sentence, want):
    resolved = resolve_dates(sentence, day(PAGE), "ar")
    assert [(r.start, r.end, r.precision) for r in resolved] == [want]


@pytest.mark.parametrize(("sentence", "role"), [
    ("Bis Sonntagabend bestätigte die Küstenwache 52 Todesopfer.", "event"),
    ("Die Zahl der Toten stieg bis Sonntag auf 52.", "event"),
    ("Bis Sonntag war die Zahl der Toten auf 52 gestiegen.", "event"),
    ("Bis Sonntag sollen alle 52 Leichen geborgen sein.", "target"),
    ("Die Regierung will bis Sonntag 52 Helfer schicken.", "target"),
    ("Die Straße war bis Sonntag gesperrt.", "target"),
    ("Der Streik dauerte bis Freitag.", "target"),
])
def test_german_bis_a_past_day_with_a_count_reached_is_that_day_else_a_deadline(sentence, role):
    """"Bis Sonntagabend bestätigte die Küstenwache 52 Todesopfer" tells what was reached by that Sunday (as
    English "By Sunday evening, … had confirmed"); a plan, a modal or a state without a count keeps "bis" its end."""
    from lib.text.dates import find_date_phrases

    (phrase,) = find_date_phrases(sentence, "de")
    assert phrase.role == role
