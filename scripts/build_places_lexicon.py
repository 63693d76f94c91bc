"""Build lexicons/places.tsv from an administrative-division table.

The table is `adcodes.csv` (columns adcode,name,...) as shipped by the MIT-licensed
`cpca` package; it is read once at development time, never at run time:

    pip download --no-deps cpca==0.5.5 && unzip cpca-0.5.5-*.whl
    python scripts/build_places_lexicon.py cpca/resources/adcodes.csv cpca/resources/56_nations.csv

Each output row: name, level (province|city|county), short name, city, province.
The short name is what news writes without the suffix (许昌市 → 许昌, 宽城满族自治县 → 宽城).
"""

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "lexicons" / "places.tsv"
SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "新区",
    "林区",
    "省",
    "市",
    "县",
    "区",
    "盟",
    "旗",
)


def short_name(name: str, nations: list[str]) -> str:
    base = name
    for suffix in SUFFIXES:
        if base.endswith(suffix) and len(base) > len(suffix) + 1:
            base = base[: -len(suffix)]
            break
    # 宽城满族 → 宽城, 新疆维吾尔 → 新疆, 巍山彝族回族 → 巍山
    changed = True
    while changed:
        changed = False
        for nation in nations:
            for form in (nation, nation.removesuffix("族")):
                if len(form) > 1 and base.endswith(form) and len(base) > len(form) + 1:
                    base = base[: -len(form)]
                    changed = True
    return base if len(base) >= 2 else name


def main(adcodes: str, nations_csv: str) -> None:
    nations = sorted(
        (line.strip() for line in Path(nations_csv).read_text(encoding="utf-8").splitlines()),
        key=len,
        reverse=True,
    )
    with open(adcodes, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_code = {r["adcode"]: r["name"] for r in rows}
    out = []
    for r in rows:
        code, name = r["adcode"], r["name"]
        if not re.fullmatch(r"\d{12}", code) or name in ("市辖区", "县", "省直辖县级行政区划"):
            continue
        province = by_code.get(code[:2] + "0" * 10, "")
        if code[2:] == "0" * 10:
            level, city = "province", ""
        elif code[4:] == "0" * 8:
            level, city = "city", name
        else:
            level = "county"
            city = by_code.get(code[:4] + "0" * 8, "")
            if city in ("市辖区", "县", "省直辖县级行政区划", ""):
                city = province if province.endswith("市") else ""
        out.append((name, level, short_name(name, nations), city, province))
    out.sort(key=lambda row: ({"province": 0, "city": 1, "county": 2}[row[1]], row[0]))
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# built by scripts/build_places_lexicon.py\nname\tlevel\tshort\tcity\tprovince\n")
        for row in out:
            f.write("\t".join(row) + "\n")
    print(f"{len(out)} places → {OUT}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
