#!/usr/bin/env bash
# The web exports in the real libraries (TimelineJS 3, vis-timeline), when
# tools/webcheck has its npm packages already (skipped otherwise: the test
# never downloads).   tests/cli/webcheck.sh DIPLINE SOURCE_ROOT
set -eu
DL=$1
SRC=$2
"$SRC/tools/webcheck/check.sh" --installed || { echo "skip: run tools/webcheck/check.sh once to install"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for f in timelinejs vis; do
    "$DL" build -q --format "$f" --events "$T/fixtures.$f.json" "$SRC/fixtures/articles"
    "$DL" merge -q --format "$f" -o "$T/tricky.$f.json" "$SRC/tests/data/exports/tricky.json"
    "$SRC/tools/webcheck/check.sh" "$f" "$T/fixtures.$f.json"
    "$SRC/tools/webcheck/check.sh" "$f" "$T/tricky.$f.json"
done
