"""Who a sentence credits, in ja ko zh ru uk de fr th es it pt ar: "X によると", "X는 … 밝혔다", "据X",
"по словам X", "laut X", "selon X", "ตามรายงานของ X", "según X", "secondo X", "segundo X", "بحسب X" and
"X said" in each language.

Hand-written patterns for the same reason as `lib.attribution` (no shipped parser does speech
attribution); one small table per language of the formulaic news cues, general vocabulary only.

Guarantees of `attribute_multilingual(sentence, language)`:
- `source` is words copied from the sentence, or None when it credits nobody;
- `reported_speech` is True when the sentence reports, in the past, what the source said,
  announced or estimated (a statement of the day when the sentence carries no date);
- `hedged` is True when the sentence uses the language's hedging wording ("とみられる",
  "것으로 알려졌다", "якобы", "angeblich", "aurait").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Credit:
    """What `attribute_multilingual` found; `lib.text.attribution.attribute` turns it into an Attribution
    (a separate record so that this module does not import the one that dispatches to it)."""

    source: str | None
    cue: str
    hedged: bool
    hedge_words: tuple[str, ...] = ()
    is_pronoun: bool = False
    reported_speech: bool = False

_SCRIPT_NEEDS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f\u0400-\u04ff\u0600-\u06ff]")
LANGUAGES = ("ja", "ko", "zh", "ru", "uk", "de", "fr", "th", "es", "it", "pt", "ar")

# "according to X" forms: (regex with a named group who), per language.
_ACCORDING = {
    "ja": [r"(?P<who>[^、。「」]{2,30}?)(?:によると|によれば|によりますと|の発表では|の調べでは)"],
    "ko": [r"(?P<who>[^,，.。]{2,30}?)(?:에 따르면|에 의하면|의 발표에 따르면)"],
    "zh": [r"(?:据|根据|據)(?P<who>[^，,。]{2,30}?)(?:报道|報道|消息|称|稱|表示|通报|通報|数据|數據|发布|發布|的)"],
    "ru": [r"(?i:по\s+(?P<who>его|её|ее|их)\s+(?:словам|данным|оценкам))",
           r"(?i:по словам|по данным|по оценкам|по сообщению|по информации|по мнению|согласно|как сообщ\w+|как заяв\w+)\s+(?P<who>[^,.;]{2,100})"],
    "uk": [r"(?i:за\s+(?P<who>його|її|їхніми|їх)\s+(?:словами|даними|оцінками))",
           r"(?i:за словами|за даними|за оцінками|за повідомленням|за інформацією|на думку|згідно з|як повідом\w+|як заяв\w+)\s+(?P<who>[^,.;]{2,100})"],
    "de": [r"(?:(?i:laut)|(?i:nach) Angaben (?:von |des |der )?|Angaben (?:von |des |der )|(?i:nach) (?:Ansicht|Einschätzung|Meinung) (?:von |des |der )?)(?P<who>[^,.;]{2,100})", r"(?P<who>[A-ZÄÖÜ][^,.;]{1,50}?)\s+zufolge"],
    "fr": [r"(?i:selon|d'après|d’après|de source)\s+(?P<who>[^,.;]{2,100})"],
    "th": [r"(?:ตามรายงานของ|ตามข้อมูลของ|อ้างอิง)(?P<who>[^\s,]{2,40})"],
    # "según informó este domingo el centro …": the verb and the day after "según" are not the source.
    "es": [r"(?i:según|de acuerdo con|conforme a)\s+(?:(?i:informó|informaron|indicó|indicaron|dijo|señaló|explicó|precisó|"
           r"confirmó|detalló|ha informado|han informado)\s+)?(?:(?i:este|esta|el|la)\s+(?i:lunes|martes|miércoles|"
           r"jueves|viernes|sábado|domingo|mañana|tarde|noche)\s+|(?i:ayer|hoy)\s+)?(?P<who>[^,.;]{2,100})"],
    "it": [r"(?i:secondo|stando a|a detta di)\s+(?P<who>[^,.;]{2,100})"],
    "pt": [r"(?i:segundo|de acordo com|conforme)\s+(?:(?i:informou|informaram|disse|afirmou|indicou|divulgou)\s+)?"
           r"(?:(?i:nesta|neste)\s+(?i:segunda|terça|quarta|quinta|sexta|sábado|domingo)(?:-feira)?\s+|(?i:hoje|ontem)\s+)?(?P<who>[^,.;]{2,100})"],
    "ar": [r"(?:بحسب|حسب|وفقا ل|وفقاً ل|وفق|نقلا عن|نقلاً عن)\s*(?P<who>[^،,.;]{2,100})"],
}
# Speech verbs in the past (or the news present of Japanese/Korean reporting) that close or follow the speaker.
_SAID = {
    "ja": r"(?:と|との|とし|として)[^。]{0,12}?(?:述べ|語っ|語り|話し|発表|明らかに|説明|強調|指摘|主張|表明|報じ|伝え|発言|分析|推計|推定|見積|みて|見て|示し|認め|批判|非難|判断|明かし)"
          r"|(?:と|とも)し(?:た|ました|ている|ています)。?$"
          r"|(?:発表|公表|明らかに|表明|説明|強調|指摘|決定|発言)し(?:た|ました)。?$",
    "ko": r"(?:밝혔|말했|전했|발표했|설명했|강조했|지적했|주장했|보도했|추산했|추정했|분석했|비판했|알렸|언급했|평가했|약속했|확인했|꼽았|공개했|경고했|촉구했|(?:다고|라고)\s?했)|(?:보고 있|판단입니|판단이다)",
    "zh": r"(?:表示|称|稱|说|說|指出|宣布|透露|强调|強調|证实|證實|报道|報道|估计|估計)",
    "ru": r"(?<![\w])(?:заявил[аио]?|сказал[аио]?|сообщил[аио]?|отметил[аио]?|подчеркнул[аио]?|рассказал[аио]?|признал[аио]?|объявил[аио]?|оценил[аио]?|уточнил[аио]?|добавил[аио]?|написал[аио]?|передал[аио]?|напомнил[аио]?|ответил[аио]?|пообещал[аио]?|заверил[аио]?|заявили|сообщили|отметили|подтвердил[аио]?)(?![\w])",
    "uk": r"(?<![\w])(?:заявив|заявила|заявили|сказав|сказала|повідомив|повідомила|повідомили|зазначив|зазначила|зазначили|наголосив|розповів|визнав|оголосив|оцінив|додав|написав|заявило|повідомило|нагадав|відповів|пообіцяв|підтвердив)(?![\w])",
    "de": r"\b(?:sagte|sagten|erklärte|erklärten|teilte|teilten|berichtete|berichteten|betonte|kündigte|bestätigte|schrieb|warnte|meldete|bezifferte|schätzte|räumte)\b",
    "fr": r"\b(?:a|ont)\s+(?:déclaré|dit|annoncé|indiqué|affirmé|précisé|souligné|confirmé|estimé|ajouté|écrit|averti|reconnu|rapporté)\b|\b(?:déclare|annonce|indique|affirme|précise|selon)\b",
    "th": r"(?:กล่าวว่า|กล่าว|เปิดเผยว่า|เปิดเผย|ระบุว่า|ระบุ|แถลงว่า|แถลง|รายงานว่า|ยืนยันว่า)",
    "es": r"(?<![\w])(?:dijo|dijeron|declaró|declararon|afirmó|afirmaron|anunció|anunciaron|informó|informaron|señaló|señalaron|"
          r"indicó|indicaron|aseguró|aseguraron|explicó|añadió|agregó|confirmó|confirmaron|advirtió|reconoció|subrayó|destacó|"
          r"manifestó|precisó|sostuvo|ha (?:dicho|declarado|afirmado|anunciado|informado|señalado|confirmado))(?![\w])",
    "it": r"(?<![\w])(?:(?:ha|hanno) (?:detto|dichiarato|affermato|annunciato|spiegato|aggiunto|confermato|sottolineato|riferito|"
          r"precisato|comunicato|reso noto|avvertito|ammesso|scritto)|disse|dichiarò|affermò|annunciò|spiegò|aggiunse|confermò|"
          r"sottolineò|riferì)(?![\w])",
    "pt": r"(?<![\w])(?:disse|disseram|declarou|declararam|afirmou|afirmaram|anunciou|anunciaram|informou|informaram|explicou|"
          r"acrescentou|confirmou|confirmaram|destacou|ressaltou|alertou|reconheceu|indicou|relatou|escreveu)(?![\w])",
    "ar": r"(?<![\w])(?:قال|قالت|أعلن|أعلنت|صرح|صرّح|صرحت|أكد|أكدت|أفاد|أفادت|ذكر|ذكرت|أوضح|أوضحت|أشار|أشارت|أضاف|أضافت|"
          r"كشف|كشفت)(?![\w])",
}
# The speaker before the speech verb: the sentence's topic/subject marker or its opening words.
_SUBJECT_BEFORE = {
    "ja": r"(?:^|[、。」）])(?P<who>[^、。「」（）]{2,20}?)(?:は|が)(?=[、\s]|[^、。]{0,40}$)|(?P<who2>[^、。「」（）]{2,20}?)は",
    "ko": r"(?P<who>[^\s,，.。]{2,15})(?:은|는)\s",
    "zh": r"^(?P<who>[^，,。]{2,20}?)(?=表示|称|稱|说|說|指出|宣布|透露|强调|強調|证实|證實|报道|報道|估计|估計)",
    "th": r"^(?P<who>[^\s]{2,40}?)(?=กล่าว|เปิดเผย|ระบุ|แถลง|รายงาน|ยืนยัน)",
}
_HEDGES = {
    "ja": r"とみられ|と見られ|とされ|という|とみている|可能性|推定|推計|見通し|とも言われ",
    "ko": r"것으로 보인|것으로 알려|추정|추산|것으로 전해|가능성|로 보고",
    "zh": r"据报|據報|估计|估計|可能|据称|據稱|预计|預計|或",
    "ru": r"\b(?:якобы|предположительно|по оценкам|вероятно|возможно|по некоторым данным|ориентировочно)\b",
    "uk": r"\b(?:нібито|ймовірно|за оцінками|можливо|орієнтовно|імовірно)\b",
    "de": r"\b(?:angeblich|mutmaßlich|schätzungsweise|vermutlich|wahrscheinlich|soll|sollen|Schätzungen)\b",
    "fr": r"\b(?:aurait|auraient|présumé|présumés|probablement|selon des estimations|estimé|estimés|environ)\b",
    "th": r"คาดว่า|เชื่อว่า|ประมาณการ|อาจ",
    "es": r"\b(?:presuntamente|supuestamente|al parecer|probablemente|habría|habrían|se estima|se calcula|aproximadamente)\b",
    "it": r"\b(?:presumibilmente|presunt[oaie]|probabilmente|sarebbe|sarebbero|si stima|circa)\b",
    "pt": r"\b(?:supostamente|alegadamente|provavelmente|teria|teriam|estima-se|cerca de)\b",
    "ar": r"يعتقد|يُعتقد|يرجح|يُرجح|ربما|على ما يبدو|حوالي|نحو|تقريبا",
}
# Pronoun speakers ("По его словам", "그는 … 밝혔다", "Er sagte"): the caller resolves them from the previous sentence.
_PRONOUNS = {"его", "её", "ее", "их", "он", "она", "они", "його", "її", "їх", "він", "вона", "вони", "그", "그녀", "그들",
             "彼", "彼女", "他", "她", "他们", "er", "sie", "il", "elle", "ils", "elles", "lui", "eux",
             "ihren", "ihrer", "ihrem", "seinen", "seiner", "seinem", "deren", "dessen", "son", "sa", "ses", "leur", "leurs",
             "él", "ella", "ellos", "ellas", "lei", "loro", "ele", "ela", "eles", "elas", "هو", "هي", "هم"}
_SCRIPTS = {"ja": r"[\u3040-\u30ff]", "ko": r"[\uac00-\ud7af]", "zh": r"[\u3400-\u9fff]", "th": r"[\u0e00-\u0e7f]"}


def needs_multilingual(sentence: str, language: str | None) -> bool:
    """True when the sentence is in one of `LANGUAGES` (by its label, or by its script)."""
    if language in LANGUAGES:
        return True
    return bool(_SCRIPT_NEEDS.search(sentence)) and language in (None, "", "und")


def language_of_script(sentence: str, language: str | None) -> str:
    """The language whose patterns to use: the label when it has some, else the script's."""
    if language in LANGUAGES:
        return language  # type: ignore[return-value]
    if re.search(_SCRIPTS["ja"], sentence):
        return "ja"
    if re.search(_SCRIPTS["ko"], sentence):
        return "ko"
    if re.search(_SCRIPTS["zh"], sentence):
        return "zh"
    if re.search(_SCRIPTS["th"], sentence):
        return "th"
    if re.search(r"[\u0600-\u06ff]", sentence):
        return "ar"
    if re.search(r"[іїєґІЇЄҐ]", sentence):
        return "uk"
    return "ru"


