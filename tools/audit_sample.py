#!/usr/bin/env python3
"""Draws the audit sample of the reference data (see data/AUDIT.md).

Usage: python3 tools/audit_sample.py [REFERENCE_JSON]

Without an argument the sample is drawn over data/reference.json as it stood at
commit 7d2dfb7 (read with `git show`), so that later corrections to the file do
not change the sample. With an argument, the given file is read instead.

The draw is deterministic: a total of at least 40 records is shared out over the
six collections, each collection gets at least 4 records, and the remaining
places are shared in proportion to the collections' sizes (largest remainder).
Within a collection, `random.Random(f"{SEED}:{collection}").sample` picks record
positions (a string seed is hashed the same way on every run); the
positions are those of the file's canonical (sorted) order.
"""

import json
import random
import subprocess
import sys

SEED = 20261208
TOTAL = 40
MINIMUM = 4
BASE_COMMIT = "7d2dfb7"
COLLECTIONS = [
    "member_states",
    "processes",
    "partners",
    "projects",
    "events",
    "memberships",
]


def party(p):
    """A party reference ({"state": "FRA"}) as text ("state:FRA")."""
    return ",".join(f"{k}:{v}" for k, v in sorted(p.items()))


def record_id(collection, record):
    """The identifier printed for a record."""
    if collection == "member_states":
        return record["country"]
    if collection == "memberships":
        parts = [party(record["member"]), party(record["body"]), record["role"]]
        if "scope" in record:
            parts.append(f"scope={record['scope']}")
        if "start" in record:
            parts.append(f"start={record['start']}")
        if "end" in record:
            parts.append(f"end={record['end']}")
        return " | ".join(parts)
    return record["id"]


def quotas(sizes):
    """At least MINIMUM each, the rest of TOTAL in proportion (largest remainder)."""
    rest = TOTAL - MINIMUM * len(sizes)
    whole = sum(sizes.values())
    shares = {c: rest * n / whole for c, n in sizes.items()}
    quota = {c: MINIMUM + int(s) for c, s in shares.items()}
    left = TOTAL - sum(quota.values())
    by_remainder = sorted(sizes, key=lambda c: (-(shares[c] - int(shares[c])), c))
    for c in by_remainder[:left]:
        quota[c] += 1
    return {c: min(q, sizes[c]) for c, q in quota.items()}


def load(argv):
    if len(argv) > 1:
        with open(argv[1], encoding="utf-8") as f:
            return json.load(f)
    text = subprocess.run(
        ["git", "show", f"{BASE_COMMIT}:data/reference.json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(text)


def main(argv):
    doc = load(argv)
    sizes = {c: len(doc[c]) for c in COLLECTIONS}
    quota = quotas(sizes)
    print(f"# seed {SEED}; {sum(quota.values())} records")
    for c in COLLECTIONS:
        rng = random.Random(f"{SEED}:{c}")
        picks = sorted(rng.sample(range(sizes[c]), quota[c]))
        for i in picks:
            print(f"{c}\t{i}\t{record_id(c, doc[c][i])}")


if __name__ == "__main__":
    main(sys.argv)
