"""The learned block scorer and the body decoder.

`block_probabilities` is one logistic model over all signals (weights learned
by tools/train_cleaner.py, shipped as weights.json: plain numbers, no pickle).
`select_body` turns probabilities into a body: the article is the span with
the most "likely body" mass (a max-sum run, so isolated prose far from the
article — comments, teasers — does not join it), and inside it only blocks
above a threshold are kept.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lib.ingest.extract.blocks import FEATURE_NAMES, best_run

WEIGHTS_PATH = Path(__file__).with_name("weights.json")


@dataclass(frozen=True)
class ScorerWeights:
    bias: float
    weights: tuple[float, ...]  # in FEATURE_NAMES order
    span_threshold: float = 0.5  # blocks above it pull the article span outwards
    keep_threshold: float = 0.5  # inside the span, keep blocks at or above it
    outside_threshold: float = 0.95  # outside the span, keep only near-certain blocks
    use_barriers: bool = True  # the span never crosses a "Comments"/"Related"/"Tags" heading

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": list(FEATURE_NAMES),
                "bias": self.bias,
                "weights": dict(zip(FEATURE_NAMES, self.weights)),
                "span_threshold": self.span_threshold,
                "keep_threshold": self.keep_threshold,
                "outside_threshold": self.outside_threshold,
                "use_barriers": self.use_barriers,
            },
            indent=1,
        )


@lru_cache(maxsize=4)
def load_weights(path: str = str(WEIGHTS_PATH)) -> ScorerWeights:
    """Weights from weights.json; a feature missing from the file weighs 0 (and is logged by the trainer)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    named = data["weights"]
    return ScorerWeights(
        bias=float(data["bias"]),
        weights=tuple(float(named.get(name, 0.0)) for name in FEATURE_NAMES),
        span_threshold=float(data.get("span_threshold", 0.5)),
        keep_threshold=float(data.get("keep_threshold", 0.5)),
        outside_threshold=float(data.get("outside_threshold", 0.95)),
        use_barriers=bool(data.get("use_barriers", True)),
    )


def block_probabilities(features: list[list[float]], weights: ScorerWeights) -> list[float]:
    """P(body) per feature row; one matrix product (the same arithmetic as the trainer's)."""
    import numpy as np

    if not features:
        return []
    z = weights.bias + np.asarray(features, dtype=float) @ np.asarray(weights.weights)
    return (1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))).tolist()


def article_span(
    probabilities: list[float], lengths: list[int], threshold: float, barriers: list[bool] | None = None
) -> tuple[int, int]:
    """Inclusive span maximising sum((p - threshold) * sqrt(chars)) that crosses no barrier; (0, -1) if none."""
    values = [(p - threshold) * math.sqrt(max(n_chars, 1)) for p, n_chars in zip(probabilities, lengths)]
    return best_run(values, barriers, floor=0.0, empty=(0, -1))


def select_body(
    probabilities: list[float],
    lengths: list[int],
    weights: ScorerWeights,
    exclude: int = -1,
    barriers: list[bool] | None = None,
) -> tuple[list[bool], tuple[int, int]]:
    """Keep flags per block and the article span; block `exclude` (the headline) is never kept."""
    span = article_span(probabilities, lengths, weights.span_threshold, barriers if weights.use_barriers else None)
    if span[1] >= span[0]:
        # The span's edges absorb adjacent keepable blocks: a short last line ("Nobody was
        # hurt.") is worth too little mass to extend a max-sum run by itself.
        start, end = span
        while start > 0 and probabilities[start - 1] >= weights.keep_threshold and start - 1 != exclude:
            start -= 1
        while end + 1 < len(probabilities) and probabilities[end + 1] >= weights.keep_threshold:
            end += 1
        span = (start, end)
    keep = []
    for index, p in enumerate(probabilities):
        inside = span[0] <= index <= span[1]
        keep.append(index != exclude and p >= (weights.keep_threshold if inside else weights.outside_threshold))
    return keep, span
