"""Regenerate tests/golden/claims.json and topics.json from the bundled corpus.

Run after a deliberate change to claim extraction, then REVIEW THE DIFF line by
line (`git diff tests/golden/`) before committing: the golden files are the
hand-checked expectation, not a snapshot to refresh blindly.

    .venv/bin/python -m eval.make_golden_claims
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from lib.claims.build import build_claims
from lib.claims.topics import claim_to_json, topic_to_json
from lib.core.settings import REPO_ROOT, load_settings
from lib.ingest.corpus import load_corpus

GOLDEN = REPO_ROOT / "tests" / "golden"


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        # A throwaway copy, as the tests use: the repo's own store is never touched.
        shutil.copytree(REPO_ROOT / "data" / "articles", Path(folder) / "articles")
        corpus = load_corpus(load_settings(folder))
        claimset = build_claims(corpus)
    claims = [claim_to_json(claim) for claim in claimset.claims]
    topics = [topic_to_json(topic) for topic in claimset.topics]
    GOLDEN.mkdir(parents=True, exist_ok=True)
    (GOLDEN / "claims.json").write_text(json.dumps(claims, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (GOLDEN / "topics.json").write_text(json.dumps(topics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(claims)} claims in {len(topics)} topics to {GOLDEN}; review with `git diff tests/golden/`")
    # Help the review: claims the hand-checked gold does not expect (often page furniture
    # the cleaner left in a body) and gold claims that are missing.
    gold = json.loads((REPO_ROOT / "eval" / "gold" / "claims_gold.json").read_text(encoding="utf-8"))["claims"]
    for claim in claimset.claims:
        if not any(g["source_file"] == claim.source_file and g["quote_contains"] in claim.quote for g in gold):
            print(f"  CHECK (not in eval/gold): {claim.source_file} “{claim.quote[:100]}”")
    for g in gold:
        if not any(g["source_file"] == c.source_file and g["quote_contains"] in c.quote for c in claimset.claims):
            print(f"  missing gold claim: {g['source_file']} “{g['quote_contains']}”")
    return 0


if __name__ == "__main__":
    sys.exit(main())
