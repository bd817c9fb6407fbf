"""`python -m lib.cli search --suggest`: the Search page's example questions, from the command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from lib.core.settings import REPO_ROOT


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lib.cli", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300
    )


def test_suggest_lists_the_collections_own_questions_with_their_answers_as_json(bundled_data_dir):
    result = run_cli("search", "--suggest", "--json", "--data", str(bundled_data_dir))
    assert result.returncode == 0, result.stderr
    suggestions = json.loads(result.stdout)
    assert 2 <= len(suggestions) <= 3
    assert suggestions[0]["question"] == "How many North Korean troops were sent to Russia?"
    assert "12,000" in suggestions[0]["answer"]
    bundled = {path.name for path in (bundled_data_dir / "articles").iterdir()}
    for suggestion in suggestions:
        assert set(suggestion) == {"question", "topic_id", "answer", "source_file", "sentence_index", "similarity"}
        assert suggestion["source_file"] in bundled and suggestion["similarity"] >= 0.4


def test_suggest_prints_each_question_with_the_sentence_that_answers_it(bundled_data_dir):
    result = run_cli("search", "--suggest", "--data", str(bundled_data_dir))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "How many North Korean troops were sent to Russia?"
    assert lines[1].startswith("   answered by: ") and lines[1].endswith("]")


@pytest.mark.parametrize(
    "args,message",
    [
        (["search", "--suggest", "troops"], "--suggest lists example questions and takes no query"),
        (["search"], "query is empty"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_no_traceback(bundled_data_dir, args, message):
    result = run_cli(*args, "--json", "--data", str(bundled_data_dir))
    assert result.returncode == 2
    assert message in result.stderr and "Pyongyang" not in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_suggest_on_an_empty_collection_says_how_to_add_articles(tmp_path):
    result = run_cli("search", "--suggest", "--json", "--data", str(tmp_path / "empty"))
    assert result.returncode == 2
    assert "no articles yet" in result.stderr and "python -m lib.cli ingest" in result.stderr
    assert result.stdout == ""
