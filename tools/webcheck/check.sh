#!/usr/bin/env bash
# Load dipline's web exports in the real consumers, under node + jsdom:
#   tools/webcheck/check.sh timelinejs FILE.json    (TimelineJS 3)
#   tools/webcheck/check.sh vis FILE.json           (vis-timeline)
#   tools/webcheck/check.sh --installed             (exit 0 if ready, 77 if not)
# The libraries are installed from npm on first use (package.json pins
# them) into ${XDG_CACHE_HOME:-~/.cache}/dipline-webcheck, never into the
# source tree.  Needs node and npm.  Exit 77 when they are missing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cache=${DIPLINE_WEBCHECK_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dipline-webcheck}
ready() { [ -x "$cache/node_modules/.bin/esbuild" ] && [ -d "$cache/node_modules/@knight-lab/timelinejs/src" ]; }
if [ "${1:-}" = "--installed" ]; then
    command -v node >/dev/null && ready && exit 0
    exit 77
fi
[ $# = 2 ] || { echo "usage: $0 timelinejs|vis FILE" >&2; exit 2; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "skip: node and npm are needed" >&2; exit 77; }
if ! ready; then
    mkdir -p "$cache"
    cp "$here/package.json" "$cache/"
    (cd "$cache" && npm install --no-audit --no-fund --loglevel=error >/dev/null) || { echo "npm install failed" >&2; exit 77; }
fi
case $1 in timelinejs | vis) ;; *) echo "usage: $0 timelinejs|vis FILE" >&2; exit 2 ;; esac
cp "$here/setup.mjs" "$here/$1.mjs" "$cache/"
(cd "$cache" && ./node_modules/.bin/esbuild "$1.mjs" --bundle --platform=node --format=esm \
    --external:jsdom --outfile="$1.bundle.mjs" --log-level=error)
node "$cache/$1.bundle.mjs" "$2"
