"""What a figure counts: a small open taxonomy of (subject, role), read in thirteen languages.

`counted_kind(...)` names what a figure counts, so that only like figures are
compared ("troops sent" with "troops sent", never with "troops killed"):

* subject: troops | workers | people | munitions | equipment (from the counted noun,
  the counter, or the nouns of the clause; the previous sentence when the clause names none);
* role (people, troops, workers only): sent | killed | wounded | killed or wounded |
  missing | captured | displaced | rescued (from the verb or noun next to the figure);
* measures have their own kind: price | money | percent | weight | volume | distance | ratio;
* anything else is "count".

Kinds are plain strings: "troops sent", "troops killed or wounded", "people killed",
"people missing", "workers", "munitions", "price", "percent", "weight", "count".

Hand-written because no shipped library types news figures; the cue words are general
news vocabulary per language (killed, wounded, sent, price ...), never a story's names.
European cues match word stems (so Russian and Ukrainian inflections match); CJK and Thai
cues match as substrings (no word boundaries in those scripts).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

ROLES = ("sent", "killed", "wounded", "killed or wounded", "missing", "captured", "displaced", "rescued", "protesting")
SUBJECTS = ("troops", "workers", "people", "munitions", "equipment")
MEASURE_KINDS = ("price", "money", "percent", "weight", "volume", "distance", "ratio")
CASUALTY_ROLES = ("killed", "wounded", "killed or wounded", "missing", "captured")

# Cue words per language. European words are regex stems matched at a word start; a Latin-script
# language's words apply to sentences in that language only (German "plant" = "plans" is no English
# "plant" = factory, French "prix" no English "Grand Prix", German "Sold" = pay no English "sold"),
# or to every sentence whose language is not told (unknown, or a language without cues of its own).
# Cyrillic (Russian, Ukrainian) and CJK/Thai words are kept apart by their script, so they always apply.
CUE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt")


@dataclass(frozen=True)
class Cues:
    """The words of one cue in each language group (regex fragments; empty when the group has none)."""

    en: str = ""
    de: str = ""
    fr: str = ""
    es: str = ""
    it: str = ""
    pt: str = ""
    cyrillic: str = ""  # Russian and Ukrainian stems
    asian: str = ""  # Chinese, Japanese, Korean and Thai words, matched anywhere (no word boundaries)
    arabic: str = ""  # matched anywhere too: the article and prepositions are written onto the word ("القتلى")

    def pattern(self, language: str | None, stems: bool = True) -> re.Pattern:
        """One regex of the groups that apply to a sentence in `language` (None: every group).
        `stems`: European words match at a word start only (else each fragment sets its own bounds)."""
        latin = [getattr(self, code) for code in (CUE_LANGUAGES if language is None else (language,))]
        european = [part for part in (*latin[:1], self.cyrillic, *latin[1:]) if part]
        parts = [rf"(?<![^\W\d_])(?:{part})" if stems else part for part in european]
        parts += [f"(?:{group})" for group in (self.asian, self.arabic) if group]
        return re.compile("(?i)" + ("|".join(parts) or "(?!)"))


_ROLE_CUES: list[tuple[str, Cues]] = [
    ("killed or wounded", Cues(
        en=r"casualt|killed or wounded|killed and wounded|dead and wounded|dead or wounded|dead and injured|"
        r"(?<!economic )(?<!financial )(?<!insured )(?<!material )losses",
        cyrillic=r"потер|втрат|убитыми и ранеными|убитими та пораненими",
        de=r"Verluste|Tote und Verletzte",
        fr=r"pertes|tués ou blessés|morts ou blessés",
        es=r"bajas|muertos y heridos|muertos o heridos",
        it=r"perdite|morti e feriti|morti o feriti",
        pt=r"baixas|mortos e feridos|mortos ou feridos",
        arabic=r"خسائر بشرية|قتلى وجرحى|قتيل وجريح",
        asian=r"死傷|사상|伤亡|傷亡|死伤|ผู้บาดเจ็บและเสียชีวิต")),
    ("killed", Cues(
        en=r"killed|killing|kills\b|dead\b|deaths?\b|died|perish|fatalit|lives\b|death toll|toll\b|bodies",
        cyrillic=r"погиб|убит|смерт|жертв|загибл|загину|вбит|помер|мертв",
        de=r"Todeszahl|Opferzahl|Todesopfer|getötet|tot(?:e|en)?\b|ums Leben|gestorben|starben",
        fr=r"bilan\b|tu[ée]e?s?\b|morts?\b|mortes\b|décès|décédée?s?|victimes|péri(?:e|es|s)?\b|périssent",
        es=r"muert|murieron|murió|fallec|víctimas mortales|víctimas|mataron|asesinad|cadáveres|balance de",
        it=r"mort[ioe]\b|morirono|è morto|decedut|decess|vittime|uccis|bilancio",
        pt=r"mort[oa]s?\b|morreram|morreu|falec|óbitos|vítimas|mataram|assassinad",
        arabic=r"قتل|قتيل|قتلى|مقتل|وفاة|وفيات|حتفهم|حتفه|ضحايا|جثث|جثة|مصرع|توفي|لقوا|لقي",
        asian=r"死亡|死者|戦死|犠牲|亡くな|死去|遺体|命を落と|사망|전사|숨진|숨져|숨졌|숨지|희생|시신|목숨을 잃|遇难|罹难|罹難|丧生|喪生|遇難|丧命|喪命|死|เสียชีวิต|ตาย|ศพ")),
    ("wounded", Cues(
        en=r"wounded|wounding|injured|injur|hurt|hospitali[sz]",
        cyrillic=r"ранен|пострада|поранен|травм",
        de=r"verletzt|Verletzte|verwundet",
        fr=r"bless[ée]e?s?\b|blessures",
        es=r"herid|lesionad",
        it=r"ferit",
        pt=r"ferid",
        arabic=r"جرحى|جريح|مصاب|أصيب|إصابة|إصابات|بجروح",
        asian=r"負傷|けが|怪我|重傷|軽傷|부상|다친|다쳐|다쳤|受伤|受傷|伤|บาดเจ็บ")),
    ("missing", Cues(
        # Trapped under rubble is not yet found: counted with the missing.
        en=r"missing|unaccounted|trapped|buried under",
        cyrillic=r"пропал|пропавш|безвест|зникл|безвісти|под завалами|під завалами",
        de=r"vermisst|Vermisste|verschüttet",
        fr=r"disparue?s?\b|ensevelie?s?\b|coincée?s?\b",
        es=r"desaparecid|atrapad|sepultad",
        it=r"dispers[io]\b|disperse\b|scompars|intrappolat",
        pt=r"desaparecid|soterrad|presos sob",
        arabic=r"مفقود|المفقودين|عالقين|عالقون|تحت الأنقاض",
        asian=r"行方不明|行方が分から|行方が分かって|安否不明|安否が分から|安否が分かって|連絡が取れ|下敷き|閉じ込め|생사 확인|매몰|갇혀|갇힌|실종|失踪|失蹤|失联|失聯|下落不明|被困|被埋|สูญหาย|ติดอยู่|ติดค้าง|ยังไม่พบ|หาตัว")),
    ("captured", Cues(
        en=r"captured|prisoners?|POWs?",
        cyrillic=r"пленн|плен|захвачен|полонен|полон",
        de=r"Gefangen|gefangen",
        fr=r"prisonniers|capturés",
        es=r"prisioner|capturad",
        it=r"prigionier|catturat",
        pt=r"prisioneir|capturad",
        arabic=r"أسرى|أسير|أسرهم",
        asian=r"捕虜|拘束|포로|생포|俘虏|俘虜|被俘|เชลย")),
    ("displaced", Cues(
        en=r"displaced|homeless|evacuat|fled|refugees|shelter",
        cyrillic=r"переселен|эвакуир|беженц|евакуйов|переселенц|біженц",
        de=r"vertrieben|obdachlos|evakuiert|Flüchtling",
        fr=r"déplacés|sans-abri|évacués|réfugiés",
        es=r"desplazad|evacu|refugiad|sin hogar|damnificad",
        it=r"sfollat|evacu|rifugiat|senzatetto",
        pt=r"desalojad|deslocad|evacu|refugiad|desabrigad",
        arabic=r"نازح|النازحين|مشرد|إجلاء|لاجئ",
        asian=r"避難|家を失|이재민|대피|피란|流离失所|流離失所|无家可归|無家可歸|疏散|撤离|撤離|安置|ผู้พลัดถิ่น|อพยพ|ไร้ที่อยู่")),
    ("rescued", Cues(
        # "alive" only when someone was got out alive ("pulled 12 people alive from the rubble"), not when
        # people are still hoped to be found alive (those are still missing).
        en=r"rescued|(?:pulled|dug|brought|found|got|carried)\b[^.;]{0,50}?\balive\b|survivors|saved",
        cyrillic=r"спасен|спасли|врятован|урятован|врятува|выживш|вижил|вціліл",
        de=r"gerettet|geborgen|bargen|rettete|Überlebende",
        fr=r"secourue?s?\b|sauv[ée]e?s?\b|rescapée?s?|survivants",
        es=r"rescatad|salvad|supervivientes|sobrevivientes",
        it=r"salvat|soccors|sopravvissut|tratt[ei] in salvo|estratt[ie] viv",
        pt=r"resgatad|salv[oa]s\b|sobreviventes",
        arabic=r"إنقاذ|انتشال|ناجين|الناجين",
        asian=r"救出|救助|구조|获救|獲救|救起|ช่วยเหลือ|รอดชีวิต")),
    ("sent", Cues(
        en=r"sent\b|send|deploy|dispatch|arriv|stationed|transferr|moved\b",
        cyrillic=r"отправ|направ|переброс|разверн|прибыл|прибыва|відправ|направи|перекину|розгорн|прибул",
        de=r"entsandt|entsend|geschickt|schickt|stationiert|verlegt",
        fr=r"envoy|déploy|dépêch|arriv",  # "arrivés", "arrivée", "arrivent"
        es=r"envi[aóa]|enviad|despleg|despliega|llegad|llegaron|estacionad|trasladad",
        it=r"inviat|invia|dispiegat|schierat|arrivat|stanziat|trasferit",
        pt=r"enviad|envi[ao]u|destacad|mobilizad|chegad|chegaram|estacionad|deslocad",
        arabic=r"أرسل|إرسال|نشر|أوفد|وصل|تمركز|نقل",
        asian=r"派遣|派兵|送り|送っ|送ら|展開|移動|到着|配備|파병|파견|보냈|보내|배치|이동|도착|派出|部署|派往|ส่ง|ประจำการ")),
    # A crowd's size ("1.12 million protesters", "took to the streets"): counted apart from other people.
    # Not "strike" (a missile strike) and not a bare "march" (the month).
    ("protesting", Cues(
        en=r"protest|demonstrat|marche[sd]\b|marchers|marching|rall(?:y|ies|ied)\b|took to the streets|"
        r"taken to the streets|take to the streets|strikers|walked out",
        cyrillic=r"протест|демонстр|митинг|мітинг|шестви|вышли на улиц|вийшли на вулиц",
        de=r"Demonstr|demonstr|Protest|protest|Kundgebung|auf die Straße|Streikende",
        fr=r"manifest|protest|défil|grévistes|dans la rue|dans les rues",
        es=r"manifest|protest|marcha\b|marcharon|huelguistas|salieron a la calle",
        it=r"manifest|protest|corteo|cortei|in piazza|scioperanti",
        pt=r"manifest|protest|passeata|grevistas|saíram às ruas",
        arabic=r"متظاهر|تظاهر|مظاهرة|مظاهرات|احتجاج|محتج",
        asian=r"デモ|抗議|集会|집회|시위|示威|抗议|抗議|游行|遊行|集会|ประท้วง|ชุมนุม")),
]


def _korean_armies() -> str:
    """Any country's army in Korean, a country name + 군 ('러시아군', '우크라이나군'): the names are
    CLDR's (babel), so no story's countries are listed by hand."""
    from babel import Locale

    territories = Locale("ko").territories
    names = sorted({name for code, name in territories.items() if len(code) == 2 and code.isalpha()}, key=len, reverse=True)
    return "(?:" + "|".join(map(re.escape, names)) + ")군"


# A word spelt the same in two languages ("forces", "missiles", "patients") is listed in each.
_SUBJECT_CUES: list[tuple[str, str, Cues]] = [
    # (subject, unit name for comparison, cue words)
    ("troops", "troops", Cues(
        en=r"troops?|soldiers?|servicem[ae]n|military personnel|personnel|fighters|forces|sappers|marines|commandos",
        cyrillic=r"солдат|военн|военнослуж|бойц|військов|вояк|бійц",
        de=r"Soldat|Truppen|Kämpfer|Militärs|Streitkräfte",
        fr=r"soldats|militaires|troupes|combattants|forces|personnel|commandos",
        es=r"tropas|soldados|militares|efectivos|combatientes|fuerzas",
        it=r"truppe|soldati|militari|combattenti|forze",
        pt=r"tropas|soldados|militares|efetivos|combatentes|forças",
        arabic=r"جندي|جنود|عسكري|عسكريين|قوات|مقاتل",
        asian=r"兵士|兵力|部隊|工兵|軍人|将兵|兵員|병력|군인|병사|장병|공병|특수부대|" + _korean_armies() + r"|士兵|军人|部队|兵员|军队|軍隊|ทหาร")),
    ("workers", "workers", Cues(
        en=r"workers?|labou?rers?",
        cyrillic=r"рабоч|работник|трудов|робітник|працівник",
        de=r"Arbeiter|Arbeitskräft",
        fr=r"travailleurs|ouvriers",
        es=r"trabajadores|obreros",
        it=r"lavoratori|operai",
        pt=r"trabalhadores|operários",
        arabic=r"عامل|عمال",
        asian=r"労働者|作業員|労働力|노동자|근로자|工人|劳工|勞工|劳务|勞務|工作人员|工作人員|คนงาน|แรงงาน")),
    ("munitions", "shells", Cues(
        en=r"shells?|rounds|ammunition|munitions",
        cyrillic=r"снаряд|боеприпас|боєприпас",
        de=r"Granaten|Geschosse|Munition",
        fr=r"obus|munitions",
        es=r"proyectiles|obuses|municiones",
        it=r"proiettili|granate|munizioni",
        pt=r"projéteis|projeteis|granadas|munições",
        arabic=r"قذيفة|قذائف|ذخيرة|ذخائر",
        asian=r"砲弾|弾薬|포탄|탄약|炮弹|弹药|กระสุน")),
    ("munitions", "missiles", Cues(
        en=r"missiles?|rockets?",
        cyrillic=r"ракет",
        de=r"Raketen|Marschflugkörper",
        fr=r"missiles?|roquettes",
        es=r"misiles?|cohetes",
        it=r"missili|razzi",
        pt=r"mísseis|míssil|foguetes",
        arabic=r"صاروخ|صواريخ",
        asian=r"ミサイル|ロケット|미사일|로켓|导弹|導彈|火箭|ขีปนาวุธ")),
    ("munitions", "drones", Cues(
        en=r"drones?|UAVs?",
        cyrillic=r"дрон|беспилот|безпілот",
        de=r"Drohnen",
        fr=r"drones?",
        es=r"drones?",
        it=r"droni|drone",
        pt=r"drones?",
        arabic=r"مسيرة|مسيّرة|مسيرات|مسيّرات|طائرات بدون طيار|طائرة بدون طيار",
        asian=r"ドローン|無人機|드론|무인기|无人机|โดรน")),
    ("equipment", "vehicles", Cues(
        en=r"vehicles?|tanks?(?!er)|aircraft|jets|howitzers?|launchers?|guns|systems",
        cyrillic=r"техник|танк(?!ер)|гаубиц|техні",
        de=r"Fahrzeuge|Panzer|Haubitzen|Jets",
        fr=r"véhicules|chars|obusiers",
        es=r"vehículos|tanques|carros de combate",
        it=r"veicoli|carri armati|mezzi",
        pt=r"veículos|tanques|blindados",
        arabic=r"مركبة|مركبات|دبابة|دبابات|آليات",
        asian=r"車両|戦車|装甲車|자주포|차량|전차|장비|车辆|車輛|坦克|装备|裝備|รถถัง|ยานพาหนะ")),
    ("people", "people", Cues(
        en=r"people|civilians|residents|persons|visitors|children|inhabitants|individuals|patients|passengers|"
        r"survivors|victims|employees|staff|rescuers|migrants|refugees|tourists|students|women|men\b|"
        r"nationals|citizens|foreigners|expatriates|members|volunteers|others\b|lives\b|"
        r"protesters|demonstrators|marchers|strikers|participants",
        cyrillic=r"жизн|житт|людей|человек|жител|гражданск|мирн|осіб|мешканц|цивільн|демонстрант|протестующ|митингующ|"
        r"протестувальник|мітингувальник|учасник",
        de=r"Menschen|Personen|Einwohner|Zivilisten|Demonstranten|Teilnehmer|Streikende",
        fr=r"personnes|habitants|civils|gens|vies\b|patients|migrants|manifestants|grévistes|participants",
        es=r"personas|habitantes|civiles|vecinos|residentes|pacientes|migrantes|vidas\b|turistas|niños|manifestantes|huelguistas|participantes",
        it=r"persone|abitanti|civili|residenti|pazienti|migranti|vite\b|turisti|bambini|manifestanti|scioperanti|partecipanti",
        pt=r"pessoas|habitantes|civis|moradores|residentes|pacientes|migrantes|vidas\b|turistas|crianças|manifestantes|grevistas|participantes",
        arabic=r"شخص|أشخاص|مدني|مدنيين|سكان|مواطن|نسمة|طفل|أطفال|متظاهر|متظاهرين|محتج",
        asian=r"人々|住民|市民|民間人|観光客|参加者|사람|주민|시민|민간인|관광객|시위대|참가자|民众|居民|平民|游客|示威者|抗议者|參加者|参与者|ประชาชน|ผู้คน|ชาวบ้าน|ผู้ประท้วง|ผู้ชุมนุม")),
]
_PRICE_CUES = Cues(
    en=r"prices?|priced|costs?|sells? for|sold (?:at|for)|retail",
    cyrillic=r"цен[аыу]|стоимост|цін[аиу]|вартіст",
    de=r"\w*[Pp]reis(?:e|es|en)?\b|kostet|kosten\b",  # compounds too: "Benzinpreis", "Reispreise"
    fr=r"prix|coûte|tarif",
    es=r"precios?\b|cuesta|cuestan|se vende",
    it=r"prezz[oi]\b|costa\b|costano",
    pt=r"preços?\b|custa\b|custam",
    arabic=r"سعر|أسعار|ثمن|يكلف|تكلفة",
    asian=r"価格|値段|値上が|値下が|店頭|売られ|販売|가격|값|판매|价格|價格|售价|售價|价钱|價錢|ราคา",
)
# Per-unit wording makes an amount of money a price: "¥3,892 per 5 kg", "60キロ当たり", "5킬로당".
# Only per a quantity of goods: "$2,000 per soldier a month" is pay, not a price.
_GOODS = r"(?:\d+[\s-]?)?(?:kg|kilo|kilograms?|kilogrammes?|tons?|tonnes?|bags?|litres?|liters?|barrels?|units?|pounds?|lb|gallons?|dozen)"
_PER_UNIT = (
    rf"\bper\s+{_GOODS}\b|\ba\s+(?:bag|kilo|kilogram|ton|tonne|litre|liter|barrel|gallon|dozen)\b|"
    # "1,85 Euro je Liter", "1,95 euro le litre", "1,90 euros el litro", "1,95 euro al litro", "por quilo"
    r"\bje\s+(?:Kilo|Kilogramm|Tonne|Barrel|Liter|Sack|Stück)\b|\b(?:le|la)\s+(?:kilo|litre|tonne)\b|"
    r"\b(?:por|el)\s+(?:kilo|litro|tonelada|barril)\b|\b(?:al|alla|per)\s+(?:litro|chilo|tonnellata|barile)\b|"
    r"\b(?:por|o)\s+(?:quilo|litro|tonelada|barril)\b|"
    r"(?:キロ|kg|キログラム|トン|袋|個|リットル|バレル)(?:当たり|あたり)|(?:킬로|kg|㎏|톤|포대|개|리터|배럴)\s?당|每(?:公斤|千克|吨|斤|袋|桶)|"
    r"за\s+(?:кг|килограмм|тонну|баррель|литр|мешок)|\bpro\s+(?:Kilo|Kilogramm|Tonne|Barrel|Liter|Sack)\b|"
    r"\bpar\s+(?:kilo|tonne|baril|litre|sac)\b|ต่อ(?:กิโลกรัม|กิโล|ตัน|ถุง)"
)

# Amounts of money that are not prices: pay, aid, budgets, costs of a project, damage.
_MONEY_ROLE_CUES = Cues(
    en=r"aid|budget|pay|paid|salar|wage|fund|grant|loan|damage|spent|spend|invest",
    de=r"Hilfe|Budget|Sold",
    fr=r"aide|budget|salaire",
    es=r"ayuda|presupuesto|salario|sueldo|fondos|daños|inversi",
    it=r"aiut|stipend|salari|fondi|danni|investiment",
    pt=r"ajuda|orçamento|salário|fundos|danos|investiment",
    arabic=r"مساعد|ميزانية|رواتب|راتب|أضرار|استثمار",
    cyrillic=r"помощ|бюджет|зарплат|допомог",
    asian=r"支援|援助|予算|給与|支払|賃金|被害額|지원|원조|예산|급여|임금|援助|预算|工资|捐|ช่วยเหลือ|งบประมาณ",
)
_MONEY_UNITS = {"USD", "JPY", "EUR", "GBP", "INR", "KRW", "RUB", "UAH", "CNY", "THB"}


@dataclass(frozen=True)
class _CueSet:
    """The compiled cues that apply to a sentence of one language (see `Cues.pattern`)."""

    roles: tuple[tuple[str, re.Pattern], ...]
    subjects: tuple[tuple[str, str, re.Pattern], ...]
    price: re.Pattern
    money_role: re.Pattern
    event_noun: re.Pattern
    planned: re.Pattern


@functools.lru_cache(maxsize=8)
def _cues_for(language: str | None) -> _CueSet:
    return _CueSet(
        roles=tuple((role, cues.pattern(language)) for role, cues in _ROLE_CUES),
        subjects=tuple((subject, unit, cues.pattern(language)) for subject, unit, cues in _SUBJECT_CUES),
        price=_PRICE_CUES.pattern(language),
        money_role=_MONEY_ROLE_CUES.pattern(language),
        event_noun=_EVENT_NOUN_CUES.pattern(language),
        planned=_PLANNED_CUES.pattern(language, stems=False),
    )


# When a caller does not say the sentence's language (a claim's quote is read again on the Compare page),
# it is told from frequent function words of each language, words no other of them spells alike
# ("in", "on", "was", "will", "die", "des", "son", "la", "del", "das", "mais" are left out). Hand-written on purpose: the language model
# (py3langid, ~90 MB resident) is released after ingestion, and reading a figure must not load it again.
_FUNCTION_WORDS = {
    "en": frozenset({
        "the", "and", "of", "to", "is", "are", "were", "has", "have", "had", "said", "says", "that", "with", "from",
        "by", "for", "it", "its", "been", "would", "this", "which", "who", "at", "as", "their", "they", "he",
        "she", "not"
    }),
    "de": frozenset({
        "der", "das", "und", "ist", "sind", "hat", "haben", "mit", "von", "den", "dem", "ein", "eine",
        "einen", "auf", "für", "sich", "wurde", "wurden", "nach", "bei", "zu", "im", "auch", "sagte", "dass",
        "nicht", "sie"
    }),
    "fr": frozenset({
        "les", "et", "est", "sont", "du", "une", "pour", "dans", "sur", "par", "au",
        "aux", "avec", "été", "selon", "ont", "ce", "cette", "ses", "elle", "pas"
    }),
    "es": frozenset({
        "el", "los", "las", "según", "fue", "fueron", "sus", "muy", "pero", "hasta", "también", "tras", "ayer", "han"
    }),
    "it": frozenset({
        "il", "gli", "della", "delle", "dei", "degli", "nel", "nella", "sono", "è", "stato", "stati", "hanno", "anche",
        "dopo", "che", "alla", "allo", "ieri"
    }),
    "pt": frozenset({
        "os", "não", "foi", "foram", "também", "pelo", "pela", "uma", "em", "ao", "seu", "sua", "após", "ontem"
    }),
}
_WORD = re.compile(r"[^\W\d_]+")
# Words after a figure that are no noun of it ("3.000 este martes", "3 000 ce mardi", "300 this week"):
# the function words above and the demonstratives of the cue languages.
_NOT_A_NOUN = frozenset().union(*_FUNCTION_WORDS.values()) | {
    "this", "these", "dieser", "diese", "dieses", "ce", "cet", "ces", "este", "esta", "estos", "estas", "esse", "essa",
    "questo", "questa", "questi", "queste", "el", "la", "le", "lo", "los", "las", "les", "os", "as", "de", "di", "da", "do",
    "del", "en", "em", "in", "a", "à", "y", "e", "o", "und", "et",
}


def is_function_word(word: str | None) -> bool:
    """True for a word that cannot be what a figure counts (an article, a demonstrative, "and" ...)."""
    return bool(word) and word.lower() in _NOT_A_NOUN


@functools.lru_cache(maxsize=65536)
def _language_by_function_words(sentence: str) -> str | None:
    """The one language of CUE_LANGUAGES whose function words `sentence` uses at least twice and more than
    twice as often as any other's; None when the words do not tell (a short or mixed sentence: "Le Monde
    reported 300 deaths" keeps every language's cues)."""
    words = [word.lower() for word in _WORD.findall(sentence)]
    hits = sorted(((sum(word in vocabulary for word in words), code) for code, vocabulary in _FUNCTION_WORDS.items()), reverse=True)
    (best, code), (second, _other) = hits[0], hits[1]
    return code if best >= 2 and best > 2 * second else None


