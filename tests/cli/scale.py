#!/usr/bin/env python3
"""Scale-out properties of extract and merge, on a small generated corpus
(scripts/bench_corpus.py, fixed seed) with the test dictionaries:

  - `extract -j 1` and `-j 4` write the same bytes (JSON Lines and JSON);
  - extract is stateless per article: the corpus split in 4, each part
    extracted as a mapper would be (JSON Lines on stdin, events on stdout),
    gives, concatenated, the events of one whole run;
  - merge is an associative, order-free reduce: merging the 4 parts, in any
    order, or merging merged halves, gives the timeline of one whole run;
  - empty standard input is an empty stream for both.

    scale.py DIPLINE SOURCE_ROOT
"""
import os
import subprocess
import sys
import tempfile


def main():
    dipline, src = sys.argv[1], sys.argv[2]
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    sys.path.insert(0, os.path.join(src, "scripts"))
    import bench_corpus

    dicts = []
    for opt, name in (("--actors", "actors"), ("--roles", "roles"), ("--agents", "agents")):
        dicts += [opt, os.path.join(src, "tests", "data", name + ".txt")]
    failures = []

    def run(args, stdin=None):
        p = subprocess.run([dipline] + args, input=stdin, capture_output=True)
        if p.returncode != 0:
            sys.exit("FAIL: dipline %s: exit %d\n%s" % (" ".join(args), p.returncode, p.stderr.decode()))
        return p.stdout

    def same(what, a, b):
        if a != b:
            failures.append(what)
        print(("ok   " if a == b else "FAIL ") + what)

    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        n_articles, n_sentences, _ = bench_corpus.generate(corpus, 0.3, seed=5)
        whole = run(["extract", "-q", "-j", "1", "-f", "jsonl"] + dicts + [corpus])
        n_events = whole.count(b"\n")
        print("%d articles, %d sentences, %d events" % (n_articles, n_sentences, n_events))
        if n_events < 200:
            sys.exit("FAIL: only %d events: the test would prove little" % n_events)
        same("extract -j 4 == -j 1 (jsonl)", run(["extract", "-q", "-j", "4", "-f", "jsonl"] + dicts + [corpus]), whole)
        same("extract -j 3 == -j 1 (json)", run(["extract", "-q", "-j", "3"] + dicts + [corpus]),
             run(["extract", "-q", "-j", "1"] + dicts + [corpus]))

        lines = open(corpus, "rb").read().splitlines(keepends=True)
        k = (len(lines) + 3) // 4
        parts = [b"".join(lines[i * k:(i + 1) * k]) for i in range(4)]
        mapped = []
        for i, part in enumerate(parts):
            out = run(["extract", "-q", "-j", "1", "-f", "jsonl"] + dicts + ["-"], stdin=part)
            path = os.path.join(tmp, "part%d.jsonl" % i)
            open(path, "wb").write(out)
            mapped.append(path)
        same("4 mappers, concatenated == one extract", b"".join(open(p, "rb").read() for p in mapped), whole)

        whole_log = os.path.join(tmp, "whole.jsonl")
        open(whole_log, "wb").write(whole)
        timeline = run(["merge", "-q", "-f", "jsonl", whole_log])
        same("merge of the 4 parts == merge of the whole", run(["merge", "-q", "-f", "jsonl"] + mapped), timeline)
        same("merge of the parts in another order", run(["merge", "-q", "-f", "jsonl"] + mapped[::-1]), timeline)
        same("merge from standard input (a reducer)", run(["merge", "-q", "-f", "jsonl", "-"], stdin=whole), timeline)
        halves = []
        for i, pair in enumerate((mapped[:2], mapped[2:])):
            path = os.path.join(tmp, "half%d.json" % i)
            open(path, "wb").write(run(["merge", "-q"] + pair))
            halves.append(path)
        same("merge of merged halves == merge of the whole", run(["merge", "-q", "-f", "jsonl"] + halves), timeline)

        same("extract of empty standard input: nothing", run(["extract", "-q", "-f", "jsonl", "-"], stdin=b""), b"")
        same("merge of empty standard input: nothing", run(["merge", "-q", "-f", "jsonl", "-"], stdin=b""), b"")
    if failures:
        sys.exit("FAIL: " + "; ".join(failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
