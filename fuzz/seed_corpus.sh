#!/usr/bin/env bash
# Seeds the fuzz corpora from the reference and test datasets.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/load corpus/roundtrip corpus/values corpus/report
for f in ../data/reference.json ../tests/data/*.json; do
  [ -f "$f" ] || continue
  cp "$f" "corpus/load/$(basename "$f")"
  cp "$f" "corpus/roundtrip/$(basename "$f")"
  cp "$f" "corpus/report/$(basename "$f")"
done
i=0
for v in SEN SN XKX 2001 2001-10 2001-10-05 2001/.. /2003 10:00 --07-25 "32000.00 USD" USD E40-800 LM.0123 MIDWA https://www.iom.int/ completed; do
  printf '%s' "$v" > "corpus/values/seed$i"; i=$((i+1))
done
