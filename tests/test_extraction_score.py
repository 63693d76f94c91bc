"""The extractor's accuracy, measured by the project's own evaluator (evaluation/) on the
gold data in the repository (eval/): the seeds, and the development set of 40 articles.

Each set has its floors, F1 of the TOTAL row: the seeds' are the bars of the extraction
issues (18, 19), the development set's a little under its figures when last raised.
Where the shared referee (../shared/eval/score.py) exists beside the repository, it scores
the same records and every figure must agree."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from officials_kg.evaluation import METRICS, Report, evaluate, load_gold
from officials_kg.extraction import extract_document, extract_file
from officials_kg.loaders.document import load_document

ROOT = Path(__file__).resolve().parent.parent
REFEREE = ROOT.parent / "shared" / "eval" / "score.py"

SETS = {
    "seeds": (ROOT / "seeds", ROOT / "eval" / "gold"),
    "dev": (ROOT / "eval" / "dev" / "texts", ROOT / "eval" / "dev" / "gold"),
}

FLOORS = {
    "seeds": {
        "persons": 0.97,
        "positions_lenient": 0.93,
        "positions_strict": 0.90,
        "events": 0.85,
        "events_dated": 0.84,
        "participations": 0.84,
        "roles": 0.95,
    },
    # a little under its figures, which are over the bars of issues 18 and 19 (persons 0.90,
    # strict 0.70, lenient 0.80, events 0.80, dated 0.65, participations 0.75, roles 0.90)
    "dev": {
        "persons": 0.95,
        "positions_lenient": 0.89,
        "positions_strict": 0.80,
        "events": 0.88,
        "events_dated": 0.76,
        "participations": 0.87,
        "roles": 0.97,
    },
}


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, dict[str, Any]]]:
    """Each set's records, extracted from its texts as `okg extract` does."""
    out = {}
    for name, (texts, _) in SETS.items():
        records = [extract_file(path).to_dict() for path in sorted(texts.glob("*.txt"))]
        out[name] = {r["doc"]: r for r in records}
    return out


@pytest.fixture(scope="module")
def reports(records: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Report]:
    return {name: evaluate(load_gold(gold), records[name]) for name, (_, gold) in SETS.items()}


@pytest.mark.parametrize(
    ("kind", "metric"), [(kind, metric) for kind in FLOORS for metric in METRICS]
)
def test_score_meets_the_floor(reports: dict[str, Report], kind: str, metric: str) -> None:
    counts = reports[kind].total[metric]
    assert counts.f1 >= FLOORS[kind][metric], counts


def test_every_gold_document_has_its_record(reports: dict[str, Report]) -> None:
    for report in reports.values():
        assert report.predicted == len(report.documents) > 0


@pytest.mark.parametrize("kind", sorted(SETS))
def test_the_shared_referee_gives_the_same_figures(
    records: dict[str, dict[str, dict[str, Any]]],
    reports: dict[str, Report],
    kind: str,
    tmp_path: Path,
) -> None:
    if not REFEREE.exists():
        pytest.skip(f"the shared referee is not beside the repository ({REFEREE})")
    pred = tmp_path / "records.jsonl"
    pred.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records[kind].values()),
        encoding="utf-8",
    )
    gold = SETS[kind][1]
    ran = subprocess.run(
        [sys.executable, str(REFEREE), "--gold", str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(ran.stdout)
    ours = reports[kind].as_dict()
    assert (ours["documents"], ours["predicted_documents"]) == (
        theirs["documents"],
        theirs["predicted_documents"],
    )
    assert ours["per_doc"].keys() == theirs["per_doc"].keys()
    tables = [("TOTAL", ours["total"], theirs["total"])]
    tables += [(doc, ours["per_doc"][doc], theirs["per_doc"][doc]) for doc in theirs["per_doc"]]
    for doc, mine, referee in tables:
        for metric in METRICS:
            a, b = mine[metric], referee[metric]
            assert (a["tp"], a["fp"], a["fn"]) == (b["tp"], b["fp"], b["fn"]), (doc, metric)
            for figure in ("precision", "recall", "f1"):  # the referee prints 4 places
                assert round(a[figure], 4) == b[figure], (doc, metric, figure)


def test_every_fact_has_evidence_in_the_original() -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        doc = load_document(path)
        record = extract_document(doc)
        for row in record.positions + record.participations + record.events:
            assert row.evidence
            for ev in row.evidence:
                original = doc.original[ev.start : ev.end]
                assert "".join(original.split())[:4] == "".join(ev.text.split())[:4]
