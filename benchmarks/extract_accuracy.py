"""The extractor scored against a generated corpus's truth, by the shared scorer's metrics.

    python benchmarks/extract_accuracy.py [--docs 1000] [--corpus DIR] [--json]

Extracts the first `--docs` texts of a generated corpus (benchmarks/generate_corpus.py, made
in DIR, default build/corpus-10000, if missing) as `okg extract` does, and scores each record
against the page's true record (gold.jsonl) with ../shared/eval/score.py's own `score_doc`,
micro-averaged as it does: persons, positions (strict and lenient), events (and dated),
participations, roles. Bylines, true persons without evidence, are the scorer's
`ignore_persons`. The seeds' gold (../shared/eval/gold) is real news; this corpus is the
genre at any size, with names no lexicon knows.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from itertools import islice
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import write_corpus  # noqa: E402

from extraction import extract_document  # noqa: E402
from loaders.document import load_document  # noqa: E402

SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "score.py"


def scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def as_gold(record: dict) -> dict:
    """A true record in the scorer's gold form: bylines (no evidence) are ignored persons."""
    bylines = [p["name"] for p in record["persons"] if not p["evidence"]]
    persons = [p for p in record["persons"] if p["evidence"]]
    return record | {"persons": persons, "ignore_persons": bylines}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=Path("build") / "corpus-10000")
    parser.add_argument("--scorer", type=Path, default=SCORER)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    score = scorer(args.scorer)
    if not (args.corpus / "gold.jsonl").exists():
        write_corpus(args.corpus, max(args.docs, 10_000))

    total = {m: score.Counts() for m in score.METRICS}
    with (args.corpus / "gold.jsonl").open(encoding="utf-8") as lines:
        for line in islice(lines, args.docs):
            gold = as_gold(json.loads(line))
            text = args.corpus / f"{gold['doc']}.txt"
            predicted = extract_document(load_document(text)).to_dict()
            for metric, counts in score.score_doc(gold, predicted).items():
                total[metric].add(*counts)

    keys = ("precision", "recall", "f1")
    figures = {m: dict(zip(keys, c.prf(), strict=True)) for m, c in total.items()}
    if args.json:
        print(json.dumps({"documents": args.docs, "total": figures}, indent=1))
        return
    print(f"{args.docs} generated documents of {args.corpus}, scored by {args.scorer}")
    print(f"{'metric':<20}{'F1':>6}{'precision':>11}{'recall':>8}")
    for metric, f in figures.items():
        print(f"{metric:<20}{f['f1']:6.2f}{f['precision']:11.2f}{f['recall']:8.2f}")


if __name__ == "__main__":
    main()
