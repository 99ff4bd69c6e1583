#!/usr/bin/env python3
"""Turn a gold folder's per-mention gold into a dipline/events/1 event log.

Usage: gold2log.py GOLD_DIR [-o LOG] [--perturb KIND[,KIND...]] [--p FRACTION]
                   [--seed N] [--shuffle]

GOLD_DIR has articles/NN.json and gold/NN.json (the layout of fixtures/ and of
../shared/eval/official).  Each gold mention becomes one event, as a perfect
extractor would write it: actor and target with canonical name and country,
the CAMEO code, the date (value, start, end, granularity) from the gold date,
or the article's publication date (basis "publication", inferred) when the
gold date is null, and one mention (article, sentence, byte offsets, text).
Merging that log and scoring it with `score_events.py --timeline` measures the
merger alone, independently of the extractor.

Perturbations (each applied to a random FRACTION of the mentions, default
0.5), to see how the merger copes with what real extractors produce:
  names     drop the actor's and target's names, keep the countries
  weeks     replace a day date by its ISO week ("2022-W06")
  pubdate   replace a day date by the article's publication date (inferred)
  swap      exchange actor and target of symmetric events (meetings, calls)
  all       all of the above
--shuffle writes the events in random order.  Python 3 standard library only.
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import sys

KINDS = ("names", "weeks", "pubdate", "swap")


def interval(value):
    """(start, end, granularity) of a gold date value."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        d = dt.date.fromisoformat(value)
        return d, d, "day"
    m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if m:
        start = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return start, start + dt.timedelta(days=6), "week"
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
        return dt.date(y, mo, 1), nxt - dt.timedelta(days=1), "month"
    if re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31), "year"
    raise ValueError(f"unsupported gold date {value!r}")


def entity(name, country):
    if name is None and country is None:
        return None
    return {"text": name, "name": name, "country": country, "sector": None, "code": country}


def date_obj(value, start, end, gran, basis, inferred):
    return {"value": value, "start": start.isoformat(), "end": end.isoformat(), "granularity": gran,
            "basis": basis, "inferred": inferred}


def convert(gold_dir, kinds, p, rng):
    articles, events = [], []
    for fn in sorted(os.listdir(os.path.join(gold_dir, "articles"))):
        if not fn.endswith(".json"):
            continue
        with open(os.path.join(gold_dir, "articles", fn), encoding="utf-8") as f:
            art = json.load(f)
        aid = art.get("id") or fn[:-5]
        published = dt.date.fromisoformat(str(art["published"])[:10])
        articles.append({"id": aid, "title": art.get("title"), "source": art.get("source"),
                         "url": art.get("url"), "published": str(art["published"])[:10]})
        gpath = os.path.join(gold_dir, "gold", fn)
        if not os.path.exists(gpath):
            continue
        with open(gpath, encoding="utf-8") as f:
            gold = json.load(f)
        gold = gold["events"] if isinstance(gold, dict) else gold
        text = art["text"]
        starts = sorted({g["char_start"] for g in gold})
        for g in gold:
            hit = lambda kind: kind in kinds and rng.random() < p  # noqa: E731
            if g.get("date"):
                # An extractor dates an event by one time expression: a
                # multi-day happening by its first day (date_end is ignored).
                start, end, gran = interval(g["date"])
                date = date_obj(g["date"], start, end, gran, g.get("date_basis"), False)
                if gran == "day" and hit("weeks"):
                    y, w, _ = start.isocalendar()
                    ws, we, _ = interval(f"{y}-W{w:02d}")
                    date = date_obj(f"{y}-W{w:02d}", ws, we, "week", "this week", False)
                elif gran == "day" and hit("pubdate"):
                    date = None
            else:
                date = None
            if date is None:
                date = date_obj(published.isoformat(), published, published, "day", "publication", True)
            actor = entity(g.get("actor"), g.get("actor_country"))
            target = entity(g.get("target"), g.get("target_country"))
            if hit("names"):
                for e in (actor, target):
                    if e:
                        e["name"] = None
            if g.get("symmetric") and target and hit("swap"):
                actor, target = target, actor
            code = str(g.get("cameo_code") or g["action"])
            b0 = len(text[:g["char_start"]].encode("utf-8"))
            b1 = b0 + len(g["sentence"].encode("utf-8"))
            events.append({
                "id": g["id"],
                "date": date,
                "actor": actor or {"text": None, "name": None, "country": None, "sector": None, "code": None},
                "action": {"text": g.get("action_verb"), "code": code, "root": code[:2]},
                "target": target,
                "quote": None,
                "negated": False,
                "hypothetical": g.get("modality") == "planned",
                "confidence": 0.7,
                "mentions": [{"article": aid, "sentence": starts.index(g["char_start"]), "start": b0, "end": b1,
                              "text": g["sentence"]}],
            })
    return articles, events


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", help="gold folder (articles/, gold/)")
    ap.add_argument("-o", "--output", default="-")
    ap.add_argument("--perturb", default="", help="comma-separated: " + ", ".join(KINDS) + ", all")
    ap.add_argument("--p", type=float, default=0.5, help="fraction of mentions perturbed (default 0.5)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shuffle", action="store_true", help="write the events in random order")
    args = ap.parse_args()
    kinds = set(k for k in args.perturb.split(",") if k)
    if "all" in kinds:
        kinds = set(KINDS)
    bad = kinds - set(KINDS)
    if bad:
        ap.error("unknown perturbation: " + ", ".join(sorted(bad)))
    rng = random.Random(args.seed)
    articles, events = convert(args.gold, kinds, args.p, rng)
    if args.shuffle:
        rng.shuffle(events)
    log = {"schema": "dipline/events/1", "generator": "gold2log.py", "events": events, "articles": articles}
    out = sys.stdout if args.output == "-" else open(args.output + ".tmp", "w", encoding="utf-8")
    json.dump(log, out, ensure_ascii=False, indent=1)
    out.write("\n")
    if out is not sys.stdout:
        out.close()
        os.replace(args.output + ".tmp", args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