def cue_language(sentence: str, language: str | None = None) -> str | None:
    """The language of CUE_LANGUAGES whose cue words apply to `sentence`: `language` when given, else
    the one its function words show; None when neither is one of them (then every group applies, as
    for a language without cue words of its own)."""
    if language is None:
        language = _language_by_function_words(sentence)
    return language if language in CUE_LANGUAGES else None


def _cues(sentence: str, language: str | None) -> _CueSet:
    return _cues_for(cue_language(sentence, language))


_PER_UNIT_RE = re.compile(_PER_UNIT, re.IGNORECASE)
# Clause breaks in every script: punctuation, and a conjunction that starts another figure
# ("4,521 injured and 441 are still missing" is two clauses); a comma between digits ("1,000") is no break.
# Thai writes no commas: a space between two Thai words ends a phrase ("เสียชีวิต 86 ราย ส่วนผู้ที่ยังไม่พบ 14 ราย"),
# while the spaces that set a number apart ("เป็น 86 ราย") do not. A Korean verb joined by -고/-며 ends its clause
# when another figure follows ("1천여 명이 숨졌고 2천여 명이 다쳤다").
_CLAUSE_BREAK = re.compile(
    r"[;；。!?！？]|(?<!\d)[,，、]|[,，、](?!\d)|\s(?:and|or|und|oder|et|ou|y|e|o|и|і|та|а)\s(?=(?:\w+\s){0,2}\d)"
    r"|(?<=[\u0e01-\u0e4e])\s+(?=[\u0e01-\u0e4e])|(?<=[가-힣][고며])\s(?=(?:[가-힣]+\s){0,2}\d)"
)


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for match in _CLAUSE_BREAK.finditer(sentence):  # the whole sentence: a break's lookahead reads past `start`
        if match.end() > start:
            break
        left = match.end()
    right = _CLAUSE_BREAK.search(sentence, end)
    return left, right.start() if right else len(sentence)


