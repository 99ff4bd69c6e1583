#!/usr/bin/env python3
"""Interrupt dipline for real and check that output files are written whole or
not at all: start a long run on a big generated input, wait until its temporary
output file exists (so the signal lands mid-write), send SIGINT (or SIGTERM,
SIGHUP), and check that the process died of that signal, that no temporary file
is left, and that an output file that existed before still holds its old bytes.

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


def interrupt(cmd, out, sig, tmp, old=b"OLD OUTPUT\n"):
    """Run cmd, signal it once the temporary file beside `out` exists;
    returns a list of failures."""
    out_dir, out_name = os.path.split(out)
    pattern = os.path.join(out_dir, "." + out_name + ".*")
    if old is not None:
        with open(out, "wb") as f:
            f.write(old)
    env = dict(os.environ, DIPLINE_NO_PROGRESS="1")
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 120
    seen = False
    while time.monotonic() < deadline and p.poll() is None:
        if glob.glob(pattern):
            seen = True
            time.sleep(0.05)  # well inside the write
            break
        time.sleep(0.002)
    name = signal.Signals(sig).name
    if p.poll() is not None:
        return [f"{' '.join(cmd[1:3])}: finished (exit {p.returncode}) before {name}; "
                f"temporary file seen: {seen}; make the input bigger"]
    p.send_signal(sig)
    try:
        p.wait(timeout=60)
    except subprocess.TimeoutExpired:
        p.kill()
        return [f"{' '.join(cmd[1:3])}: still running 60 s after {name}"]
    failures = []
    what = f"{' '.join(cmd[1:3])} + {name}"
    if not seen:
        failures.append(f"{what}: no temporary file {pattern} appeared")
    if p.returncode != -sig:
        failures.append(f"{what}: exit {p.returncode}, want death by {name} ({-sig})")
    left = glob.glob(pattern)
    if left:
        failures.append(f"{what}: temporary files left: {left}")
    if old is not None:
        with open(out, "rb") as f:
            now = f.read()
        if now != old:
            failures.append(f"{what}: {out} changed ({len(now)} bytes)")
    elif os.path.exists(out):
        failures.append(f"{what}: {out} exists")
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
        failures += interrupt([dipline, "merge", "-q", log, "-o", out], out, signal.SIGINT, tmp)
        # build: the events file, then the picture
        failures += interrupt([dipline, "build", "-q"] + dicts + [arts, "--events", out, "-o",
                               os.path.join(tmp, "t.svg")], out, signal.SIGINT, tmp)
        for f in glob.glob(os.path.join(tmp, ".t.svg.*")) + glob.glob(os.path.join(tmp, "t.svg")):
            failures.append(f"build + SIGINT: picture {f} exists")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL " + f)
    if not failures:
        print("ok: interrupted runs leave no partial output and no temporary file")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
