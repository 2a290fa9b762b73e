#!/usr/bin/env python3
"""Draws the seeded sample for the second check of newly gathered IDF projects.

The new records are those of data/gathered/idf_projects.json (the working tree,
or the revision given by --rev) whose JSON text does not occur among the records
of the file on a base revision (--base; default 7d2dfb7, main before the December
2026 projects were merged). The sample is drawn with Python's `random.sample` over the
indexes of the new records, with a fixed seed, and printed sorted.

With --added-only, a record that differs from a base record but has the same key
(IDF code, else title) is an existing record that changed, not a new one, and is
left out.

Usage: python3 tools/recheck_sample.py [--seed N] [--size K] [--base REV] [--rev REV] [--added-only]
The second check of data/AUDIT_PROJECTS.md: --rev fd1181e (the defaults otherwise).
"""

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = "data/gathered/idf_projects.json"


def key(record):
    return record.get("idf_code") or record.get("title") or record.get("description_as_printed")


def canonical(record):
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20261208)
    ap.add_argument("--size", type=int, default=20)
    ap.add_argument("--base", default="7d2dfb7")
    ap.add_argument("--rev", default=None)
    ap.add_argument("--added-only", action="store_true")
    args = ap.parse_args()
    if args.rev is None:
        current_text = (ROOT / DATA).read_text(encoding="utf-8")
    else:
        current_text = subprocess.check_output(
            ["git", "-C", str(ROOT), "show", f"{args.rev}:{DATA}"]
        ).decode("utf-8")
    current = json.loads(current_text)["projects"]
    base_text = subprocess.check_output(
        ["git", "-C", str(ROOT), "show", f"{args.base}:{DATA}"]
    )
    base_records = json.loads(base_text)["projects"]
    base = {canonical(r) for r in base_records}
    new = [i for i, r in enumerate(current) if canonical(r) not in base]
    if args.added_only:
        base_keys = {key(r) for r in base_records}
        new = [i for i in new if key(current[i]) not in base_keys]
    if len(new) < args.size:
        sys.exit(f"only {len(new)} new records, fewer than {args.size}")
    rng = random.Random(args.seed)
    sample = sorted(rng.sample(new, args.size))
    print(f"seed {args.seed}: {len(new)} new records (indexes {new[0]}..{new[-1]}), sample of {args.size}")
    for i in sample:
        r = current[i]
        name = r.get("title") or r.get("description_as_printed") or ""
        print(f"{i}\t{r.get('idf_code') or '(no code)'}\t{name[:80]}")


if __name__ == "__main__":
    main()
