#!/usr/bin/env python3
"""Check the verb dictionary (data/verbs.txt) and the composition table
(data/compose.txt) for mistakes the loader would accept silently.

    tools/check_verbs.py [--data DIR] [--forms]

Checks:
  - every [CODE] (verbs, blocks, patterns) is a code of data/cameo.tsv ([---] = none);
  - every &SYNSET a pattern uses is defined before the pattern (the loader
    drops patterns with unknown synsets without a word);
  - every pattern has a '*', balanced parentheses and braces, and no item
    (a/b/c alternatives) of 255 characters or more (the loader drops the
    whole pattern without a word);
  - block headers are well formed and their flags known;
  - no verb is defined twice, and no surface form ("met", "called off") of one
    verb is also a form of a verb in another block: the engine takes the first
    definition, so the later one would never be used (a noun block and a verb
    block may share a word: that is the noun/verb choice);
  - compose.txt rows are MAIN COMPLEMENT RESULT, MAIN and COMPLEMENT prefixes of
    existing codes, RESULT an existing code.
Exit status 1 when anything is wrong (each problem printed as FILE:LINE: message).
--forms prints every verb form with its block, for reading.
"""
import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FLAGS = {"speech", "symmetric", "intransitive", "noun", "reverse", "paired"}


def load_codes(path):
    codes = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            codes.add(line.split("\t")[0].strip())
    return codes


def load_irregular(path):
    irr = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip().lower()
            if not line:
                continue
            parts = line.split()
            if len(parts) == 3:
                irr[parts[0]] = parts[1].split("/") + parts[2].split("/")
    return irr


# ---- inflection, as src/lexicon/morph.c does it -------------------------------

def _vowel(c):
    return c in "aeiou"


def _cvc(w):
    if len(w) < 3:
        return False
    a, b, c = w[-3], w[-2], w[-1]
    return not _vowel(a) and _vowel(b) and not _vowel(c) and c not in "wxy"


def _syllables(w):
    return sum(1 for i, ch in enumerate(w) if _vowel(ch) and (i == 0 or not _vowel(w[i - 1])))


def verb_forms(w, irr):
    last, prev = (w[-1] if w else ""), (w[-2] if len(w) > 1 else "")
    if last in "sxz" or (last == "h" and prev in "cs") or (last == "o" and not _vowel(prev)):
        s = w + "es"
    elif last == "y" and not _vowel(prev):
        s = w[:-1] + "ies"
    else:
        s = w + "s"
    forms = {w, s}
    if w == "be":
        forms |= {"is", "are", "am"}
    if last == "e":
        ed = [w + "d"]
        ing = [w + "ing"] if prev in "eyo" else [w[:-2] + "ying"] if prev == "i" else [w[:-1] + "ing"]
    elif last == "y" and not _vowel(prev):
        ed, ing = [w[:-1] + "ied"], [w + "ing"]
    elif last == "c":
        ed, ing = [w + "ked"], [w + "king"]
    elif _cvc(w):
        ed, ing = [w + last + "ed"], [w + last + "ing"]
        if _syllables(w) > 1 or last == "l":
            ed.append(w + "ed")
            ing.append(w + "ing")
    else:
        ed, ing = [w + "ed"], [w + "ing"]
    forms |= set(ing)
    forms |= set(irr[w]) if w in irr else set(ed)
    return forms


def plural(w):
    last, prev = (w[-1] if w else ""), (w[-2] if len(w) > 1 else "")
    if len(w) > 2 and w.endswith("is"):
        return w[:-2] + "es"
    if last in "sxz" or (last == "h" and prev in "cs"):
        return w + "es"
    if last == "y" and not _vowel(prev):
        return w[:-1] + "ies"
    if len(w) > 2 and w.endswith("man"):
        return w[:-3] + "men"
    return w + "s"


def split_verb(tok):
    """'+call_off' -> (['call', 'off'], 0); 'test-fire' -> (['test', '-', 'fire'], 2)."""
    words, head = [], 0
    for piece in tok.split("_"):
        if not piece:
            continue
        is_head = piece.startswith("+")
        piece = piece.lstrip("+").lower()
        parts = piece.split("-")
        for i, p in enumerate(parts):
            if p:
                words.append(p)
            if i < len(parts) - 1:
                words.append("-")
        if is_head and words:
            head = len(words) - 1
    return words, head


