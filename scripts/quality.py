#!/usr/bin/env python3
"""Quality gate: score the CLI on the dev sets and compare with the committed baseline.

Usage: python3 scripts/quality.py [--sitrep target/release/sitrep] [--shared ../shared]
                                  [--baseline docs/quality-baseline.json] [--write-baseline]

Runs ../shared/eval/check_seed.py on the reference article (must pass) and
../shared/eval/evaluate.py on ../shared/eval/dev, prints the headline figures, and exits 1 when
any headline figure is more than 0.02 below the baseline (or the seed check fails).
--write-baseline stores the figures as the new baseline instead of comparing.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

TOLERANCE = 0.02


def headline(summary, sets):
    """The figures the gate watches, by name."""
    out = {
        "trigger_f1_exhaustive": summary.get("trigger_f1_exhaustive"),
        "trigger_recall_all": summary.get("trigger_recall_all"),
        "statement_f1": summary.get("statement_f1"),
        "strike_f1": summary.get("strike_f1"),
        "event_f1_exhaustive": summary.get("event_f1_exhaustive"),
        # Speakers, contents, attackers, targets, ... of the events found.
        "argument_f1": summary.get("arg_f1"),
    }
    for key in ("muc4_doc_f1", "muc4_grit_f1", "plover_sent_recall", "plover_stance_recall"):
        if key in summary:
            out[key] = summary[key]
    # The per-set goals of the events issue.
    out["polnear_statement_f1"] = sets.get("polnear", {}).get("statement", {}).get("trigger_f1")
    out["wikievents_strike_trigger_f1"] = sets.get("wikievents", {}).get("strike", {}).get("trigger_f1")
    out["rams_recall"] = sets.get("rams", {}).get("all", {}).get("trigger_r")
    return {k: v for k, v in out.items() if isinstance(v, (int, float))}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sitrep", default="target/release/sitrep")
    ap.add_argument("--shared", default=os.path.join("..", "shared"))
    ap.add_argument("--baseline", default=os.path.join("docs", "quality-baseline.json"))
    ap.add_argument("--write-baseline", action="store_true")
    a = ap.parse_args()
    ev = os.path.join(a.shared, "eval")
    fixture = os.path.join(a.shared, "fixtures", "ukraine-talks-2025-03-23.txt")

    with tempfile.TemporaryDirectory() as tmp:
        pred = os.path.join(tmp, "seed.json")
        with open(pred, "w") as f:
            subprocess.run([a.sitrep, "extract", "--offsets", "code-point", fixture], stdout=f, check=True)
        seed = subprocess.run([sys.executable, os.path.join(ev, "check_seed.py"), "--expected",
                               os.path.join(a.shared, "fixtures", "ukraine-talks-2025-03-23.expected.json"),
                               "--pred", pred], capture_output=True, text=True)
        print(seed.stdout.strip().splitlines()[-1] if seed.stdout.strip() else seed.stderr)
        out_json = os.path.join(tmp, "eval.json")
        run = subprocess.run([sys.executable, os.path.join(ev, "evaluate.py"), "--sitrep", a.sitrep, "--data",
                              os.path.join(ev, "dev"), "--json", out_json], capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stdout[-3000:], run.stderr[-3000:])
            return 1
        print("\n".join(l for l in run.stdout.splitlines() if l.startswith(("quality:", "muc4:", "plover_"))))
        with open(out_json) as f:
            res = json.load(f)
    figures = headline(res["summary"], res)

    if a.write_baseline:
        with open(a.baseline, "w") as f:
            json.dump(figures, f, indent=1, sort_keys=True)
            f.write("\n")
        print(f"baseline written to {a.baseline}")
        return 0 if seed.returncode == 0 else 1

    with open(a.baseline) as f:
        base = json.load(f)
    failed = seed.returncode != 0
    for name, want in sorted(base.items()):
        got = figures.get(name)
        low = got is None or got < want - TOLERANCE
        failed |= low
        print(f"{'FALLEN' if low else 'ok':6} {name}: {got if got is None else f'{got:.3f}'} (baseline {want:.3f})")
    if seed.returncode != 0:
        print("seed check FAILED:\n" + seed.stdout)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