def _clean(who: str) -> str:
    who = who.strip(" ,，、،:：\"'«»„“”「」")
    who = re.sub(r"\s+(?:также|тоже|ещё|еще|також|теж|auch|ebenfalls|aussi|également|encore)$", "", who, flags=re.IGNORECASE)
    who = re.sub(r"^(?:また|さらに|一方|그러면서|또한|此外|同时|Также|Кроме того|Також|Außerdem|Zudem|Par ailleurs|En outre)[、,，]?\s*", "", who)
    return who.strip()


def attribute_multilingual(sentence: str, language: str | None) -> Credit:
    """Who `sentence` credits in its own language; `source=None` (cue "none") when nobody."""
    lang = language_of_script(sentence, language)
    hedge_re = _HEDGES.get(lang)
    hedges = tuple(match.group(0).lower() for match in re.finditer(hedge_re, sentence, re.IGNORECASE)) if hedge_re else ()
    said_re = _SAID.get(lang)
    said = re.search(said_re, sentence) if said_re else None
    for pattern in _ACCORDING.get(lang, []):
        match = re.search(pattern, sentence)
        if match:
            who = _clean(match.group("who"))
            if not sentence[match.end("who") : match.end("who") + 1] == ",":
                who = _short_source(who, lang)  # no comma closes it: it may run on into the clause
            who = plain_source(who, lang)
            if who:
                return Credit(who, "according to", bool(hedges), hedges, who.lower() in _PRONOUNS, reported_speech=True)
            # "according to the report" with no name in it: still reported speech, credited to nobody
            # (the caller credits the previous speaker or the outlet).
            return Credit(None, "according to", bool(hedges), hedges, False, reported_speech=True)
    if said is not None:
        subject_re = _SUBJECT_BEFORE.get(lang)
        who = None
        if lang == "ja":
            who = _japanese_speaker(sentence, said)
        elif lang == "ko":
            who = _korean_speaker(sentence, said)
        elif subject_re:
            match = re.search(subject_re, sentence[: said.start()])
            if match:
                who = _clean(match.groupdict().get("who") or match.groupdict().get("who2") or "") or None
        else:
            who = _european_speaker(sentence, said, lang)
        who = plain_source(who, lang)
        if who:
            return Credit(who, "X said", bool(hedges), hedges, who.lower() in _PRONOUNS, reported_speech=True)
        # A speech verb whose speaker the patterns cannot name ("…と述べました" after a long clause):
        # still reported speech; the caller credits the previous speaker or the outlet.
        return Credit(None, "said", bool(hedges), hedges, False, reported_speech=True)
    return Credit(None, "none", bool(hedges), hedges, False, reported_speech=False)


