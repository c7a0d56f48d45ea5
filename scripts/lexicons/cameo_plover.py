#!/usr/bin/env python3
"""Convert PLOVER's CAMEO→PLOVER table into the `cameo` lexicon table.

Usage: python3 scripts/lexicons/cameo_plover.py [SHARED_DIR] > lexicons/cameo.tsv

Reads SHARED_DIR/lexicon-sources/plover/CAMEO2PLOVER-2021.txt (default SHARED_DIR: ../shared)
and writes one row per CAMEO code: code, PLOVER category, mode, context, description.
"""
import os
import re
import sys

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared")
src = os.path.join(shared, "lexicon-sources", "plover", "CAMEO2PLOVER-2021.txt")

print("# table: cameo")
print("# source: openeventdata/PLOVER@5e0c24fb:CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, 2021), "
      "converted by scripts/lexicons/cameo_plover.py")
print("# licence: CC BY-SA 4.0 (PLOVER)")
print("# columns: code\tplover\tmode\tcontext\tdescription")
seen = set()
with open(src, encoding="utf-8") as f:
    for line in f:
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#\s*(.*))?$", line.rstrip("\n"))
        if not m:
            continue
        code, plover, mode, context, desc = (x.strip() if x else "" for x in m.groups())
        if code in seen:
            continue
        seen.add(code)
        print("\t".join([code, plover, mode, context.replace(";", ",").replace("  ", " "), desc]))