# ---- the checker ------------------------------------------------------------------

class Checker:
    def __init__(self, data):
        self.data = data
        self.codes = load_codes(os.path.join(data, "cameo.tsv"))
        self.irr = load_irregular(os.path.join(data, "irregular_verbs.txt"))
        self.errors = 0
        self.synsets = {}
        self.blocks = []  # (name, code, flags, line)
        self.verbs = {}  # lemma -> (block index, line)
        self.forms = {}  # surface form -> list of (block index, lemma, line)
        self.stats = {}
        self.pattern_roots = {}

    def err(self, fname, line, msg):
        self.errors += 1
        print(f"{fname}:{line}: {msg}")

    def code_ok(self, code):
        return code == "---" or code in self.codes

    def check_codes_in(self, fname, ln, text):
        for m in re.finditer(r"\[([^\]]*)\]", text):
            for part in m.group(1).split(":"):
                part = part.strip()
                if not self.code_ok(part):
                    self.err(fname, ln, f"unknown CAMEO code [{part}]")

    def pattern(self, fname, ln, body):
        lb = body.rfind("[")
        if lb < 0:
            self.err(fname, ln, "pattern without [CODE]")
            return
        self.check_codes_in(fname, ln, body[lb:])
        code = body[lb + 1:].split("]")[0].split(":")[0].strip()
        self.pattern_roots[code[:2] if code != "---" else "--"] = self.pattern_roots.get(code[:2] if code != "---" else "--", 0) + 1
        items = body[:lb]
        if "*" not in items.split() and " * " not in f" {items} ":
            self.err(fname, ln, "pattern without '*'")
        if items.count("(") != items.count(")"):
            self.err(fname, ln, "unbalanced parentheses")
        if items.count("{") != items.count("}"):
            self.err(fname, ln, "unbalanced braces")
        for tok in re.split(r"[\s()]+", items):
            if len(tok.strip("{}")) >= 255:
                self.err(fname, ln, f"pattern item of {len(tok)} characters: the loader drops items of 255 or more")
        for m in re.finditer(r"&([A-Za-z0-9_]+)", items):
            if m.group(1).lower() not in self.synsets:
                self.err(fname, ln, f"synset &{m.group(1)} used before it is defined")
        b = self.blocks[-1]
        self.stats.setdefault(b[1][:2] or "--", [0, 0, 0])[2] += 1

    def verb(self, fname, ln, s, bi):
        tok = re.split(r"[\s\[{]", s, maxsplit=1)[0]
        rest = s[len(tok):]
        self.check_codes_in(fname, ln, rest.split("{")[0])
        words, head = split_verb(tok)
        if not words:
            self.err(fname, ln, "empty verb")
            return
        lemma = " ".join(words)
        noun = "noun" in self.blocks[bi][2]
        if (lemma, noun) in self.verbs:
            pb, pl = self.verbs[(lemma, noun)]
            self.err(fname, ln, f"{'noun' if noun else 'verb'} '{lemma}' already defined at line {pl} "
                                f"(block {self.blocks[pb][0]})")
            return
        self.verbs[(lemma, noun)] = (bi, ln)
        code = (re.search(r"\[([^\]]*)\]", rest.split("{")[0]) or [None, self.blocks[bi][1]])[1]
        self.stats.setdefault((code or "---")[:2] if code != "---" else self.blocks[bi][1][:2] or "--", [0, 0, 0])[1] += 1
        if noun:
            heads = {words[-1], plural(words[-1])}
            variants = [words[:-1] + [h] for h in heads]
        else:
            variants = [words[:head] + [f] + words[head + 1:] for f in verb_forms(words[head], self.irr)]
        extra = re.search(r"\{([^}]*)\}", rest)
        if extra:
            for f in extra.group(1).split():
                variants.append(split_verb(f)[0])
        for v in variants:
            key = (" ".join(v), noun)
            for (ob, olemma, oline) in self.forms.get(key, []):
                if ob != bi:
                    self.err(fname, ln, f"form '{key[0]}' of '{lemma}' is also a form of '{olemma}' "
                                        f"(line {oline}, block {self.blocks[ob][0]}); only the first is used")
            self.forms.setdefault(key, []).append((bi, lemma, ln))

    def check_verbs(self):
        fname = os.path.join(self.data, "verbs.txt")
        cur_syn = None
        block = None
        with open(fname, encoding="utf-8") as f:
            lines = f.read().split("\n")
        for ln, raw in enumerate(lines, 1):
            s = raw.split("#")[0].strip()
            if not s:
                continue
            if s.startswith("&"):
                name = s[1:].split()[0].lower()
                if name in self.synsets:
                    self.err(fname, ln, f"synset &{name} defined twice")
                self.synsets[name] = ln
                cur_syn, block = name, None
                continue
            if s.startswith("+") and cur_syn and block is None:
                continue
            if s.startswith("---"):
                cur_syn = None
                m = re.match(r"---\s*(\S+)\s*(\[[^\]]*\])?\s*(.*?)\s*-*\s*$", s)
                if not m:
                    self.err(fname, ln, "bad block header")
                    continue
                name, code, flags = m.group(1), (m.group(2) or "[---]")[1:-1], m.group(3).split()
                if not self.code_ok(code):
                    self.err(fname, ln, f"unknown CAMEO code [{code}]")
                for fl in flags:
                    if fl not in FLAGS and not re.fullmatch(r"negated=[0-9]+", fl):
                        self.err(fname, ln, f"unknown block flag '{fl}'")
                    elif fl.startswith("negated=") and not self.code_ok(fl[8:]):
                        self.err(fname, ln, f"unknown CAMEO code in {fl}")
                self.blocks.append((name, "" if code == "---" else code, flags, ln))
                self.stats.setdefault(code[:2] if code != "---" else "--", [0, 0, 0])[0] += 1
                block = len(self.blocks) - 1
                continue
            if s.startswith("~"):
                continue
            if block is None:
                self.err(fname, ln, "verb or pattern outside a block")
                continue
            if s.startswith("-"):
                self.pattern(fname, ln, s[1:])
            else:
                self.verb(fname, ln, s, block)

    def check_compose(self):
        fname = os.path.join(self.data, "compose.txt")
        seen = {}
        with open(fname, encoding="utf-8") as f:
            for ln, raw in enumerate(f, 1):
                s = raw.split("#")[0].strip()
                if not s:
                    continue
                parts = s.split()
                if len(parts) != 3:
                    self.err(fname, ln, "expected: MAIN COMPLEMENT RESULT")
                    continue
                main, comp, res = parts
                for p in (main, comp):
                    if not any(c.startswith(p) for c in self.codes):
                        self.err(fname, ln, f"'{p}' is no prefix of a CAMEO code")
                if res not in self.codes:
                    self.err(fname, ln, f"unknown CAMEO code {res}")
                if (main, comp) in seen:
                    self.err(fname, ln, f"rule {main} {comp} already at line {seen[(main, comp)]}")
                seen[(main, comp)] = ln


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(HERE, "..", "data"))
    ap.add_argument("--forms", action="store_true", help="print every verb form and its block")
    ap.add_argument("--stats", action="store_true", help="print blocks/verbs/patterns per CAMEO root")
    args = ap.parse_args()
    c = Checker(args.data)
    c.check_verbs()
    c.check_compose()
    if args.forms:
        for (form, noun), owners in sorted(c.forms.items()):
            print(f"{form}\t{'noun' if noun else 'verb'}\t{c.blocks[owners[0][0]][0]}")
    if args.stats:
        print("root  blocks  verbs  patterns   (blocks by default code, verbs by their own code,")
        print("                               patterns by the code they give; '--' = no code)")
        for root in sorted(set(c.stats) | set(c.pattern_roots)):
            b, v, _ = c.stats.get(root, [0, 0, 0])
            print(f"{root:>4}  {b:6d}  {v:5d}  {c.pattern_roots.get(root, 0):8d}")
        tot = [sum(x[i] for x in c.stats.values()) for i in range(2)]
        print(f"total {tot[0]:6d}  {tot[1]:5d}  {sum(c.pattern_roots.values()):8d}")
    if c.errors:
        print(f"\n{c.errors} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
