"""The extractor on the seeds, scored by the shared scorer (../shared/eval/score.py),
must stay at or above the bars of the extraction issue (TOTAL row, F1)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"

BARS = {
    "persons": 0.93,
    "positions_lenient": 0.85,
    "positions_strict": 0.75,
    "events": 0.75,
    "events_dated": 0.70,
    "participations": 0.75,
    "roles": 0.80,
}


@pytest.fixture(scope="module")
def report() -> dict:
    if not (EVAL / "score.py").exists():
        pytest.fail(f"the shared scorer is missing: {EVAL / 'score.py'}")
    records = subprocess.run(
        [
            sys.executable,
            "-m",
            "okg.cli",
            "extract",
            *sorted(map(str, (ROOT / "seeds").glob("*.txt"))),
            "--format",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    scored = subprocess.run(
        [sys.executable, str(EVAL / "score.py"), "--gold", str(EVAL / "gold"), "-", "--json"],
        input=records,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(scored)


@pytest.mark.parametrize("metric", sorted(BARS))
def test_score_meets_the_bar(report: dict, metric: str) -> None:
    assert report["total"][metric]["f1"] >= BARS[metric], report["total"][metric]


def test_every_fact_has_evidence_in_the_original(report: dict) -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        from extraction import extract_document
        from loaders.document import load_document

        doc = load_document(path)
        record = extract_document(doc)
        for row in record.positions + record.participations + record.events:
            assert row.evidence
            for ev in row.evidence:
                original = doc.original[ev.start : ev.end]
                assert "".join(original.split())[:4] == "".join(ev.text.split())[:4]
