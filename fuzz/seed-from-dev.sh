#!/usr/bin/env bash
# Copies a few texts of the dev sets (../../shared/eval/dev) and the reference article into
# fuzz/dev-corpus/engine as article files ("date YYYY-MM-DD" header, then the text), as extra
# seeds for the engine target. The texts belong to their publishers: the directory is
# git-ignored and stays on this machine; only the synthetic seeds in fuzz/seeds/ are committed.
# Usage: fuzz/seed-from-dev.sh [TEXTS_PER_SET]   (default 20)
set -euo pipefail
cd "$(dirname "$0")"
per_set=${1:-20}
shared=../../shared
out=dev-corpus/engine
mkdir -p "$out"
cp "$shared/fixtures/ukraine-talks-2025-03-23.txt" "$out/reference.txt"
python3 - "$shared/eval/dev" "$out" "$per_set" <<'PY'
import json, pathlib, sys
dev, out, per_set = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
for path in sorted(dev.glob("*.jsonl")):
    with path.open(encoding="utf-8") as lines:
        for n, line in zip(range(per_set), lines):
            record = json.loads(line)
            header = f"date {record['date']}\n" if record.get("date") else ""
            (out / f"{path.stem}-{n:03}.txt").write_text(header + record["text"], encoding="utf-8")
PY
echo "$(ls "$out" | wc -l) seeds in fuzz/$out"