# Japanese: a topic or subject (は, が, "も、") before the reporting verb. A name is written in kanji and
# katakana, so the speaker is the run after the last kana-only word; a phrase ending in kana is a
# postposition ("について", "には", "で") or a verb, not a name.
_JA_TOPIC = re.compile(r"(?<![\u3040-\u309f])(?P<mark>は|が|も)")
_JA_PHRASE_START = re.compile(r"[^、。「」\s【】]{2,40}$")
# A topic whose own clause ends before the first comma ("開発は速いペースで進んでおり、") is that clause's subject.
_JA_CLAUSE_END = re.compile(r"(?:おり|ており|でおり|ていて|ので|ため|ながら|ものの|ても|れば|たら|けれど|ですが|たが|とし|として)、")


def _japanese_name(phrase: str) -> str | None:
    """"予報について気象庁長官" -> "気象庁長官"; "国土交通省（国交省）" -> "国土交通省"; "価格の対価について" -> None."""
    phrase = _clean(phrase)
    if not phrase or re.search(r"[\u3040-\u309f]$", phrase):
        return None
    tail = re.search(r"[^\u3040-\u309f]+$", phrase)
    name = tail.group() if tail else phrase
    name = _clean(re.sub(r"[（(][^（）()]*[）)]$", "", name))
    return name if len(name) >= 2 else None


