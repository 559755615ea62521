"""Writes crates/byline-entities/data/first_names.tsv: first names and the gender their
bearers are usually referred to with, from the 1990 US Census name files (public domain;
shipped in the PyPI package `names` 0.3.0 as dist.male.first and dist.female.first).

    pip download names==0.3.0 --no-deps -d names-src && tar xzf names-src/names-0.3.0.tar.gz -C names-src
    python3 scripts/census_first_names.py names-src/names-0.3.0/names > crates/byline-entities/data/first_names.tsv

A name is kept when its share among one sex is at least ten times its share among the
other (names given to both, "Jordan", "Taylor", are left out) and it reaches 0.002 % of
that sex (the rarest are mostly spelling variants); each line: Name, tab, M or F.
"""

from __future__ import annotations

import sys
from pathlib import Path

RATIO = 10.0
MIN_SHARE = 0.002  # percent of the sex


def shares(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, share, _cumulative, _rank = line.split()
        out[name.capitalize()] = float(share)
    return out


def main(folder: str) -> None:
    male = shares(Path(folder) / "dist.male.first")
    female = shares(Path(folder) / "dist.female.first")
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= MIN_SHARE and m >= RATIO * f:
            rows.append(f"{name}\tM")
        elif f >= MIN_SHARE and f >= RATIO * m:
            rows.append(f"{name}\tF")
    sys.stdout.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