# Korean, Chinese and Thai name what a figure counts before it ("사망 300명", "死亡3085人",
# "บาดเจ็บ 2,376 ราย"): a cue after the figure counts as this many times farther away.
_CUE_BEFORE_SCRIPTS = re.compile(r"[\uac00-\ud7af\u0e00-\u0e7f]|[\u3400-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
FOLLOWING_CUE_PENALTY = 10


def _nearest(regexes, text: str, start: int, end: int, exclude: list[tuple[int, int]] = ()) -> tuple[str | None, int]:
    """The label of the cue nearest to [start, end) in `text` and its distance (None, big when none)."""
    best, best_distance = None, 10**9
    penalty = FOLLOWING_CUE_PENALTY if _CUE_BEFORE_SCRIPTS.search(text) and not _KANA.search(text) else 1
    for label, regex in regexes:
        for match in regex.finditer(text):
            if any(s <= match.start() < e for s, e in exclude) or (match.start() < end and start < match.end()):
                continue
            distance = start - match.end() if match.end() <= start else (match.start() - end + (2 if penalty > 1 else 0)) * penalty
            if distance < best_distance:
                best, best_distance = label, distance
    return best, best_distance


def _near_subject(sentence: str, end: int, noun: str | None, cues: _CueSet) -> tuple[str, str] | None:
    """The subject named by the counted noun or within three words after the figure, or None."""
    if noun:
        for subject, unit, regex in cues.subjects:
            if regex.match(noun):
                return subject, unit
    after = sentence[end:end + 40]
    for subject, unit, regex in cues.subjects:
        match = regex.search(after)
        if match and len(after[: match.start()].split()) <= 3 and not re.search(r"[,;，、。]", after[: match.start()]):
            return subject, unit
    return None


def near_subject_unit(sentence: str, end: int, language: str | None = None) -> str | None:
    """The comparison unit of a subject word within three words after a figure ending at `end`
    (`language`: the sentence's, see `cue_language`)."""
    found = _near_subject(sentence, end, None, _cues(sentence, language))
    return found[1] if found else None


def figure_subject(
    sentence: str, start: int, end: int, noun: str | None = None, context: str = "", language: str | None = None
) -> tuple[str | None, str | None]:
    """(subject, comparison unit) of the figure at [start, end): from its noun, then its clause,
    then the whole sentence, then `context` (the previous sentence). Only the cue words of the
    sentence's language apply (`language`, else detected; see `cue_language`)."""
    cues = _cues(sentence, language)
    # The counted noun, or one written right after the figure (within a few words), decides first.
    found = _near_subject(sentence, end, noun, cues)
    if found:
        return found
    clause_start, clause_end = _clause(sentence, start, end)
    regexes = [((subject, unit), regex) for subject, unit, regex in cues.subjects]
    found, _distance = _nearest(regexes, sentence[clause_start:clause_end], start - clause_start, end - clause_start)
    if found is None:
        found, _distance = _nearest(regexes, sentence, start, end)
    if found is None and context and _may_take_context(noun, cues):
        # The people named last before the sentence, whoever they are: "more than 2,400 people have died.
        # ... the number of dead could exceed 10,000" counts people even if soldiers were named earlier.
        # (Weapons named before do not say what a bare toll counts.)
        people = [(key, regex) for key, regex in regexes if key[0] in ("troops", "workers", "people")]
        found, _distance = _nearest(people, context, len(context), len(context))
    return found if found else (None, None)


# Counters that count people ("300여 명", "1644人", "86 ราย"): the figure names no thing of its own.
_PEOPLE_COUNTER = re.compile(r"(?:万人|人次|人|名|명|คน|ราย|นาย)$")


def _may_take_context(noun: str | None, cues: _CueSet) -> bool:
    """A figure may take its subject from the sentences before only when its own words do not say
    what it counts: no noun, a counter for people, or a role word ("300 dead"). "61 attacks" or
    "10 homes" count those things, whoever the previous sentence named."""
    return noun is None or bool(_PEOPLE_COUNTER.search(noun)) or _is_role_word(noun, cues)


def figure_role(sentence: str, start: int, end: int, language: str | None = None) -> str | None:
    """The role of the figure at [start, end): the cue nearest to it within its clause (a killed
    cue right next to a wounded one, "Getötete und Verletzte", is "killed or wounded"); with none
    in the clause, the sentence's only kind of role cue ("killed" and "wounded" together count as
    "killed or wounded"); None when the sentence mixes roles. Only the cue words of the sentence's
    language apply (see `cue_language`)."""
    cues = _cues(sentence, language)
    clause_start, clause_end = _clause(sentence, start, end)
    # A cue before an earlier figure of the clause is that figure's ("부상 2,700여 명 등 3천 명").
    earlier = [m.end() for m in re.finditer(r"\d[\d,.]*", sentence[clause_start:start]) if m.end() < start - clause_start]
    clause_start += max(earlier, default=0)
    clause = sentence[clause_start:clause_end]
    role, _distance = _nearest(cues.roles, clause, start - clause_start, end - clause_start)
    if role in ("killed", "wounded") and _paired_casualty_cues(clause, cues):
        return "killed or wounded"
    if role is not None:
        return role
    # No cue in the clause: a total after a killed and a wounded figure ("사망 300, 부상 2,700 등 3천 명")
    # counts both; otherwise the sentence's only kind of role cue.
    preceding = sorted(
        ((start - match.end(), label) for label, regex in cues.roles[1:3] for match in regex.finditer(sentence, 0, start)),
    )
    if {label for _distance, label in preceding[:2]} == {"killed", "wounded"}:
        return "killed or wounded"
    roles_in_sentence = {label for label, regex in cues.roles if regex.search(sentence)}
    if roles_in_sentence == {"killed", "wounded"}:
        return "killed or wounded"
    if len(roles_in_sentence) == 1:
        return roles_in_sentence.pop()
    return None


def _paired_casualty_cues(text: str, cues: _CueSet) -> bool:
    """A killed cue and a wounded cue joined by a few letters and no figure ("killed and wounded",
    "Getötete und Verletzte", "убитыми и ранеными"): one figure counting both."""
    killed = [m.span() for m in cues.roles[1][1].finditer(text)]
    wounded = [m.span() for m in cues.roles[2][1].finditer(text)]
    for k_start, k_end in killed:
        for w_start, w_end in wounded:
            between = text[k_end:w_start] if k_end <= w_start else text[w_end:k_start]
            if len(between) <= 8 and not re.search(r"\d", between) and re.search(r"\S", between):
                return True
    return False


# Casualty roles whose verb can only be said of living beings ("died", "were injured", "missing", "rescued").
_LIVING_ROLES = ("killed", "wounded", "missing", "captured", "rescued")


def _casualty_verb_attached(sentence: str, start: int, end: int, noun: str, cues: _CueSet) -> bool:
    """A casualty verb attached to the figure and its noun ("100 monks died", "12 miners were
    injured", "killing 40 worshippers"): whatever the noun, it counts people in that role.
    After the noun, within three words of its clause; before the figure, the word right before it."""
    noun_at = sentence.find(noun, end)
    after_start = noun_at + len(noun) if 0 <= noun_at - end <= 3 else end
    clause_end = _clause(sentence, start, end)[1]
    after = " ".join(sentence[after_start:clause_end].split()[:3])
    before = sentence[max(0, start - 20):start].split()[-1:] if sentence[max(0, start - 20):start].strip() else []
    for label, regex in cues.roles:
        if label in _LIVING_ROLES and (regex.search(after) or any(regex.match(word) for word in before)):
            return True
    return False


def _is_role_word(noun: str, cues: _CueSet) -> bool:
    """"casualties", "dead", "Tote": the counted noun itself says the role (and people are counted)."""
    return any(regex.fullmatch(noun) or regex.match(noun) for _label, regex in cues.roles)


# Right after a figure: a hyphen joining it to a word (an adjective: "80-летия", "10-year") or "per"
# wording (the base of a rate: "1人当たり", "1명당", "per soldier"): the figure counts nobody.
_NOT_A_COUNT_AFTER = re.compile(r"-[^\W\d_]|\s?[人名명]?\s?(?:当たり|あたり|당\b)|\s?(?:人|名)?\s?每")


# Right after a figure: a counter word for things (portraits, sheets, items, copies, buildings, places, cases),
# written attached to the number ('초상 101점', '肖像画101点', '肖像101幅'): the figure counts objects, not people,
# whoever the sentence names. Korean counters only when no noun continues them ('장병' soldiers, '건설').
_OBJECT_COUNTER_AFTER = re.compile(
    r"(?:[점권채곳]|장(?!병)|건(?!설)|개(?!인))(?![가-힣]{2})|[点枚個冊件棟軒幅张張栋处處]|[かカヶケ箇]所"
)

# Nouns of events, written after the figure ("61 attacks", "16 frappes", "43 удари", "36 Nachbeben"): a figure
# of them counts what happened, never the people the sentence or the one before it names.
# (Spelt the same in English and French: "explosions", "incidents", "raids", "sorties", "violations".)
_EVENT_NOUN_CUES = Cues(
    en=r"attacks?|strikes?|airstrikes?|raids?|assaults?|bombings?|shellings?|explosions?|blasts?|incidents?|clashes|"
    r"aftershocks?|tremors?|sorties|violations?|launch(?:es)?",
    cyrillic=r"атак|удар|обстрел|обстріл|налёт|налет|наліт|нальот|нападени|напад|взрыв|вибух|инцидент|інцидент|столкновени|"
    r"зіткнен|афтершок|толчк|поштовх|нарушени|порушен",
    de=r"Angriff|Anschl[aä]g|Luftangriff|Schläge|Beschuss|Explosion|Vorf[aä]ll|Zwischenf[aä]ll|Gefecht|Nachbeben|Erdstö[sß]|Verstö[sß]",
    fr=r"attaques?|frappes?|assauts?|bombardements?|affrontements?|répliques?|secousses?|explosions?|incidents?|raids?|sorties|violations?",
    es=r"ataques?|bombardeos?|explosi[oó]n|explosiones|incidentes?|enfrentamientos?|réplicas?|sismos?",
    it=r"attacch?[io]|bombardament[io]|esplosion[ei]|incident[ei]|scontri|repliche|scosse",
    pt=r"ataques?|bombardeios?|explosão|explosões|incidentes?|confrontos?|réplicas?|tremores?",
    arabic=r"هجوم|هجمات|غارة|غارات|انفجار|اشتباك|هزة|هزات|قصف",
)

# A magnitude ("magnitude 7.7", "マグニチュード（M）7.7", "규모 7.7", "震级7.9", "Stärke 7,7", "ขนาด 8.2", "M7.7"):
# one digit and a decimal after a magnitude word, a measure of a quake, never a count of people.
_MAGNITUDE_BEFORE = re.compile(
    r"(?i)(?:magnitude|richter|マグニチュード|규모|震级|震級|里氏|芮氏|規模|Stärke|магнитуд\w*|магнітуд\w*|ขนาด|แมกนิจูด)"
    r"(?:\s*(?:of|de|von))?\s*(?:[（(]\s*M[wLs]?\s*[)）])?\s*$|(?<![^\W\d_])(?-i:M[wLs]?)\s?$"
)
_MAGNITUDE_AFTER = re.compile(r"(?i)^\s?-?\s?(?:magnitude|級|级|규모|แมกนิจูด|on the Richter)")
_MAGNITUDE_TEXT = re.compile(r"\d(?:[.,]\d{1,2})?")


def is_magnitude(sentence: str, start: int, end: int) -> bool:
    """True when the figure at [start, end) is an earthquake's magnitude (see _MAGNITUDE_BEFORE)."""
    return bool(_MAGNITUDE_TEXT.fullmatch(sentence[start:end].strip())) and bool(
        _MAGNITUDE_BEFORE.search(sentence[max(0, start - 24):start]) or _MAGNITUDE_AFTER.match(sentence[end:end + 16])
    )


_CLOSING_QUOTES = frozenset("」』》»”\"'’")


def counted_kind(
    sentence: str, start: int, end: int, unit: str | None, noun: str | None = None, context: str = "",
    language: str | None = None,
) -> str:
    """What the figure at sentence[start:end] counts, as one of the taxonomy's kinds (see module doc).
    Only the cue words of the sentence's language apply (`language`, else detected; see `cue_language`)."""
    language = cue_language(sentence, language)
    cues = _cues_for(language)
    if unit in _MONEY_UNITS:
        clause_start, clause_end = _clause(sentence, start, end)
        clause = sentence[clause_start:clause_end]
        if cues.price.search(sentence) or _PER_UNIT_RE.search(clause) or re.search(r"\d\s?(?:kg|㎏|キロ|킬로|公斤)", clause):
            return "price"
        last = context.rsplit("\n", 1)[-1] if context else ""
        if last and not cues.money_role.search(sentence) and (cues.price.search(last) or _PER_UNIT_RE.search(last) or _tells_a_price_change(last)):
            return "price"  # "… 2120円と比べ" right after a sentence about the price: the same measure
        return "money"
    if unit == "%":
        return "percent"
    if unit in ("tonnes", "kg"):
        return "weight"
    if unit == "barrels":
        return "volume"
    if unit in ("km", "m", "miles"):
        return "distance"
    if unit in ("ha", "km²", "mi²", "acres"):
        return "area"
    if unit == "times":
        return "ratio"
    if _NOT_A_COUNT_AFTER.match(sentence[end:end + 12]):
        return "count"  # "80-летия", "a 10-year plan": an adjective; "兵士1人当たり", "per soldier": a rate's base
    if is_magnitude(sentence, start, end):
        return "count"  # "magnitude 7.7": a measure of the quake
    if noun and cues.event_noun.match(noun) and _near_subject(sentence, end, noun, cues) is None:
        return "count"  # "61 attacks": events ("100 ударних дронів" keeps its drones)
    subject, _unit = figure_subject(sentence, start, end, noun, context, language)
    if (noun and unit not in (None, "people") and subject in (None, "people")
            and _near_subject(sentence, end, noun, cues) is None and not _is_role_word(noun, cues)
            and not _casualty_verb_attached(sentence, start, end, noun, cues)):
        # "3,000 homes", "10,000 buildings": things, not the people the sentence also counts.
        # (Beside troops a noun of its own is usually a unit: "5,000 military builders".)
        return "count"
    if start > 0 and sentence[start - 1].isalpha() and sentence[end - 1].isdigit() and sentence[end:end + 1] in _CLOSING_QUOTES:
        return "count"  # 「火星２０」, «Ту-160»: the number ends a quoted name, it counts nothing
    if subject not in ("munitions", "equipment") and _OBJECT_COUNTER_AFTER.match(sentence[end:end + 3]):
        return "count"  # '전사자 초상 101점': 101 portraits of fallen soldiers, not 101 soldiers
    if unit == "items" and subject not in ("munitions", "equipment"):
        return "count"  # a counter for things or times ('攻撃61件', '余震36次', '공격 61회', 'โจมตี 61 ครั้ง'): never people
    role = figure_role(sentence, start, end, language)
    if subject in ("munitions", "equipment"):
        return subject
    if subject == "troops":
        return f"troops {role or 'sent'}"
    if subject == "workers":
        return f"workers {role}" if role in CASUALTY_ROLES else "workers"
    if subject == "people" or unit == "people":
        return f"people {role}" if role and role != "sent" else "people"
    if role and role != "sent":
        return f"people {role}"
    return "count"


def comparison_unit(
    sentence: str, start: int, end: int, noun: str | None, context: str = "", language: str | None = None
) -> str | None:
    """The unit a figure is compared in ("troops", "workers", "shells", "people"), across languages."""
    return figure_subject(sentence, start, end, noun, context, language)[1]


# --------------------------------------------------------------------------- what a price is per

# An amount of goods next to a price: "per 60 kilograms", "a 5-kg bag", "5キロ", "60キロ当たり", "5㎏", "每公斤".
_AMOUNT_OF_GOODS = re.compile(
    r"(?i)(?P<number>\d+(?:[.,]\d+)?)\s?-?\s?(?P<unit>kilograms?|kilogrammes?|kilos?|kgs?|㎏|キログラム|キロ|킬로그램|킬로|公斤|千克|"
    r"tonnes?|tons?|トン|톤|吨|pounds?|lbs?|litres?|liters?|リットル|리터|升)(?![a-zA-Z])"
)
_GOODS_UNITS = {"kilogram": "kg", "kilogramme": "kg", "kilo": "kg", "kg": "kg", "㎏": "kg", "キログラム": "kg", "キロ": "kg",
                "킬로그램": "kg", "킬로": "kg", "公斤": "kg", "千克": "kg", "tonne": "t", "ton": "t", "トン": "t", "톤": "t",
                "吨": "t", "pound": "lb", "lb": "lb", "litre": "l", "liter": "l", "リットル": "l", "리터": "l", "升": "l"}
# "per kilogram", "a tonne", "每公斤", "キロ当たり": one unit of goods, no number written.
_ONE_UNIT_OF_GOODS = re.compile(
    r"(?i)\b(?:per|a|an)\s+(?P<unit>kilogram|kilo|kg|tonne|ton|pound|lb|litre|liter)\b|每(?P<zh>公斤|千克|吨|升)"
)
# A money figure that is a change of a price, not a price: "down 256 yen", "454円下回り", "17円高く", "81엔 올랐다".
_CHANGE_BEFORE = re.compile(r"(?i)\b(?:up|down|rose|fell|risen|fallen|dropped|climbed|jumped|increased|decreased|higher|lower|cheaper|more|less)\s+(?:by\s+)?$|\bby\s+$")
_CHANGE_AFTER = re.compile(
    r"(?i)^\s*(?:yen|円|엔|元|dollars?|euros?)?\s*(?:up|down|higher|lower|cheaper|more|less|"
    r"下回|上回|高く|安く|高い|安い|値上が|値下が|上昇|下落|増|減|올랐|올라|내렸|내려|떨어|상승|하락|증가|감소|上涨|下跌|上升|下降|增加|减少)"
)


_AMOUNT_OF_MONEY = re.compile(r"(?i)\d[\d,.]*\s?(?:円|엔|元|ドル|달러|yen|dollars?|euros?)")


def _tells_a_price_change(text: str) -> bool:
    """A sentence giving a rise or fall of an amount of money ("前の週より17円高く", "81엔 올랐다",
    "17 yen higher"): it speaks of a price, as the next sentence's amount does."""
    return any(_CHANGE_AFTER.match(text[match.end():match.end() + 12]) for match in _AMOUNT_OF_MONEY.finditer(text))


def _goods_unit(word: str) -> str:
    word = word.lower().rstrip("s") if re.match(r"[a-zA-Z]", word) else word
    return _GOODS_UNITS.get(word, _GOODS_UNITS.get(word.rstrip("e"), word))


def _basis_in(text: str, position: int) -> tuple[str | None, int]:
    """The amount of goods in `text` nearest to `position` ("per 5 kg"), and its distance."""
    best, distance = None, 10**9
    for match in _AMOUNT_OF_GOODS.finditer(text):
        gap = position - match.end() if match.end() <= position else match.start() - position
        number = match.group("number").replace(",", ".")
        number = number[:-2] if number.endswith(".0") else number
        if gap >= 0 and gap < distance:
            best, distance = f"per {number} {_goods_unit(match.group('unit'))}", gap
    for match in _ONE_UNIT_OF_GOODS.finditer(text):
        gap = position - match.end() if match.end() <= position else match.start() - position
        if gap >= 0 and gap < distance:
            best, distance = f"per 1 {_goods_unit(match.group('unit') or match.group('zh'))}", gap
    return best, distance


def price_basis(sentence: str, start: int, end: int, context: str = "") -> str | None:
    """What a price is for, as part of its kind: "per 5 kg", "per 60 kg", "per 1 t" (None when unsaid).

    The amount of goods nearest to the figure in its clause, else in the sentence, else in the last
    sentence of `context` (a price compared with a figure just given: "... the May record of ¥4,285").
    A price per 60 kg is never compared with a price per 5 kg.
    """
    clause_start, clause_end = _clause(sentence, start, end)
    basis, _distance = _basis_in(sentence[clause_start:clause_end], start - clause_start)
    if basis is None:
        basis, _distance = _basis_in(sentence, start)
    if basis is None and context:
        last = context.rsplit("\n", 1)[-1]
        basis, _distance = _basis_in(last, len(last))
    return basis


def is_change(sentence: str, start: int, end: int) -> bool:
    """True when the figure is a rise or fall ("down 256 yen", "454円下回り", "81엔 올랐다"), not a level."""
    return bool(_CHANGE_BEFORE.search(sentence[max(0, start - 20):start]) or _CHANGE_AFTER.search(sentence[end:end + 12]))


# --------------------------------------------------------------------------- planned figures

# Words that make a figure a plan, target or forecast rather than a count of what happened, per script
# (the future words of lib.text.dates and lib.text.date_languages, plus "by <month>" targets).
# Each language's words carry their own bounds ("we'll" ends in "'ll"; German "plant" is a whole word).
_PLANNED_CUES = Cues(
    en=r"\b(?:will|won't|shall|'ll|would|is to|are to|"
    # "plans" as a verb ("plans to send"), not a noun someone acts on ("protest against plans to ...")
    r"(?<!against )(?<!over )(?<!about )(?<!the )(?<!of )(?<!its )(?<!their )(?<!despite )(?<!new )plans?|planned|planning|scheduled|expected|expects?|projected|"
    r"set to|going to|intends?|intended|aims?|pledged?|promised?|forecasts?|to be sent|(?:could|might|may)\s+(?:well\s+|even\s+|eventually\s+|soon\s+)?(?:exceed|rise|reach|top|climb|surpass|hit|double|triple|increase|grow|soar|pass|send|deploy|dispatch)|by (?:the end of )?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|year-end|the end))\b",
    cyrillic=r"(?<![^\W\d_])(?:будет|будут|планиру|намерен|собира|ожида|обеща|буде\b|будуть|планує|плануют|має намір|очіку|обіця)",
    de=r"(?<![^\W\d_])(?:(?:wird|werden|soll|sollen|plant)(?![^\W\d_])|geplant|erwartet|versproch|"
    r"könnten?\b[^;]{0,40}?(?:übersteigen|überschreiten|steigen|erreichen))",
    fr=r"(?<![^\W\d_])(?:(?:va|vont|sera|seront)(?![^\W\d_])|prévu|prévoit|devrait|devraient|"
    r"pourrai(?:t|ent)\s+(?:dépasser|atteindre|grimper|augmenter|monter)|promis)",
    es=r"(?<![^\W\d_])(?:(?:será|serán|va a|van a)(?![^\W\d_])|previst|prevé|planea|prometi|"
    r"podría(?:n)?\s+(?:superar|alcanzar|aumentar|llegar))",
    it=r"(?<![^\W\d_])(?:(?:sarà|saranno)(?![^\W\d_])|previst|prevede|promess|"
    r"potrebbe(?:ro)?\s+(?:superare|raggiungere|aumentare|salire))",
    pt=r"(?<![^\W\d_])(?:(?:será|serão|vai|vão)(?![^\W\d_])|previst|prevê|planeja|planeia|pretende|prometid|"
    r"poderia(?:m)?\s+(?:superar|atingir|aumentar|chegar))",
    arabic=r"سوف|سيتم|من المتوقع|يتوقع|يعتزم|تعتزم|قد (?:يتجاوز|يصل|يرتفع)",
    asian=r"予定|見通し|方針|計画|見込|する考え|目指|(?:月|ごろ|頃|末|年内)までに|になるとみ|恐れ|おそれ|"
    r"예정|계획|방침|할 것|하기로|전망|(?:월|연말|말)\s?까지|(?:넘어설|늘어날|달할|이를|오를) 수|"
    r"将|將|计划|計劃|预计|預計|拟|擬|承诺|可能(?:超过|超過|达到|達到|升至|增至|上升)|จะ|เตรียม|มีแผน|อาจ(?:สูงถึง|เพิ่มขึ้น|ถึง|เกิน)",
)


def is_planned(sentence: str, start: int, end: int, language: str | None = None) -> bool:
    """True when the figure at [start, end) is planned, pledged or expected, not a count of what
    happened ("intends to have around 10,000 troops by December", "would send 1,000 sappers",
    "12月ごろまでには合計で1万人ほどになるとみている"): a planning word of the sentence's language
    (`language`, else detected; see `cue_language`) in the figure's clause. German "plant" (plans)
    makes a German figure planned, never an English one beside a plant (a factory)."""
    language = cue_language(sentence, language)
    planned = _cues_for(language).planned
    clause_start, clause_end = _clause(sentence, start, end)
    # After the figure, only up to a second verb ("10,000 soldiers are training ... and will be sent").
    after = re.split(r"\s(?:and|but|while|und|aber|et|mais|и|но|і|та|але)\s", sentence[start:clause_end], maxsplit=1)[0]
    if planned.search(sentence[clause_start:start] + after):
        return True
    # "would send 1,000 sappers and 5,000 builders": a figure joined by "and" shares the verb before it.
    before = sentence[:clause_start]
    if re.search(r"\s(?:and|or|und|oder|et|ou|и|і|та|а)\s$", before):
        previous_start, _previous_end = _clause(sentence, clause_start - 2, clause_start - 1)
        return bool(planned.search(sentence[previous_start:clause_start]))
    # German sets what is planned apart in a zu-infinitive after a comma ("plant, 5.000 Soldaten zu
    # entsenden"): the figure there shares the verb of the clause before.
    if language in ("de", None) and clause_start > 0 and _ZU_INFINITIVE.search(sentence[start:clause_end]):
        previous_start, _previous_end = _clause(sentence, clause_start - 1, clause_start)
        return bool(planned.search(sentence[previous_start:clause_start]))
    return False


_ZU_INFINITIVE = re.compile(r"(?<![^\W\d_])zu\s+[^\W\d_]+en(?![^\W\d_])")