def _japanese_speaker(sentence: str, said: re.Match) -> str | None:
    """The speaker of "X は … と述べた" / "… と X は分析した"; None when the sentence omits it."""
    gap = re.match(r"とも?、?(?P<who>[^、。「」]{2,20}?)(?:は|が)", said.group())
    if gap and _japanese_name(gap.group("who")):
        return _japanese_name(gap.group("who"))
    before = sentence[: said.start()]
    quotative = said.group().startswith("と")
    candidates = []
    for match in _JA_TOPIC.finditer(before):
        phrase = _JA_PHRASE_START.search(before[: match.start()])
        who = _japanese_name(phrase.group()) if phrase else None
        after = before[match.end():]
        if not who:
            continue
        # A topic that governs the reporting verb is set off by a comma before the quote begins; one with no
        # comma after it sits inside the quote ("…高値は当面続くと指摘した": the price, not a speaker).
        if quotative and "、" not in after:
            continue
        if match.group("mark") == "も" and not after.startswith("、"):
            continue
        own_clause = after[: after.find("、") + 1] if "、" in after else after
        if _JA_CLAUSE_END.search(own_clause):
            continue
        if match.group("mark") == "が" and "こと" in own_clause:
            continue  # the subject of a nominalised clause ("Xが…を残したことに触れ、"), not the speaker
        candidates.append((match.group("mark") == "が", match.start(), who))  # the topic は before a subject が
    return min(candidates)[2] if candidates else None


