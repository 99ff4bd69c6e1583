#!/usr/bin/env python3
"""End-to-end test runner: runs the dipline program as a user would and checks
exit status, output text and JSON.  Each test is a data file in tests/cli/cases/:

    # what the case checks (comment lines start with '#')
    args: extract --date 2022-02-10 {src}/fixtures/articles/truss-moscow.json
    stdin <<END            (optional: text fed to standard input, up to END)
    ...
    END
    needs: shared          (optional: skip unless ../shared/eval exists)
    exit: 0
    stdout: some text      (must occur in standard output; repeatable)
    stderr: some text      (must occur in standard error; repeatable)
    no-stderr: text        (must not occur)
    output: {tmp}/out.json (read this file instead of stdout for json checks)
    absent: {tmp}/out.json (no file matches afterwards; a glob: {tmp}/.out.json.*)
    exists: {tmp}/t.png    (this file exists afterwards and is not empty)
    generate: {tmp}/big.txt EXPR   (before the run: write the Python expression's
                            value, str or bytes, to the file; `random` is seeded)
    seconds: 60            (the run must take at most this long; not checked
                            under a wrapper)
    heavy: why             (skip under a wrapper: too slow for valgrind)

DIPLINE_TEST_WRAPPER (environment), e.g. "valgrind --leak-check=full
--errors-for-leak-kinds=definite --error-exitcode=99", runs the program under
that command; its exit status 99 fails the case whatever `exit:` says.
    json: PATH OP VALUE    (PATH like events.length, events[0].actor.country,
                            events[*].action.root; OP: == != >= <= contains all-in)

{src} is the source tree, {tmp} a fresh folder, {shared} the evaluation data.
Exit 0 pass, 1 fail, 77 skip (meson's skip code).
"""
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time


def parse(path):
    case = {"checks": [], "stdin": None}
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.strip() or line.startswith("#"):
            continue
        m = re.match(r"stdin <<(\w+)$", line)
        if m:
            body = []
            while i < len(lines) and lines[i] != m.group(1):
                body.append(lines[i])
                i += 1
            i += 1
            case["stdin"] = "\n".join(body) + "\n"
            continue
        key, _, val = line.partition(":")
        case["checks"].append((key.strip(), val.strip()))
    return case


def walk(obj, path):
    """Values at a dotted path; '[*]' fans out, '.length' counts."""
    vals = [obj]
    for part in re.findall(r"[^.\[\]]+|\[\*\]|\[\d+\]", path):
        nxt = []
        for v in vals:
            if part == "[*]":
                nxt.extend(v if isinstance(v, list) else [])
            elif part.startswith("["):
                k = int(part[1:-1])
                if isinstance(v, list) and k < len(v):
                    nxt.append(v[k])
            elif part == "length":
                nxt.append(len(v) if isinstance(v, (list, dict, str)) else 0)
            elif isinstance(v, dict) and part in v:
                nxt.append(v[part])
        vals = nxt
    return vals


def literal(s):
    try:
        return json.loads(s)
    except ValueError:
        return s


def main():
    dipline, path = os.path.abspath(sys.argv[1]), sys.argv[2]
    src = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    shared = os.path.abspath(os.path.join(src, "..", "shared"))
    case = parse(path)
    wrapper = os.environ.get("DIPLINE_TEST_WRAPPER", "").split()
    if wrapper and any(k == "heavy" for k, _ in case["checks"]):
        print("skip: too heavy under " + wrapper[0])
        return 77
    tmp = tempfile.mkdtemp(prefix="dipline-cli-")
    subst = lambda s: s.replace("{src}", src).replace("{tmp}", tmp).replace("{shared}", shared)
    try:
        args, out_file = None, None
        for k, v in case["checks"]:
            if k == "needs" and v == "shared" and not os.path.isdir(os.path.join(shared, "eval")):
                print("skip: ../shared is absent")
                return 77
            if k == "args":
                args = subst(v).split()
            if k == "output":
                out_file = subst(v)
            if k == "generate":
                target, expr = subst(v).split(None, 1)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                random.seed(1)
                value = eval(expr, {"random": random})
                with open(target, "wb") as f:
                    f.write(value.encode("utf-8") if isinstance(value, str) else value)
        env = dict(os.environ, DIPLINE_NO_PROGRESS="1", NO_COLOR="1")
        started = time.monotonic()
        p = subprocess.run(wrapper + [dipline] + args, input=case["stdin"], capture_output=True, text=True, env=env,
                           cwd=src, timeout=1800, errors="replace")
        took = time.monotonic() - started
        failures = []
        if wrapper and p.returncode == 99:
            failures.append(f"{wrapper[0]} found errors (exit 99)")
        data = None
        for k, v in case["checks"]:
            v = subst(v)
            if k == "exit" and p.returncode != int(v):
                failures.append(f"exit status {p.returncode}, want {v}")
            elif k == "stdout" and v not in p.stdout:
                failures.append(f"stdout lacks {v!r}")
            elif k == "stderr" and v not in p.stderr:
                failures.append(f"stderr lacks {v!r}")
            elif k == "no-stderr" and v in p.stderr:
                failures.append(f"stderr has {v!r}")
            elif k == "exists" and not (os.path.isfile(v) and os.path.getsize(v) > 0):
                failures.append(f"{v} is missing or empty")
            elif k == "absent" and glob.glob(v):
                failures.append(f"{v} exists: {glob.glob(v)}")
            elif k == "seconds" and took > float(v) and not wrapper:
                failures.append(f"took {took:.1f} s, more than {v} s")
            elif k == "json":
                if data is None:
                    text = open(out_file, encoding="utf-8").read() if out_file else p.stdout
                    try:
                        data = json.loads(text)
                    except ValueError as e:
                        failures.append(f"output is not JSON: {e}")
                        break
                path_, op, want = (v.split(None, 2) + ["", ""])[:3]
                got = walk(data, path_)
                w = literal(want)
                ok = {
                    "==": lambda: len(got) == 1 and got[0] == w,
                    "!=": lambda: len(got) == 1 and got[0] != w,
                    ">=": lambda: len(got) == 1 and got[0] >= w,
                    "<=": lambda: len(got) == 1 and got[0] <= w,
                    "contains": lambda: w in got,
                    "all-in": lambda: all(g in w for g in got) and len(got) > 0,
                }.get(op, lambda: False)()
                if not ok:
                    failures.append(f"json {path_} {op} {want}: got {got[:8]}")
        if failures:
            print(f"FAIL {os.path.basename(path)}: {' '.join(args)}")
            for f in failures:
                print("  " + f)
            print("--- stderr:\n" + p.stderr[-2000:])
            return 1
        print(f"ok {os.path.basename(path)}")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
