"""A post left (免去, 辞去) ends where it is reported: in the graph and in the exports that
give membership times (Popolo's end_date, ORG's memberDuring)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from officials_kg.graph.store import open_store
from officials_kg.graph.to_networkx import to_networkx

NOTICE = """某市日报
2018年7月24日

本报讯 7月23日，泉州市人大常委会召开会议。会议决定：任命王小礼为泉州市人民政府副市长；
免去卢小椿泉州市人民政府副市长职务。
"""
LATER = """某市日报
2018年9月3日

本报讯 9月2日，泉州市政府召开常务会议。副市长王小礼出席会议。
本报讯 9月2日，某书出版座谈会召开，曾任泉州市人民政府副市长的卢小椿谈及往事。副市长卢小椿出席。
"""


def _okg(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "officials_kg.cli.main", *args], check=True, capture_output=True
    )


def _memberships(data: Path, tmp: Path) -> dict[str, tuple[str, str]]:
    out = tmp / "popolo.json"
    _okg("export", "popolo", str(out), "--data", str(data))
    popolo = json.loads(out.read_text(encoding="utf-8"))
    names = {p["id"]: p["name"] for p in popolo["persons"]}
    return {names[m["person_id"]]: (m["start_date"], m["end_date"]) for m in popolo["memberships"]}


def test_a_post_left_ends_on_the_day_reported(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (texts / "later.txt").write_text(LATER, encoding="utf-8")
    data = tmp_path / "data"
    _okg("ingest", str(texts), "--data", str(data))

    store = open_store("embedded", data)
    try:
        graph = to_networkx(store)
    finally:
        store.close()
    left = {
        graph.nodes[a]["name"]: sorted(d.get("left", []))
        for a, _, k, d in graph.edges(keys=True, data=True)
        if k == "HOLDS"
    }
    assert left == {"王小礼": [], "卢小椿": ["2018-07-23"]}
    seen = {
        graph.nodes[a]["name"]: max(d["seen"])
        for a, _, k, d in graph.edges(keys=True, data=True)
        if k == "HOLDS"
    }
    assert seen == {"王小礼": "2018-09-02", "卢小椿": "2018-09-02"}

    # the appointment goes on to the last report; the removal ends on its day, whatever
    # later reports say of the post
    assert _memberships(data, tmp_path) == {
        "王小礼": ("2018-07-23", "2018-09-02"),
        "卢小椿": ("2018-07-23", "2018-07-23"),
    }
