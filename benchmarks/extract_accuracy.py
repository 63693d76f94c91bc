"""The extractor scored against a generated corpus's truth, by the project's evaluator.

    python benchmarks/extract_accuracy.py [--docs 1000] [--corpus DIR] [--json]

Extracts the first `--docs` texts of a generated corpus (benchmarks/generate_corpus.py, made
in DIR, default build/corpus-10000, if missing) as `okg extract` does, and scores each record
against the page's true record (gold.jsonl) with evaluation.score_document (the rules of
`okg evaluate` and of the shared referee), micro-averaged: persons, positions (strict and
lenient), events (and dated), participations, roles. Bylines, true persons without
evidence, are the gold's `ignore_persons`. The seeds' gold (eval/gold) is real news; this
corpus is the genre at any size, with names no lexicon knows.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import write_corpus  # noqa: E402

from officials_kg.evaluation import METRICS, Counts, score_document  # noqa: E402
from officials_kg.extraction import extract_document  # noqa: E402
from officials_kg.loaders.document import load_document  # noqa: E402


def as_gold(record: dict) -> dict:
    """A true record in the scorer's gold form: bylines (no evidence) are ignored persons."""
    bylines = [p["name"] for p in record["persons"] if not p["evidence"]]
    persons = [p for p in record["persons"] if p["evidence"]]
    return record | {"persons": persons, "ignore_persons": bylines}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=Path("build") / "corpus-10000")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not (args.corpus / "gold.jsonl").exists():
        write_corpus(args.corpus, max(args.docs, 10_000))

    total = {m: Counts() for m in METRICS}
    with (args.corpus / "gold.jsonl").open(encoding="utf-8") as lines:
        for line in islice(lines, args.docs):
            gold = as_gold(json.loads(line))
            text = args.corpus / f"{gold['doc']}.txt"
            predicted = extract_document(load_document(text)).to_dict()
            for metric, counts in score_document(gold, predicted).items():
                total[metric].add(counts)

    keys = ("precision", "recall", "f1")
    figures = {m: {k: getattr(c, k) for k in keys} for m, c in total.items()}
    if args.json:
        print(json.dumps({"documents": args.docs, "total": figures}, indent=1))
        return
    print(f"{args.docs} generated documents of {args.corpus}")
    print(f"{'metric':<20}{'F1':>6}{'precision':>11}{'recall':>8}")
    for metric, f in figures.items():
        print(f"{metric:<20}{f['f1']:6.2f}{f['precision']:11.2f}{f['recall']:8.2f}")


if __name__ == "__main__":
    main()
