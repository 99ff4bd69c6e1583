#!/usr/bin/env bash
# The bash completion (scripts/dipline-completion.bash) completes commands,
# options from each command's --help, and the values of --format & co.
#   tests/cli/completion.sh DIPLINE SOURCE_ROOT
set -u
DL=$1
SRC=$2
# shellcheck source=../../scripts/dipline-completion.bash
source "$SRC/scripts/dipline-completion.bash"
comp() {
    COMP_WORDS=("$DL" "$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _dipline
    echo "${COMPREPLY[*]}"
}
fail=0
check() { # want words...
    local want=$1
    shift
    local got
    got=$(comp "$@")
    if [[ " $got " != *" $want "* ]]; then
        echo "FAIL: dipline $* -> '$got' lacks '$want'"
        fail=1
    fi
}
refuse() { # unwanted words...
    local no=$1
    shift
    local got
    got=$(comp "$@")
    if [[ " $got " == *" $no "* ]]; then
        echo "FAIL: dipline $* -> '$got' has '$no'"
        fail=1
    fi
}
check extract ex
check merge ""
check timex ""
check --version --v
check extract help ex
check --format extract --fo
check --keep-going extract --k
check --events build --ev
check --window build --wi
check timelinejs extract --format ti
check vis merge -f v
check csv-dipline build --format csv-
check png render -f p
check timeml timex --format t
check lanes render --layout l
check dark render --theme d
refuse --events extract --ev
[ $fail = 0 ] && echo "ok: bash completion"
exit $fail
