#!/usr/bin/env python3
"""Load dipline's exports the way their users do, and check them.

    tools/check_exports.py --dipline build/dipline [--tricky LOG] INPUT...

For the articles INPUT (files or folders) it runs `dipline extract` in the
JSON format (the reference) and in every export format, and `dipline merge`
of that log in the export formats; for --tricky, an event log with hostile
strings (commas, quotes, line breaks, tabs, HTML, non-ASCII, padding), it
runs `dipline merge`.  Then:

  csv         Python's csv module (the reader pandas, R and spreadsheets
              agree with): the ICEWS header, 14 fields a row, one row per
              event in order, Event ID / CAMEO Code / Story ID / Sentence
              Number equal to the log's, Event Date YYYY-MM-DD, and every
              name read back exactly as written (quoting of , " CR LF)
  tsv         csv module with tabs and no quoting (how GDELT files are read):
              GDELT column names, a full row per event, SQLDATE YYYYMMDD,
              EventCode/EventRootCode equal to the log's, no tab or line
              break inside a value
  timelinejs  the TimelineJS 3 JSON format as documented by Knight Lab
              (timeline.knightlab.com/docs/json-format.html): an "events"
              list of slides with a start_date whose year is a number and
              month/day in range, end_date not before start_date, text
              {headline, text} strings, unique unique_ids, group strings, an
              optional title slide; HTML special characters of the log's
              strings escaped
  vis         vis-timeline items and groups: unique item ids, content and
              start on every item, dates vis reads (ISO), "range" items with
              an end after the start, every item's group among the groups,
              unique group ids

When pandas is installed, the CSV and TSV must also read into the same
table with pandas.read_csv.  Exit 0 when everything holds; the failures are
listed otherwise.  (The web formats are also loaded in the real libraries by
tools/webcheck/check.sh.)
"""
import argparse
import csv
import datetime
import io
import json
import os
import re
import subprocess
import sys
import tempfile

ICEWS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
         "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
         "Sentence Number", "Publisher"]
GDELT = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
         "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
         "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
         "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
         "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
         "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
         "NumMentions", "NumSources", "NumArticles", "DATEADDED", "SOURCEURL"]

failures = []


def fail(what, msg):
    failures.append(f"{what}: {msg}")


def run(dl, args):
    p = subprocess.run([dl] + args, capture_output=True, env=dict(os.environ, NO_COLOR="1"))
    if p.returncode != 0:
        raise SystemExit(f"dipline {' '.join(args)} failed: {p.stderr.decode()[-500:]}")
    return p.stdout


def articles_of(ev):
    seen = []
    for m in ev.get("mentions", []):
        if m.get("article") and m["article"] not in seen:
            seen.append(m["article"])
    return seen