# Korean: a word before 은/는 that ends like a verb form ("참여하는", "협의하겠다는") or a postposition
# ("메모에서는", "3월부터는") is no topic; "…는 게 기상청 판단입니다" names the one whose judgment it is.
_KO_TOPIC = re.compile(r"(?P<who>[^\s,，.。]{2,15})(?:은|는)\s")
_KO_NOT_NOUN = re.compile(r"(?:다|하|되|있|없|겠|였|았|었|했|졌|였|라|에서|에게|에|부터|까지|으로|로|도|과|와)$")
_KO_JUDGMENT = re.compile(r"(?:게|것이|것은)\s(?P<who>\S{2,15}?)(?:의)?\s?(?:판단|분석|설명|평가|입장|전망)(?:입니다|이다|이었다)")


def _korean_speaker(sentence: str, said: re.Match) -> str | None:
    """The topic nearest the reporting verb ("…드러났다고 기상청은 밝혔다"), or whose judgment it is."""
    judgment = _KO_JUDGMENT.search(sentence)
    if judgment:
        return _clean(judgment.group("who"))
    before = sentence[: said.start()]
    topics = []
    for match in _KO_TOPIC.finditer(before):
        who = _clean(match.group("who"))
        if not who or _KO_NOT_NOUN.search(who):
            continue
        # A short title after a name ("김 위원장은", "박선원 의원은"): the name belongs to the speaker.
        name = re.search(r"(?:^|\s)(?P<name>[\uac00-\ud7af]{1,4})\s$", before[: match.start()])
        if len(who) <= 3 and name and not _KO_PARTICLE_END.search(name.group("name")):
            who = f"{name.group('name')} {who}"
        topics.append(who)
    return topics[-1] if topics else None


# A word ending in a particle or a verb ending ("드러났다고", "기상청이"): not part of a name before a title.
_KO_PARTICLE_END = re.compile(r"(?:다|고|은|는|이|가|을|를|에|의|과|와|서|며|면|도|로|게|지|한|된|던|들)$")


def _short_source(who: str, lang: str) -> str:
    """An "according to" source that ran on into the clause ("laut dem Generalstab sind etwa …"):
    cut to its noun phrase (German: through the first capitalised noun; elsewhere three words)."""
    words = who.split()
    if len(words) <= 5 or lang not in ("de", "fr", "ru", "uk"):
        return who
    if lang == "de":
        noun = next((i for i, word in enumerate(words) if word[:1].isupper()), None)
        if noun is not None:
            return " ".join(words[: noun + 1])
    return " ".join(words[:3])


