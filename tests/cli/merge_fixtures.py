#!/usr/bin/env python3
"""End-to-end check of `dipline merge` on the fixtures (exit 77 = skipped when they are absent).

    merge_fixtures.py [--dipline build/dipline] [--fixtures fixtures] [--scorer PATH]

Builds an event log from the fixtures' gold mentions (tools/gold2log.py: one event per mention, as
a perfect extractor would write them), merges it, and checks that
  - every happening of timeline_gold.json reported by two or more articles comes out as one event
    carrying the mentions of all those articles;
  - every input mention is in the output exactly once, and the stats add up
    (in = out + folded, mentions_in = mentions_out);
  - the merge does not depend on input order: the events shuffled, or split into two logs merged
    separately and then together, give byte-identical timelines;
  - with ../shared present: timeline F1 >= 0.70 with at most 5% duplicates.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
failures = []


def check(ok, msg):
    if not ok:
        failures.append(msg)


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        print(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr}", file=sys.stderr)
        sys.exit(1)
    return r


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dipline", default=os.path.join(ROOT, "build", "dipline"))
    ap.add_argument("--fixtures", default=os.path.join(ROOT, "fixtures"))
    ap.add_argument("--scorer", default=os.path.join(ROOT, "..", "shared", "eval", "score_events.py"))
    args = ap.parse_args()
    fx = args.fixtures
    if not all(os.path.exists(os.path.join(fx, p)) for p in ("articles", "gold", "timeline_gold.json")):
        print(f"skipped: no fixtures in {fx}")
        return 77
    g2l = [sys.executable, os.path.join(ROOT, "tools", "gold2log.py"), fx]
    timeline = load(os.path.join(fx, "timeline_gold.json"))
    timeline = timeline["events"] if isinstance(timeline, dict) else timeline
    with tempfile.TemporaryDirectory() as tmp:
        log, merged = os.path.join(tmp, "log.json"), os.path.join(tmp, "merged.json")
        run(g2l + ["-o", log])
        r = run([args.dipline, "merge", log, "-o", merged])
        check(re.search(r"in \d+ events, out \d+, folded \d+", r.stderr), f"no summary on stderr: {r.stderr!r}")
        events = load(log)["events"]
        out = load(merged)

        # Where did each input event's mention go?
        where = {}
        for i, ev in enumerate(out["events"]):
            for m in ev["mentions"]:
                mid = (m.get("coded") or {}).get("id", ev["id"])
                check(mid not in where, f"mention {mid} is in the output twice")
                where[mid] = i
        check(sorted(where) == sorted(e["id"] for e in events), "input and output mentions differ")

        multi = [t for t in timeline if len(set(t["articles"])) >= 2]
        check(multi, "the fixtures have no happening reported by two articles")
        for t in multi:
            homes = {where.get(m) for m in t["mentions"]}
            if len(homes) != 1 or None in homes:
                failures.append(f"{t['timeline_id']} ({len(set(t['articles']))} articles) came out as "
                                f"{len(homes)} events")
                continue
            arts = {m["article"] for m in out["events"][homes.pop()]["mentions"]}
            check(set(t["articles"]) <= arts, f"{t['timeline_id']}: mentions of {set(t['articles']) - arts} missing")

        s = out.get("stats") or {}
        check(s.get("in") == len(events) and s.get("in") == s.get("out", 0) + s.get("folded", 0),
              f"stats do not add up: {s}")
        check(s.get("mentions_in") == s.get("mentions_out") == len(events), f"mention counts: {s}")

        # Order independence and associativity, through the command line.
        shuffled, merged2 = os.path.join(tmp, "shuffled.json"), os.path.join(tmp, "merged2.json")
        run(g2l + ["-o", shuffled, "--shuffle", "--seed", "7"])
        run([args.dipline, "merge", "-q", shuffled, "-o", merged2])
        check(open(merged, "rb").read() == open(merged2, "rb").read(), "shuffled input: different output")
        doc = load(shuffled)
        half = len(doc["events"]) // 2
        parts = []
        for k, evs in enumerate((doc["events"][:half], doc["events"][half:])):
            p = os.path.join(tmp, f"part{k}.json")
            with open(p, "w", encoding="utf-8") as f:
                json.dump(dict(doc, events=evs), f)
            run([args.dipline, "merge", "-q", "--format", "jsonl", p, "-o", p + ".merged"])
            parts.append(p + ".merged")
        merged3 = os.path.join(tmp, "merged3.json")
        run([args.dipline, "merge", "-q", parts[1], parts[0], "-o", merged3])
        a, b = load(merged), load(merged3)
        check(a["events"] == b["events"], "merging two partial timelines differs from merging at once")

        if os.path.exists(args.scorer):
            r = run([sys.executable, args.scorer, "--gold", fx, "--timeline", merged])
            m = re.search(r"F1=([0-9.]+)\s+\(distinct matched=\d+ system=(\d+) gold=\d+ duplicates=(\d+)", r.stdout)
            f1, n_sys, dup = float(m.group(1)), int(m.group(2)), int(m.group(3))
            print(f"timeline F1 {f1:.3f}, {dup} duplicates of {n_sys} events")
            check(f1 >= 0.70, f"timeline F1 {f1:.3f} < 0.70")
            check(dup <= 0.05 * n_sys, f"{dup} duplicates > 5% of {n_sys}")

    for f in failures:
        print("FAIL:", f)
    if not failures:
        print(f"ok: {len(multi)} multi-article happenings merged, {len(events)} mentions kept")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
