"""Who a sentence credits, in ja ko zh ru uk de fr th: "X によると", "X는 … 밝혔다", "据X", "по словам X",
"laut X", "selon X", "ตามรายงานของ X" and "X said" in each language.

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

_SCRIPT_NEEDS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f\u0400-\u04ff]")
LANGUAGES = ("ja", "ko", "zh", "ru", "uk", "de", "fr", "th")

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
}
# Pronoun speakers ("По его словам", "그는 … 밝혔다", "Er sagte"): the caller resolves them from the previous sentence.
_PRONOUNS = {"его", "её", "ее", "их", "он", "она", "они", "його", "її", "їх", "він", "вона", "вони", "그", "그녀", "그들",
             "彼", "彼女", "他", "她", "他们", "er", "sie", "il", "elle", "ils", "elles"}
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
    if re.search(r"[іїєґІЇЄҐ]", sentence):
        return "uk"
    return "ru"


def _clean(who: str) -> str:
    who = who.strip(" ,，、:：\"'«»„“”「」")
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
            if who:
                return Credit(who, "according to", bool(hedges), hedges, who.lower() in _PRONOUNS, reported_speech=True)
    if said is not None:
        subject_re = _SUBJECT_BEFORE.get(lang)
        who = None
        if subject_re:
            matches = list(re.finditer(subject_re, sentence[: said.start()]))
            # Korean: the topic nearest the verb speaks ("…드러났다고 국정원은 밝혔다"); elsewhere the first.
            match = (matches[-1] if lang == "ko" else matches[0]) if matches else None
            if match:
                who = _clean(match.groupdict().get("who") or match.groupdict().get("who2") or "")
                if lang == "ja":
                    # Names are written in kanji and katakana: the run after the last kana-only particle.
                    tail = re.search(r"[^\u3040-\u309f]+$", who)
                    who = tail.group() if tail and len(tail.group()) >= 2 else who
            if not who and lang in ("ja", "ko", "zh", "th"):
                who = None
        else:
            who = _european_speaker(sentence, said, lang)
        if who:
            return Credit(who, "X said", bool(hedges), hedges, who.lower() in _PRONOUNS, reported_speech=True)
        # A speech verb whose speaker the patterns cannot name ("…と述べました" after a long clause):
        # still reported speech; the caller credits the previous speaker or the outlet.
        return Credit(None, "said", bool(hedges), hedges, False, reported_speech=True)
    return Credit(None, "none", bool(hedges), hedges, False, reported_speech=False)


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
    if re.search(r"[,»“\"]\s*$", before) or not before:
        # "..., sagte der Minister." / "..., заявил глава МИД."
        match = re.match(r"(?P<who>[^,.;:]{2,80})", after)
        return _clean(match.group("who")) if match else None
    clause = re.split(r"[,;:]\s", before)[-1]
    words = clause.split()
    if not words or len(words) > 10:
        return None
    return _clean(clause)