def _european_speaker(sentence: str, said: re.Match, lang: str) -> str | None:
    """"X заявил", "X sagte", "X a déclaré" (X before the verb), or ", заявил X" / ", sagte X" (after)."""
    before = sentence[: said.start()].rstrip()
    after = sentence[said.end():].strip()
    apposition = _APPOSITION.match(before)
    if apposition:
        # "La ministra de Sanidad, Ana Ruiz, anunció …": the name set off by commas is the speaker.
        return _clean(apposition.group("name"))
    if re.search(r"[,،»“\"]\s*$", before) or not before:
        # "..., sagte der Minister." / "..., заявил глава МИД." / "قال الوزير إن …" (the verb first, the speaker after it).
        match = re.match(r"(?P<who>[^,،.;:]{2,80}?)(?:\s+(?:إن|أن|إنه|أنه|بأن|que|che)\s|[,،.;:]|$)", after)
        if not match or re.search(r"\d", match.group("who")):
            return None  # a figure is no speaker ("anunció el sábado el envío de 5.000 …" is cut at its dot)
        return _clean(match.group("who"))
    clause = re.split(r"[,;:]\s", before)[-1]
    words = clause.split()
    if not words or len(words) > 10:
        return None
    if lang in ("ru", "uk") and re.search(r"(?:л|в)$", said.group()) and re.search(r"(?:ие|ье|ство|ость|ция|ия|я|ию|ую|ью)$", words[0].lower()):
        # The verb is masculine, the opening noun is not ("Участие … подтвердил … начальник Генштаба"): the
        # opening noun is the object, the speaker follows the verb.
        after = re.sub(r"^(?:\d{1,2}\s+\w+|в\s+\w+|вчера|сегодня|впервые|официально)\s+", "", after)
        match = re.match(r"(?P<who>[^,.;:]{2,80}?)(?:\s+(?:когда|что|и|после)\s|[,.;:]|$)", after)
        return _clean(match.group("who")) if match else None
    if lang == "de" and len(words) == 1 and _DE_ADVERB_FIRST.match(clause):
        # Verb second: "Darüber berichtete die Agentur Yonhap und …": the subject follows the verb.
        match = re.match(r"(?P<who>[^,.;:]{2,80}?)(?:\s+(?:und|sowie|am|im|in|auf|unter|mit|über)\s|[,.;:]|$)", after)
        return _clean(match.group("who")) if match else None
    return _clean(clause)


# A sentence opening with a title and a name set off by commas, right before the verb: "The minister,
# Jane Doe," / "La ministra de Sanidad, Ana Ruiz," / "Министр, Иван Петров,".
_APPOSITION = re.compile(
    r"^(?P<title>[^,;:]{2,60}),\s*(?P<name>(?-i:[A-ZÁÉÍÓÚÑÇÀÈÌÒÙÂÊÎÔÛÄÖÜА-ЯІЇЄҐ][\w'’.-]+(?:\s+(?-i:[A-ZÁÉÍÓÚÑÇÀÈÌÒÙÂÊÎÔÛÄÖÜА-ЯІЇЄҐ])[\w'’.-]+){0,3})),\s*$"
)


# German words that fill the first place of a verb-second sentence without being its subject.
_DE_ADVERB_FIRST = re.compile(
    r"(?i:^(?:da(?:r)?(?:über|zu|von|bei|mit|nach|auf|an|um)|dies|zudem|außerdem|ferner|demnach|nun|heute|gestern|später|zuvor|bereits|inzwischen|damals|dann|so|auch)$)"
)


