#!/usr/bin/env python3
"""Interrupt dipline for real and check that output files are written whole or
not at all: start a long run on a big generated input, wait until its temporary
output file exists (so the signal lands mid-write), send SIGINT (or SIGTERM,
SIGHUP), and check that the process died of that signal, that no temporary file
is left, and that the output file holds its old bytes (or, when the signal came
just after the rename, a complete log).

    tests/cli/interrupt.py DIPLINE SYNTH_TIMELINE SOURCE_ROOT

Exit 0 pass, 1 fail, 77 skip (under DIPLINE_TEST_WRAPPER: too slow for valgrind).
"""
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def articles_jsonl(src, path, n):
    """n articles made of the fixtures' texts, as JSON Lines."""
    texts = []
    for f in sorted(glob.glob(os.path.join(src, "fixtures", "articles", "*.json"))):
        with open(f, encoding="utf-8") as fh:
            texts.append(json.load(fh)["text"])
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            art = {"id": f"a{i}", "published": "2022-02-10", "text": texts[i % len(texts)]}
            out.write(json.dumps(art) + "\n")


def complete_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            json.load(f)
        return True
    except (OSError, ValueError):
        return False


def interrupt(cmd, out, sig, tmp, old=b"OLD OUTPUT\n", delay=0.05, must_die=True):
    """Run cmd, signal it once the temporary file beside `out` exists (then
    `delay` seconds more); returns a list of failures.  Whole or nothing: `out`
    afterwards holds its old bytes (or does not exist), or, when the signal
    came after the rename, a complete new log."""
    out_dir, out_name = os.path.split(out)
    pattern = os.path.join(out_dir, "." + out_name + ".*")
    for attempt in range(4):
        if old is not None:
            with open(out, "wb") as f:
                f.write(old)
        elif os.path.exists(out):
            os.unlink(out)
        env = dict(os.environ, DIPLINE_NO_PROGRESS="1")
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        deadline = time.monotonic() + 120
        seen = False
        while time.monotonic() < deadline and p.poll() is None:
            if glob.glob(pattern):
                seen = True
                if delay:
                    time.sleep(delay)  # inside the write
                break
            time.sleep(0.001)
        if p.poll() is None:
            break
        p.wait()
        delay /= 5  # it finished first: signal sooner
    name = signal.Signals(sig).name
    what = f"{' '.join(cmd[1:3])} + {name}"
    if p.poll() is not None:
        return [f"{what}: finished (exit {p.returncode}) before the signal four times; "
                f"temporary file seen: {seen}; make the input bigger"]
    p.send_signal(sig)
    try:
        p.wait(timeout=60)
    except subprocess.TimeoutExpired:
        p.kill()
        return [f"{what}: still running 60 s after the signal"]
    failures = []
    if not seen:
        failures.append(f"{what}: no temporary file {pattern} appeared")
    # a run signalled just as it ended may exit 0, with its output complete
    finished = p.returncode == 0 and not must_die and os.path.exists(out) and complete_json(out)
    if p.returncode != -sig and not finished:
        failures.append(f"{what}: exit {p.returncode}, want death by {name} ({-sig})")
    left = glob.glob(pattern)
    if left:
        failures.append(f"{what}: temporary files left: {left}")
    if os.path.exists(out):
        with open(out, "rb") as f:
            now = f.read()
        if now != old and not complete_json(out):
            failures.append(f"{what}: {out} is neither the old output nor a complete log ({len(now)} bytes)")
    elif old is not None:
        failures.append(f"{what}: the earlier {out} is gone")
    return failures


def main():
    if os.environ.get("DIPLINE_TEST_WRAPPER"):
        print("skip: too slow under a wrapper")
        return 77
    dipline, synth, src = (os.path.abspath(a) for a in sys.argv[1:4])
    tmp = tempfile.mkdtemp(prefix="dipline-int-")
    failures = []
    try:
        arts = os.path.join(tmp, "articles.jsonl")
        articles_jsonl(src, arts, 4000)
        log = os.path.join(tmp, "log.json")
        subprocess.run([synth, "--events", "60000", "-o", log], check=True, stdout=subprocess.DEVNULL)
        dicts = [f"--{k}={src}/tests/data/{k}.txt" for k in ("actors", "agents", "roles")]
        out = os.path.join(tmp, "out.json")
        # extract: the output is open from the start; old output kept
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            failures += interrupt([dipline, "extract", "-q"] + dicts + [arts, "-o", out], out, sig, tmp)
        # no earlier output: none afterwards
        os.unlink(out)
        failures += interrupt([dipline, "extract", "-q"] + dicts + [arts, "-o", out], out, signal.SIGINT, tmp,
                              old=None)
        # merge writes at the end: interrupted while writing
        failures += interrupt([dipline, "merge", "-q", log, "-o", out], out, signal.SIGINT, tmp, delay=0,
                              must_die=False)
        # build: the events file, then the picture
        failures += interrupt([dipline, "build", "-q"] + dicts + [arts, "--events", out, "-o",
                               os.path.join(tmp, "t.svg")], out, signal.SIGINT, tmp, delay=0,
                              must_die=False)
        for f in glob.glob(os.path.join(tmp, ".t.svg.*")):
            failures.append(f"build + SIGINT: temporary picture {f} left")
        svg = os.path.join(tmp, "t.svg")
        if os.path.exists(svg) and not open(svg, "rb").read().rstrip().endswith(b"</svg>"):
            failures.append("build + SIGINT: a partial picture")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL " + f)
    if not failures:
        print("ok: interrupted runs leave no partial output and no temporary file")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
