"""The pipeline fingerprint follows the code that decides a record, not the code that schedules ingest."""

import shutil

import pytest

from lib.core.settings import REPO_ROOT
from lib.ingest.pipeline import PIPELINE_FOLDERS, PIPELINE_MODULES, SCHEDULING_MODULES, pipeline_fingerprint


@pytest.fixture()
def code_copy(tmp_path):
    """The ingestion code copied to a folder of its own, to be edited there."""
    for folder in PIPELINE_FOLDERS:
        shutil.copytree(REPO_ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in PIPELINE_MODULES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO_ROOT / name, tmp_path / name)
    return tmp_path


def test_the_copy_has_the_fingerprint_of_the_repository(code_copy):
    assert pipeline_fingerprint(code_copy) == pipeline_fingerprint()


@pytest.mark.parametrize("module", ["lib/ingest/outlet.py", "lib/ingest/extract/signals.py", "lib/text/dates.py"])
def test_editing_code_that_decides_a_record_changes_the_fingerprint(code_copy, module):
    before = pipeline_fingerprint(code_copy)
    with (code_copy / module).open("a", encoding="utf-8") as source:
        source.write("\n# edited\n")
    assert pipeline_fingerprint(code_copy) != before


@pytest.mark.parametrize("module", SCHEDULING_MODULES)
def test_editing_code_that_only_schedules_ingest_keeps_the_fingerprint(code_copy, module):
    before = pipeline_fingerprint(code_copy)
    with (code_copy / module).open("a", encoding="utf-8") as source:
        source.write("\n# edited\n")
    assert pipeline_fingerprint(code_copy) == before
