#!/usr/bin/env python3
"""Write the dipline(1) man page from the program's own help.

    tools/mkman.py DIPLINE OUTPUT [--date YYYY-MM-DD]

Runs `DIPLINE --help`, `DIPLINE --version` and `DIPLINE COMMAND --help` for
every command listed, and turns the text into troff (man macros): the
overview, one subsection per command with its options as tagged paragraphs,
then the environment, exit status and files that every command shares.  The
build runs it (meson custom_target), so the page never drifts from --help.
The date defaults to $SOURCE_DATE_EPOCH, else the version is the only stamp.
"""
import datetime
import os
import re
import subprocess
import sys



def run(prog, *args):
    p = subprocess.run([prog, *args], capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1"))
    if p.returncode != 0:
        sys.exit(f"mkman: {prog} {' '.join(args)} exited {p.returncode}")
    return p.stdout


def esc(s):
    s = s.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + s if s[:1] in (".", "'") else s


def bold_options(s):
    """Escape a line, setting options (--format, -o) in bold."""
    out, last = [], 0
    for m in re.finditer(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", s):
        out.append(esc(s[last:m.start()]))
        out.append("\\fB" + esc(m.group(1)) + "\\fR")
        last = m.end()
    out.append(esc(s[last:]))
    return "".join(out)


def option_spec(spec):
    """"-o, --output FILE" -> options in bold, arguments in italics."""
    parts = []
    for w in spec.split(" "):
        if w.startswith("-"):
            parts.append("\\fB" + esc(w.rstrip(",")) + "\\fR" + ("," if w.endswith(",") else ""))
        else:
            parts.append("\\fI" + esc(w) + "\\fR")
    return " ".join(parts)


def help_to_troff(text, skip_usage=True):
    """The body of one --help text as troff lines."""
    lines = text.rstrip("\n").split("\n")
    out, para = [], []

    def flush():
        if para:
            out.append(".PP")
            out.extend(bold_options(p) for p in para)
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if skip_usage and line.startswith("Usage:"):
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        if re.match(r"^(  -\w|      --\w)", line):
            flush()
            spec, _, desc0 = line.strip().partition("   ")
            desc = [desc0.strip()]
            i += 1
            while i < len(lines) and lines[i].startswith(" " * 8) and not re.match(r"^(  -\w|      --\w)", lines[i]):
                desc.append(lines[i].strip())
                i += 1
            out.append(".TP")
            out.append(option_spec(spec.strip()))
            out.append(bold_options(" ".join(d for d in desc if d)))
            continue
        if re.match(r"^[A-Z][\w ]*:$", line):  # "Options:", "Output:"
            flush()
            out.append(".PP")
            out.append("\\fB" + esc(line[:-1]) + "\\fR")
            i += 1
            continue
        para.append(line.strip())
        i += 1
    flush()
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    prog, output = sys.argv[1], sys.argv[2]
    version = run(prog, "--version").split()[-1]
    top = run(prog, "--help")
    commands = []
    in_cmds = False
    for line in top.split("\n"):
        if line.startswith("Commands:"):
            in_cmds = True
            continue
        if in_cmds:
            m = re.match(r"^  (\w+)\s+(.*)$", line)
            if not m:
                break
            commands.append((m.group(1), m.group(2)))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    date = datetime.datetime.utcfromtimestamp(int(epoch)).strftime("%Y-%m-%d") if epoch else ""
    intro = [l for l in top.split("\n")[2:] if l.strip()][:2]

    t = []
    t.append(f'.TH DIPLINE 1 "{date}" "dipline {version}" "User Commands"')
    t.append(".SH NAME")
    t.append("dipline \\- news articles to dated diplomatic events and timeline graphics")
    t.append(".SH SYNOPSIS")
    for name, _ in commands:
        usage = run(prog, name, "--help").split("\n")[0]
        usage = usage[len("Usage: "):] if usage.startswith("Usage: ") else usage
        words = usage.split()
        t.append(".br")
        t.append("\\fBdipline " + esc(words[1]) + "\\fR " + esc(" ".join(words[2:])))
    t.append(".br")
    t.append("\\fBdipline\\fR \\fBhelp\\fR \\fICOMMAND\\fR | \\fB\\-\\-version\\fR | \\fB\\-\\-help\\fR")
    t.append(".SH DESCRIPTION")
    t.append(".PP")
    t.extend(esc(l) for l in intro)
    t.append(".PP")
    t.append("Every command reads files, folders or \\fB\\-\\fR (standard input), writes its output whole "
             "or not at all, and shows progress on standard error only when that is a terminal.")
    t.append(".SH COMMANDS")
    for name, summary in commands:
        t.append(f".SS \\fBdipline {esc(name)}\\fR \\(em {esc(summary)}")
        t.extend(help_to_troff(run(prog, name, "--help")))
    t.append(".SH ENVIRONMENT")
    for var, what in [
        ("NO_COLOR", "when set and not empty, error messages are not coloured (they are coloured only on a terminal)."),
        ("DIPLINE_NO_PROGRESS", "when set, no progress bar is shown even on a terminal (so is \\fB\\-q\\fR)."),
        ("DIPLINE_FONT_DIR", "a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf, for systems that keep the "
                             "DejaVu fonts elsewhere than /usr/share/fonts/truetype/dejavu."),
        ("SOURCE_DATE_EPOCH", "the creation date written into PDF pictures (default: the last event's day)."),
    ]:
        t.append(".TP")
        t.append("\\fB" + esc(var) + "\\fR")
        t.append(what)
    t.append(".SH EXIT STATUS")
    t.append("0 success, 1 bad input (with file, line and reason on standard error), 2 bad usage.")
    t.append(".SH EXAMPLES")
    t.append(".nf")
    t.append("dipline extract \\-\\-date 2022\\-02\\-10 \\-o events.json articles/")
    t.append("dipline merge \\-o timeline.json events.json more\\-events.json")
    t.append("dipline render \\-o timeline.png timeline.json")
    t.append("dipline build \\-o timeline.svg \\-\\-events timeline.json articles/")
    t.append("dipline build \\-\\-format timelinejs \\-\\-events story.json articles/")
    t.append("dipline extract \\-\\-format csv \\-o events.csv articles/")
    t.append(".fi")
    t.append(".SH SEE ALSO")
    t.append("The event log schema (dipline/events/1), the dictionary formats (data/FORMAT.md) and the "
             "C library (libdipline, \\fBpkg\\-config \\-\\-cflags \\-\\-libs dipline\\fR) are described in the "
             "README of the source distribution.")
    tmp = output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(t) + "\n")
    os.replace(tmp, output)


if __name__ == "__main__":
    main()