def check_csv(what, data, events):
    text = data.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or rows[0] != ICEWS:
        fail(what, f"header {rows[0] if rows else None}")
        return
    body = rows[1:]
    if len(body) != len(events):
        fail(what, f"{len(body)} rows for {len(events)} events")
    for r, ev in zip(body, events):
        if len(r) != len(ICEWS):
            fail(what, f"{len(r)} fields in row {r[:2]}")
            continue
        row = dict(zip(ICEWS, r))
        if row["Event ID"] != ev["id"]:
            fail(what, f"Event ID {row['Event ID']!r} != {ev['id']!r}")
        if row["CAMEO Code"] != ev["action"]["code"]:
            fail(what, f"{ev['id']}: CAMEO Code {row['CAMEO Code']!r}")
        if row["Story ID"] != ";".join(articles_of(ev)):
            fail(what, f"{ev['id']}: Story ID {row['Story ID']!r}")
        if ev.get("mentions") and row["Sentence Number"] != str(ev["mentions"][0]["sentence"] + 1):
            fail(what, f"{ev['id']}: Sentence Number {row['Sentence Number']!r}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["Event Date"]):
            fail(what, f"{ev['id']}: Event Date {row['Event Date']!r}")
        for side, col in (("actor", "Source Name"), ("target", "Target Name")):
            e = ev.get(side)
            if e and e.get("name") and e["name"] != row[col]:
                # a name is written as it is, unless it is only the country's name
                if e.get("country") and row[col].endswith(f"({row[col.replace('Name', 'Country')]})"):
                    continue
                fail(what, f"{ev['id']}: {col} {row[col]!r} != {e['name']!r}")
        if row["Intensity"]:
            float(row["Intensity"])


def check_tsv(what, data, events):
    text = data.decode("utf-8")
    lines = text.split("\n")
    if lines[-1] != "":
        fail(what, "no final newline")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or rows[0] != GDELT:
        fail(what, f"header {rows[0] if rows else None}")
        return
    body = rows[1:]
    if len(body) != len(events):
        fail(what, f"{len(body)} rows for {len(events)} events")
    for r, ev in zip(body, events):
        if len(r) != len(GDELT):
            fail(what, f"{len(r)} fields (a tab or line break inside a value?) in {r[:3]}")
            continue
        row = dict(zip(GDELT, r))
        if not re.fullmatch(r"\d{8}", row["SQLDATE"]):
            fail(what, f"SQLDATE {row['SQLDATE']!r}")
        if row["EventCode"] != ev["action"]["code"] or row["EventRootCode"] != ev["action"]["code"][:2]:
            fail(what, f"{ev['id']}: EventCode {row['EventCode']!r}")
        if int(row["NumArticles"]) != len(articles_of(ev)) or int(row["NumMentions"]) != len(ev["mentions"]):
            fail(what, f"{ev['id']}: counts {row['NumMentions']}/{row['NumArticles']}")


def tl_date(what, d, where):
    if not isinstance(d, dict):
        fail(what, f"{where}: not a date object")
        return None
    y = d.get("year")
    if isinstance(y, str) and re.fullmatch(r"-?\d+", y):
        y = int(y)
    if not isinstance(y, int):
        fail(what, f"{where}: year {y!r} is not a number")
        return None
    m, day = d.get("month", 1), d.get("day", 1)
    for k, v, lo, hi in (("month", m, 1, 12), ("day", day, 1, 31)):
        if not isinstance(v, int) or not lo <= v <= hi:
            fail(what, f"{where}: {k} {v!r}")
            return None
    try:
        return datetime.date(y, m, day)
    except ValueError as e:
        fail(what, f"{where}: {e}")
        return None


def no_raw_html(what, s, where):
    """The log's strings go into HTML escaped: no tag survives."""
    if re.search(r"<(?!/?(p|blockquote|a)\b)[a-zA-Z/]", s):
        fail(what, f"{where}: unescaped markup in {s[:80]!r}")


def check_timelinejs(what, data, events):
    doc = json.loads(data)
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        fail(what, "no events list")
        return
    known = {"events", "title", "eras", "scale"}
    if set(doc) - known:
        fail(what, f"unknown members {set(doc) - known}")
    if "scale" in doc and doc["scale"] not in ("human", "cosmological"):
        fail(what, f"scale {doc['scale']!r}")
    dated = [e for e in events if e["date"].get("start")]
    if len(doc["events"]) != len(dated):
        fail(what, f"{len(doc['events'])} slides for {len(dated)} dated events")
    ids = set()
    for i, s in enumerate(doc["events"]):
        where = f"slide {i}"
        start = tl_date(what, s.get("start_date"), where + " start_date")
        if "end_date" in s:
            end = tl_date(what, s["end_date"], where + " end_date")
            if start and end and end < start:
                fail(what, f"{where}: end_date before start_date")
        t = s.get("text")
        if t is not None and not (isinstance(t, dict) and all(isinstance(t.get(k, ""), str) for k in ("headline", "text"))):
            fail(what, f"{where}: text {t!r}")
        if t:
            no_raw_html(what, t.get("headline", ""), where + " headline")
            no_raw_html(what, t.get("text", ""), where + " text")
        for k in ("group", "display_date", "unique_id"):
            if k in s and not isinstance(s[k], str):
                fail(what, f"{where}: {k} not a string")
        uid = s.get("unique_id")
        if uid in ids:
            fail(what, f"{where}: unique_id {uid!r} repeated")
        ids.add(uid)
        if "media" in s and not (isinstance(s["media"], dict) and "url" in s["media"]):
            fail(what, f"{where}: media without url")
    title = doc.get("title")
    if title is not None and not (isinstance(title, dict) and isinstance(title.get("text", {}), dict)):
        fail(what, "title is not a slide")


def iso(s):
    try:
        return datetime.date.fromisoformat(s)
    except (TypeError, ValueError):
        return None


def check_vis(what, data, events):
    doc = json.loads(data)
    items, groups = doc.get("items"), doc.get("groups")
    if not isinstance(items, list) or not isinstance(groups, list):
        fail(what, "items and groups must be lists")
        return
    dated = [e for e in events if e["date"].get("start")]
    if len(items) != len(dated):
        fail(what, f"{len(items)} items for {len(dated)} dated events")
    gids = [g.get("id") for g in groups]
    if len(set(gids)) != len(gids):
        fail(what, "group ids repeated")
    for g in groups:
        if not isinstance(g.get("content"), str) or not g["content"]:
            fail(what, f"group {g.get('id')} without content")
        else:
            no_raw_html(what, g["content"], f"group {g.get('id')}")
    ids = set()
    for it in items:
        where = f"item {it.get('id')}"
        if it.get("id") in ids:
            fail(what, f"{where}: id repeated")
        ids.add(it.get("id"))
        if not isinstance(it.get("content"), str) or not it["content"]:
            fail(what, f"{where}: no content")
        else:
            no_raw_html(what, it["content"], where)
            no_raw_html(what, it.get("title", ""), where + " title")
        start, end = iso(it.get("start")), iso(it.get("end")) if "end" in it else None
        if not start:
            fail(what, f"{where}: start {it.get('start')!r}")
        if it.get("type") not in ("box", "point", "range", "background"):
            fail(what, f"{where}: type {it.get('type')!r}")
        if it.get("type") == "range" and not (end and start and end > start):
            fail(what, f"{where}: a range needs an end after its start")
        if it.get("group") not in gids:
            fail(what, f"{where}: group {it.get('group')!r} is not among the groups")


def with_pandas(what, data, fmt, events):
    """When pandas is installed, it must read the same table."""
    try:
        import pandas
    except ImportError:
        return False
    if fmt == "csv":
        d = pandas.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
        want = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    else:
        d = pandas.read_csv(io.BytesIO(data), sep="\t", quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False)
        want = list(csv.reader(io.StringIO(data.decode("utf-8")), delimiter="\t", quoting=csv.QUOTE_NONE))
    if d.shape != (len(events), len(want[0])) or [list(r) for r in d.itertuples(index=False)] != want[1:]:
        fail(what, f"pandas reads {d.shape}, not the csv module's table")
    return True


CHECKS = {"csv": check_csv, "tsv": check_tsv, "timelinejs": check_timelinejs, "vis": check_vis}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dipline", default="build/dipline")
    ap.add_argument("--tricky", help="an event log with hostile strings, exported by merge")
    ap.add_argument("inputs", nargs="*", help="articles (files or folders)")
    a = ap.parse_args()
    counts = {}
    with tempfile.TemporaryDirectory() as tmp:
        runs = []
        if a.inputs:
            log = os.path.join(tmp, "events.json")
            run(a.dipline, ["extract", "-q", "-o", log] + a.inputs)
            runs.append(("extract", log, ["extract", "-q"] + a.inputs))
            merged = json.loads(run(a.dipline, ["merge", "-q", log]))
            runs.append(("merge", merged, ["merge", "-q", log]))
        if a.tricky:
            runs.append(("merge", json.loads(run(a.dipline, ["merge", "-q", a.tricky])), ["merge", "-q", a.tricky]))
        for cmd, ref, args in runs:
            events = (json.load(open(ref)) if isinstance(ref, str) else ref)["events"]
            for fmt, check in CHECKS.items():
                what = f"{cmd} --format {fmt} ({len(events)} events{', tricky' if a.tricky in args else ''})"
                data = run(a.dipline, args[:1] + ["--format", fmt] + args[1:])
                check(what, data, events)
                pandas = fmt in ("csv", "tsv") and with_pandas(what, data, fmt, events)
                counts[what] = what + (" + pandas" if pandas else "")
    for w, label in counts.items():
        print(("FAIL " if any(f.startswith(w + ":") for f in failures) else "ok   ") + label)
    for f in failures[:40]:
        print("  " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