# ---------------------------------------------------------------- the shape of a source phrase
# Generic nouns for a document, a figure or a newspaper, per language: "according to the report" credits
# nobody (the caller credits the outlet or the previous speaker); "the FBI report" credits "FBI".
# Language vocabulary only, no story words.
_GENERIC_NOUNS = {
    "en": {"report", "briefing", "document", "statement", "article", "figures", "figure", "count", "tally",
           "data", "statistics", "newspaper", "paper", "study", "survey", "memo", "story"},
    "fr": {"rapport", "chiffres", "chiffre", "bilan", "décompte", "journal", "document", "données", "statistiques",
           "article", "étude", "communiqué", "quotidien"},
    "de": {"bericht", "angaben", "zahlen", "zahl", "zählung", "bilanz", "zeitung", "daten", "statistik",
           "dokument", "blatt", "artikel", "studie", "mitteilung"},
    "ru": {"доклад", "доклада", "докладу", "отчёт", "отчет", "отчёта", "отчета", "данные", "данным", "цифры", "цифрам",
           "подсчёт", "подсчет", "подсчётам", "подсчетам", "газета", "газеты", "издание", "издания", "сообщение",
           "сообщению", "документ", "документа", "статья", "статьи"},
    "uk": {"доповідь", "звіт", "звіту", "дані", "даними", "цифри", "підрахунок", "підрахунками", "газета", "газети",
           "видання", "повідомлення", "документ", "документа", "стаття", "статті"},
    "ko": {"보고", "보고서", "보도", "자료", "집계", "통계", "수치", "발표", "조사", "신문", "문서", "기사"},
    "ja": {"報告", "報告書", "報道", "資料", "統計", "集計", "調査", "発表", "数字", "データ", "本紙", "記事", "文書"},
    "zh": {"报告", "報告", "报道", "報道", "数据", "數據", "统计", "統計", "消息", "本报", "本報", "文件"},
}
# Words that only point or qualify ("the", "this", "latest"): a phrase of these plus a generic noun names nobody.
_POINTERS = {
    "en": {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "latest", "last",
           "new", "recent", "same", "previous", "first", "final", "official", "earlier", "one", "another"},
    "fr": {"le", "la", "les", "l'", "l’", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "un", "une",
           "des", "du", "de", "dernier", "dernière", "derniers", "dernières", "nouveau", "nouvelle", "nouveaux",
           "même", "premier", "première", "officiel", "officiels", "récent", "récents"},
    "de": {"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einer", "eines", "dieser", "diese",
           "diesem", "dieses", "jüngsten", "jüngste", "neuesten", "neueste", "letzten", "letzte", "offiziellen",
           "ersten", "nach"},
    "ru": {"этот", "эта", "это", "этого", "этой", "этим", "последний", "последние", "последним", "последнему",
           "новый", "новые", "новым", "официальные", "официальным"},
    "uk": {"цей", "ця", "це", "цього", "цієї", "останні", "останніми", "нові", "новими", "офіційні", "офіційними"},
    "ko": {"이", "그", "이번", "최근", "최신", "해당", "이날", "당시", "새", "공식"},
    "ja": {"この", "その", "今回の", "最新の", "同", "新たな"},
    "zh": {"该", "該", "这", "這", "此", "最新"},
}
# A possessive pronoun before a generic noun ("ihren Angaben zufolge", "selon ses chiffres"): the source is
# whoever the pronoun points to, which the caller resolves from the previous sentence.
_POSSESSIVES = {
    "de": {"ihren", "ihrer", "ihrem", "seinen", "seiner", "seinem", "deren", "dessen"},
    "fr": {"son", "sa", "ses", "leur", "leurs"},
}
# A finite verb inside a speaker phrase shows a clause fragment ("Verletzt wurden ihren Angaben"): only what
# follows the verb can name the source.
_FINITE_VERBS = {
    "de": r"\b(?:wurden|wurde|sind|ist|war|waren|hat|haben|hatte|hatten|werden|wird|seien|sei)\b",
    "fr": r"\b(?:est|sont|était|étaient|sera|seront|avait|avaient|ont|a)\b",
}
# A relative pronoun ends the source phrase ("les chiffres que …" -> "les chiffres").
_RELATIVES = {"fr": r"\s(?:que|qu['’]|qui|dont|où|lorsque|quand)(?:\s|$).*$", "de": r",.*$"}
# Date words that may open a speaker phrase ("Last week the FBI", "15일 마이니치신문 보도", "Hier, le ministère").
_DATE_OPENERS = {
    "en": r"^(?:(?:on|last|this|earlier|late|early|next)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
          r"|week|month|year|night|weekend|morning|evening)\b,?\s+|^(?:yesterday|today|earlier|later|meanwhile)\b,?\s+"
          r"|^(?:in|on|since)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
          r"(?:\s+\d{1,2})?(?:,?\s+\d{4})?,?\s+",
    "fr": r"^(?:(?:la\s+)?semaine\s+dernière|(?:le\s+)?mois\s+dernier|hier|aujourd['’]hui|lundi|mardi|mercredi|jeudi"
          r"|vendredi|samedi|dimanche|mardi)\b,?\s+",
    "de": r"^(?:(?:am\s+)?(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)|gestern|heute|(?:in\s+der\s+)?"
          r"vergangenen\s+Woche|letzte\s+Woche)\b,?\s+",
    "ru": r"^(?:в\s+)?(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|вчера|сегодня)\b,?\s+",
    "uk": r"^(?:у|в\s+)?(?:понеділок|вівторок|середу|четвер|п'ятницю|суботу|неділю|вчора|сьогодні)\b,?\s+",
    "ko": r"^(?:\d{1,2}일|\d{1,2}월\s?\d{1,2}일|지난\s?\S+|오늘|어제|이날|전날)\s+",
    "ja": r"^(?:\d{1,2}日|[０-９]{1,2}日|同日|前日|今月\d{1,2}日)[、,]?",
    "zh": r"^(?:\d{1,2}日|昨天|今天|当天|當天)[，,]?",
}
_SPACELESS_LANGS = ("ja", "zh")
# Words that join a generic noun to its owner ("report of", "bilan du", "Bericht des", "доклад Генштаба" has none).
_OF = {"en": {"of", "by", "from"}, "fr": {"de", "du", "des", "d'", "d’"}, "de": {"des", "der", "von", "vom"}}


