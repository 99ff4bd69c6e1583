#!/bin/sh
# End-to-end tests of `dipline render`: exit statuses, errors with file and
# line, no partial or temporary files, the three formats, the same bytes
# from two runs.   render.sh DIPLINE SOURCE_ROOT
D=$1
SRC=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# expect STATUS DESCRIPTION -- COMMAND...
expect() {
    want=$1; what=$2; shift 3
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" = "$want" ]; then ok; else bad "$what: exit $got, wanted $want ($(cat "$T/err"))"; fi
}
SMALL="$SRC/tests/render/small.json"

expect 0 "--help" -- "$D" render --help
grep -q "Usage: dipline render" "$T/out" && ok || bad "--help prints the usage"
expect 2 "no timeline" -- "$D" render
expect 2 "unknown option" -- "$D" render --bogus "$SMALL"
expect 2 "unknown extension" -- "$D" render -o "$T/x.txt" "$SMALL"
expect 2 "bad date" -- "$D" render --from 2022-13-01 -o "$T/x.png" "$SMALL"
expect 2 "bad theme" -- "$D" render --theme neon -o "$T/x.png" "$SMALL"
expect 2 "height too small for the lanes" -- "$D" render --layout lanes -H 200 -o "$T/x.png" "$SMALL"
expect 1 "missing file" -- "$D" render -o "$T/x.png" "$T/none.json"
printf '{"schema":"dipline/events/1","events":[{"id":"x",' >"$T/cut.json"
expect 1 "truncated log" -- "$D" render -o "$T/x.png" "$T/cut.json"
grep -q "cut.json:1" "$T/err" && ok || bad "the error names file and line: $(cat "$T/err")"
printf '{"schema":"dipline/events/1","events":[]}' >"$T/empty.json"
expect 1 "no events" -- "$D" render -o "$T/x.png" "$T/empty.json"
expect 1 "nothing in the dates" -- "$D" render --from 2030-01-01 -o "$T/x.png" "$SMALL"
[ ! -e "$T/x.png" ] && ok || bad "a failed render left an output file"
[ -z "$(ls -A "$T" | grep '^\.')" ] && ok || bad "a temporary file was left behind"

for f in png svg pdf; do
    expect 0 "render to $f" -- "$D" render -q -o "$T/a.$f" "$SMALL"
    expect 0 "render to $f again" -- "$D" render -q -o "$T/b.$f" "$SMALL"
    cmp -s "$T/a.$f" "$T/b.$f" && ok || bad "two renders to $f differ"
done
head -c 8 "$T/a.png" | od -An -c | grep -q "P   N   G" && ok || bad "not a PNG"
head -c 5 "$T/a.pdf" | grep -q "%PDF-" && ok || bad "not a PDF"
grep -q "<svg" "$T/a.svg" && ok || bad "not an SVG"
expect 0 "SVG on standard output" -- "$D" render --layout lanes --theme dark -W 800 "$SMALL"
grep -q 'width="800px"' "$T/out" && ok || bad "SVG on stdout has the width asked for"
expect 0 "PNG on stdout with --format" -- "$D" render -f png -o - --dpi 192 --actors "Sergey Lavrov,UKR" "$SMALL"
head -c 8 "$T/out" | od -An -c | grep -q "P   N   G" && ok || bad "stdout PNG"
expect 0 "list with a title, dates and print theme" -- "$D" render -q --layout list --title "Crisis diplomacy" \
    --from 2022-02-01 --to 2022-02-28 --theme print -o "$T/l.pdf" "$SMALL"
expect 0 "from standard input" -- sh -c "\"$D\" render -q -o \"$T/s.svg\" - < \"$SMALL\""

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
