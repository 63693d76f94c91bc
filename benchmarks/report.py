"""The current results of the benchmarks as one Markdown table, from the runs recorded in
benchmarks/results/*.json: what was measured, the figure and its target, and when, at which
commit and on which machine. benchmarks/README.md shows its output (cog writes it there).

    python benchmarks/report.py [--results DIR]

A result file is one run of a benchmark, worth keeping until a later run replaces it (the
figures' history is in git):

    {"benchmark": "load_speed.py", "command": "load_speed.py --corpus …",
     "measured": "2026-12-02 18:21 UTC", "commit": "b1d9b32", "machine": "2 cores, …",
     "build": "the wheel" (optional),
     "figures": [{"what": "…", "value": 37106, "target": ">= 50,000", "note": "…"}, …]}

`value` is a number or text ("16.2 / 26.0"); `target` and `note` are optional.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Run:
    """One recorded run of a benchmark."""

    benchmark: str
    command: str
    measured: str
    commit: str
    machine: str
    figures: list[dict[str, Any]]
    build: str | None = None

    @classmethod
    def read(cls, path: Path) -> Run:
        return cls(**json.loads(path.read_text(encoding="utf-8")))


def _value(value: int | float | str) -> str:
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:.2f}" if isinstance(value, float) else value


def table(runs: list[Run]) -> str:
    """The figures of every run, a row each, then the machines they ran on."""
    machines = sorted({r.machine for r in runs})
    lines = [
        "| benchmark | measured | result | target | note | when, commit | machine |",
        "| --- | --- | ---: | --- | --- | --- | --- |",
    ]
    for run in runs:
        for f in run.figures:
            note = "; ".join(n for n in (run.build, f.get("note")) if n)
            cells = [
                f"`{run.benchmark}`",
                f["what"],
                f"**{_value(f['value'])}**",
                f.get("target", ""),
                note,
                f"{run.measured}, {run.commit}",
                f"[{machines.index(run.machine) + 1}]",
            ]
            lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    lines += [f"[{i}] {machine}  " for i, machine in enumerate(machines, 1)]
    return "\n".join(lines).rstrip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()
    runs = [Run.read(p) for p in sorted(args.results.glob("*.json"))]
    print(table(runs))


if __name__ == "__main__":
    main()