def plain_source(who: str | None, lang: str) -> str | None:
    """The speaker phrase as a source a reader can name, or None when it names nobody.

    Drops a date phrase at its start ("Last week the FBI" -> "the FBI"); a bare generic noun for a
    document, figure or newspaper ("the report", "le dernier décompte", "보고") names nobody, one that
    carries a name keeps the name ("the FBI report" -> "FBI", "마이니치신문 보도" -> "마이니치신문",
    "気象庁の発表" -> "気象庁"); a possessive before a generic noun ("ihren Angaben") comes back as the
    pronoun for the caller to resolve. The result is always words of `who`."""
    if not who:
        return None
    opener = _DATE_OPENERS.get(lang)
    if opener:
        stripped = re.sub(opener, "", who, flags=re.IGNORECASE if lang != "de" else 0).strip(" ,，、")
        if stripped:
            who = stripped
    if lang in _RELATIVES:
        who = re.sub(_RELATIVES[lang], "", who).strip()
    if lang in _FINITE_VERBS:
        parts = re.split(_FINITE_VERBS[lang], who)
        if len(parts) > 1:
            who = parts[-1].strip()
            if not who:
                return None
    if lang == "en":
        who = re.sub(r"^[Tt]he\s+(?=[A-Z]{2,}\b(?:\s+[a-z]|$))", "", who)  # "the FBI" -> "FBI" (an acronym names itself)
    generic = _GENERIC_NOUNS.get(lang, set())
    pointers = _POINTERS.get(lang, set())
    if lang in _SPACELESS_LANGS:
        rest = who
        for noun in sorted(generic, key=len, reverse=True):
            if rest.endswith(noun):
                rest = rest[: -len(noun)]
                break
        if rest == who:
            return who
        rest = re.sub(r"(?:の|的)$", "", rest)
        for pointer in sorted(pointers, key=len, reverse=True):
            rest = rest.removeprefix(pointer)
        return rest if len(rest) >= 2 else None
    words = who.split()
    lowered = [word.lower().strip(",") for word in words]
    if lang == "ko":
        # "기상청의 보고" / "마이니치신문 보도": the generic noun is the last word.
        if lowered[-1] not in generic:
            return who
        rest = [word.removesuffix("의") for word in words[:-1] if word not in pointers]
        rest = [word for word in rest if word]
        return " ".join(rest) if rest else None
    nouns = [i for i, word in enumerate(lowered) if word in generic]
    if not nouns:
        return who
    first = nouns[0]
    if first > 0 and lowered[first - 1] in _POSSESSIVES.get(lang, set()) and first == len(words) - 1:
        return words[first - 1]
    if first + 2 < len(words) and lowered[first + 1] in _OF.get(lang, set()):
        # "the report of the UN", "le dernier bilan du ministère", "Bericht des Ministeriums": whose it is
        owner = words[first + 2 :]
        if owner and lowered[first + 2] in pointers:
            owner = owner[1:] if len(owner) > 1 else owner
        return " ".join(owner) or None
    named = [word for i, word in enumerate(words) if i not in nouns and lowered[i] not in pointers]
    if not named:
        return None
    if first == len(words) - 1 and len(named) <= 4:
        # "the FBI report", "Yonhap's report": the name before the generic noun
        name = " ".join(named)
        name = re.sub(r"[’']s?$", "", name)
        return name or None
    return who
