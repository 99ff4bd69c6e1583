#!/usr/bin/env bash
# `meson install` into a temporary DESTDIR, then check what others rely on:
# the headers and pkg-config file (the README example compiles with
# `pkg-config --cflags --libs dipline` and runs against the installed
# shared library), the program, the man page (renders without warnings and
# covers every command) and the bash completion.
#   tests/install/check.sh BUILD_DIR SOURCE_ROOT
set -eu
BUILD=$1
SRC=$2
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
meson install -C "$BUILD" --destdir "$D" --no-rebuild --quiet >/dev/null
fail() { echo "FAIL: $*"; exit 1; }

pc=$(find "$D" -name dipline.pc | head -1)
[ -n "$pc" ] || fail "no dipline.pc installed"
for h in dipline common article text timex lexicon event extract render merge; do
    [ -n "$(find "$D" -path "*/include/dipline/$h.h")" ] || fail "header dipline/$h.h not installed"
done
# the installed file, with its prefix moved into DESTDIR (a copy: the
# other packages it requires stay where they are)
mkdir "$D/pc"
sed "s|^prefix=\(.*\)|prefix=$D\1|" "$pc" >"$D/pc/dipline.pc"
export PKG_CONFIG_PATH=$D/pc
flags=$(pkg-config --cflags --libs dipline) || fail "pkg-config --cflags --libs dipline"
# shellcheck disable=SC2086
cc -std=c11 -Wall -Wextra -Werror -o "$D/timeline" "$SRC/examples/timeline.c" $flags || fail "the example does not compile with pkg-config's flags"
libdir=$(dirname "$(find "$D" -name 'libdipline.so*' | head -1)")
LD_LIBRARY_PATH=$libdir "$D/timeline" "$D/t.png" >"$D/out.txt" || fail "the example failed: $(cat "$D/out.txt")"
[ -s "$D/t.png" ] || fail "the example wrote no PNG"
grep -q 'events, ' "$D/out.txt" || fail "the example printed no summary"

bin=$(find "$D" -path '*/bin/dipline' | head -1)
[ -x "$bin" ] || fail "no bin/dipline"
"$bin" --version | grep -q '^dipline ' || fail "dipline --version"

man=$(find "$D" -path '*/man1/dipline.1' | head -1)
[ -n "$man" ] || fail "no man page"
if command -v groff >/dev/null; then
    warn=$(groff -man -Tutf8 -ww -z "$man" 2>&1) || fail "groff: $warn"
    [ -z "$warn" ] || fail "groff warns: $warn"
fi
for c in $("$bin" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p'); do
    grep -q "dipline $c" "$man" || fail "the man page lacks the command $c"
done

comp=$(find "$D" -path '*/bash-completion/completions/dipline' | head -1)
[ -n "$comp" ] || fail "no bash completion"
bash -n "$comp" || fail "the completion script does not parse"
echo "ok: install (headers, pkg-config, example, man page, completion)"
