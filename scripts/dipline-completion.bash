# bash completion for dipline                                   -*- shell-script -*-
#
# Installed as share/bash-completion/completions/dipline; or, by hand:
#   source scripts/dipline-completion.bash
# Commands and options come from the program's own help ('dipline --help',
# 'dipline COMMAND --help'), so they never go stale; values of the options
# that take a fixed set (--format, --layout, ...) are listed here.

_dipline() {
    local cur prev cmd i
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    local prog=${COMP_WORDS[0]}

    # the command: the first word after the program that is not an option
    cmd=
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            -*) ;;
            *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done

    if [[ -z $cmd ]]; then
        local cmds
        cmds=$("$prog" --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p')
        COMPREPLY=($(compgen -W "$cmds help --help --version" -- "$cur"))
        return
    fi
    if [[ $cmd == help ]]; then
        COMPREPLY=($(compgen -W "$("$prog" --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p')" -- "$cur"))
        return
    fi

    # values of options
    case $prev in
        -f|--format)
            case $cmd in
                render) COMPREPLY=($(compgen -W "png svg pdf" -- "$cur")) ;;
                timex) COMPREPLY=($(compgen -W "json timeml" -- "$cur")) ;;
                *) COMPREPLY=($(compgen -W "json jsonl csv tsv timelinejs vis csv-dipline" -- "$cur")) ;;
            esac
            return ;;
        -l|--layout) COMPREPLY=($(compgen -W "lanes list" -- "$cur")); return ;;
        --lanes) COMPREPLY=($(compgen -W "actor country" -- "$cur")); return ;;
        --theme) COMPREPLY=($(compgen -W "light dark print" -- "$cur")); return ;;
        -d|--date|--dct|--from|--to) COMPREPLY=($(compgen -W "$(date +%Y-%m-%d 2>/dev/null)" -- "$cur")); return ;;
        -W|--width|-H|--height|--dpi|--window|--max-lanes|--min-sources|--repeat|-t|--title|-a|--actor|--country|--root)
            return ;;
        -o|--output|-e|--events|--actors|--agents|--roles|--verbs|--rules)
            COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
    esac

    if [[ $cur == -* ]]; then
        local opts
        opts=$("$prog" "$cmd" --help 2>/dev/null | grep -o -- '--[a-z0-9][a-z0-9-]*' | sort -u)
        opts+=" $("$prog" "$cmd" --help 2>/dev/null | grep -o -- '^  -[a-zA-Z]' | tr -d ' ')"
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    # inputs: files and folders
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
}

complete -F _dipline dipline
