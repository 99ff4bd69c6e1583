#!/usr/bin/env python3
"""What dipline shows on a terminal: standard error on a pseudo-terminal.

    tests/cli/terminal.py DIPLINE SOURCE_ROOT

- an error is red on a terminal, plain with NO_COLOR set or when standard
  error is not a terminal;
- a long extract draws a progress bar ("[###...]  42%") on a terminal, and
  nothing with -q or off a terminal (the bar waits half a second, so it is
  only required when the run took longer than that).
"""
import json
import os
import pty
import select
import subprocess
import sys
import tempfile
import time


def run_on_tty(args, env):
    """Run with stderr on a pseudo-terminal; (exit status, stderr bytes, seconds)."""
    master, slave = pty.openpty()
    t = time.monotonic()
    p = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    out = b""
    while True:
        r, _, _ = select.select([master], [], [], 0.1)
        if r:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
        elif p.poll() is not None:
            break
    p.wait()
    os.close(master)
    return p.returncode, out, time.monotonic() - t


def main():
    dl, src = sys.argv[1], sys.argv[2]
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "DIPLINE_NO_PROGRESS")}
    base["TERM"] = "xterm"
    fails = []

    rc, err, _ = run_on_tty([dl, "extract", "/nonexistent/input"], base)
    if rc != 1 or b"\x1b[1;31m" not in err:
        fails.append(f"no red error on a terminal: {rc} {err!r}")
    rc, err, _ = run_on_tty([dl, "extract", "/nonexistent/input"], dict(base, NO_COLOR="1"))
    if rc != 1 or b"\x1b[" in err or b"cannot open" not in err:
        fails.append(f"colour despite NO_COLOR: {err!r}")
    p = subprocess.run([dl, "extract", "/nonexistent/input"], capture_output=True, env=base)
    if b"\x1b[" in p.stderr:
        fails.append(f"colour off a terminal: {p.stderr!r}")

    with tempfile.TemporaryDirectory() as tmp:
        arts = []
        for name in sorted(os.listdir(os.path.join(src, "fixtures", "articles"))):
            if name.endswith(".json"):
                arts.append(json.load(open(os.path.join(src, "fixtures", "articles", name), encoding="utf-8")))
        big = os.path.join(tmp, "big.jsonl")
        with open(big, "w", encoding="utf-8") as f:
            for i in range(120):
                for a in arts:
                    f.write(json.dumps(dict(a, id=f"{a.get('id', 'a')}-{i}")) + "\n")
        out = os.path.join(tmp, "out.json")
        rc, err, secs = run_on_tty([dl, "extract", big, "-o", out], base)
        if rc != 0:
            fails.append(f"extract failed: {err[-300:]!r}")
        if secs > 0.8 and not (b"%" in err and b"[#" in err):
            fails.append(f"no progress bar in a {secs:.1f} s run: {err[-300:]!r}")
        if b"dipline extract: " not in err:
            fails.append("no summary")
        rc, err, _ = run_on_tty([dl, "extract", "-q", big, "-o", out], base)
        if err.strip():
            fails.append(f"-q still prints: {err[:200]!r}")
        p = subprocess.run([dl, "extract", big, "-o", out], capture_output=True, env=base)
        if b"%" in p.stderr or b"\r" in p.stderr:
            fails.append(f"progress off a terminal: {p.stderr[:200]!r}")
        print(f"progress run: {secs:.1f} s")

    for f in fails:
        print("FAIL:", f)
    if not fails:
        print("ok: colour and progress on a terminal")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
