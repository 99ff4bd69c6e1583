#!/bin/sh
# End-to-end test of `dipline timex`: JSON and TimeML output on our fixtures,
# the TimeML text kept byte for byte, exit statuses.
#   tests/cli/timex.sh DIPLINE SOURCE_ROOT
set -u
dipline=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# JSON: the fixture's expressions, with values
"$dipline" timex -q "$root/fixtures/timex/moscow-talks.txt" > "$tmp/out.json" || fail "json run"
grep -q '"value": "2022-02-10"' "$tmp/out.json" || fail "json: no 2022-02-10"
grep -q '"text": "The previous day"' "$tmp/out.json" || fail "json: no 'The previous day'"
grep -q '"role": "until"' "$tmp/out.json" || fail "json: no until role"

# TimeML out of an article, then TimeML in again: the same text
"$dipline" timex -q --format timeml -o "$tmp/tml" "$root/fixtures/timex/moscow-talks.txt" \
    "$root/fixtures/timex/geneva-round.txt" || fail "timeml run"
[ -f "$tmp/tml/moscow-talks.tml" ] && [ -f "$tmp/tml/geneva-round.tml" ] || fail "timeml: files missing"
grep -q '<TIMEX3 tid="t2" type="DATE" value="2022-02-10"' "$tmp/tml/moscow-talks.tml" || fail "timeml: Thursday tag"
"$dipline" timex -q --format timeml -o "$tmp/again.tml" "$tmp/tml/moscow-talks.tml" || fail "timeml re-read"
sed -e 's/<[^>]*>//g' "$tmp/tml/moscow-talks.tml" > "$tmp/a.txt"
sed -e 's/<[^>]*>//g' "$tmp/again.tml" > "$tmp/b.txt"
cmp -s "$tmp/a.txt" "$tmp/b.txt" || fail "timeml: text changed on a second pass"
# the article body survives exactly (XML-escaped, so compare decoded)
awk 'body { print; next } /^$/ { body = 1 }' "$root/fixtures/timex/moscow-talks.txt" > "$tmp/body.txt"
python3 - "$tmp/tml/moscow-talks.tml" "$tmp/body.txt" <<'PY' || fail "timeml: text is not the article body"
import html, re, sys
x = open(sys.argv[1], encoding="utf-8").read()
text = html.unescape(re.sub(r"<[^>]*>", "", x[x.index("<TEXT>") + 6:x.index("</TEXT>")]))
sys.exit(0 if text == open(sys.argv[2], encoding="utf-8").read() else 1)
PY

# exit statuses: bad usage 2, bad input 1, nothing written on bad input
"$dipline" timex > /dev/null 2>&1; [ $? -eq 2 ] || fail "no input: want exit 2"
"$dipline" timex --format xml x > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad format: want exit 2"
"$dipline" timex --dct 2022-02-30 x > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad --dct: want exit 2"
printf '<TimeML><TEXT>never closed' > "$tmp/bad.tml"
"$dipline" timex -o "$tmp/bad.json" "$tmp/bad.tml" > /dev/null 2> "$tmp/err"; [ $? -eq 1 ] || fail "bad TimeML: want exit 1"
grep -q 'bad.tml:1' "$tmp/err" || fail "bad TimeML: no file:line in the message"
[ ! -e "$tmp/bad.json" ] || fail "bad TimeML: output file written"
"$dipline" timex --help | grep -q 'Usage: dipline timex' || fail "--help"
echo "ok"
