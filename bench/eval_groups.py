#!/usr/bin/env python3
"""Scores the armed groups ekg finds in incident texts against the coded perpetrator.

    python3 bench/eval_groups.py ../shared/data/gtd_dev.jsonl [--ekg build/ekg] [--misses N]

The input is JSON Lines with `id`, `text` and `perpetrator` (GTD, RAND and Wikipedia dev sets);
ekg reads the file itself (`ekg extract --format jsonl`). For each record whose perpetrator is
coded, the groups found are the actors of kind `group`; the expected ones are the coded
perpetrator mapped to lexicon ids through the gtd_name column, names and aliases of
data/groups.tsv ("Al-Shabaab (suspected)", "Hamas  Popular Resistance Committees" and RAND's
names cut at 50 characters are handled). "Unknown", "Other" and lone individuals expect no group;
a coded name that maps to no lexicon entry stays expected under its own name, so it counts as
missed. Printed, pooled over the set:
  strict   precision, recall and F1 of group ids
  lenient  the same, counting a branch for its parent and back (AQAP for al-Qaeda)
  lexicon  strict, counting only groups from the lexicon (not those found by pattern)
  ceiling  share of records with a coded group whose group is named in the text in any alias
  coverage share of records with a coded group whose group maps to a lexicon id
The data sets are licensed: pass their path, never copy them into the project.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Coded values that name no group: the record expects none.
NO_GROUP = {"unknown", "other", "individual", "individuals", "lone wolf", "lone wolves",
            "unaffiliated individual", "unaffiliated individuals", "none"}
# Qualifiers the coders add around a name.
QUALIFIERS = re.compile(r"\b(suspected|likely|alleged|possibly|claimed responsibility.*|"
                        r"not verified)\b", re.I)


def fold(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"['’‘`\ufffd]", "", s)
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


class Lexicon:
    """Folded name -> ids, names of each id, and parents, from ekg's lexicon files."""

    def __init__(self, data_dir):
        self.index = collections.defaultdict(set)
        self.names = collections.defaultdict(set)
        self.parent = {}
        self.kind = {}
        for file in ("groups.tsv", "organizations.tsv"):
            for line in open(os.path.join(data_dir, file), encoding="utf-8"):
                if line.startswith("#") or not line.strip():
                    continue
                f = line.rstrip("\n").split("\t") + [""] * 7
                gid, kind, name, parent = f[0], f[1], f[2], f[4]
                self.kind[gid] = kind
                if parent:
                    self.parent[gid] = parent
                forms = [name] + [a.lstrip("~") for a in f[6].split("|") if a]
                for g in f[5].split("|"):
                    if g:
                        forms.append(g)
                        forms.append(re.sub(r"\s*\([^)]*\)", " ", g))  # without "(ISIL)"
                for form in forms:
                    key = fold(form)
                    if key:
                        self.index[key].add(gid)
                        self.names[gid].add(key)

    def lookup(self, name):
        key = fold(name)
        if not key:
            return set()
        ids = {i for i in self.index.get(key, ()) if self.kind[i] == "group"}
        if ids:
            return ids
        # "Hamas (Islamic Resistance Movement)", "Kurdistan Workers' Party (PKK)": either part.
        for part in re.findall(r"\(([^)]*)\)", name) + [re.sub(r"\([^)]*\)", " ", name)]:
            key = fold(part)
            ids |= {i for i in self.index.get(key, ()) if self.kind[i] == "group"}
        if ids:
            return ids
        # RAND cuts names at 50 characters: a long coded name may be a prefix.
        key = fold(name)
        if len(name) >= 45:
            ids = {i for k, v in self.index.items() if k.startswith(key) for i in v
                   if self.kind[i] == "group"}
        return ids

    def family(self, gid):
        out = {gid}
        while gid in self.parent:
            gid = self.parent[gid]
            out.add(gid)
        return out


def expected(coded, lex):
    """The ids a coded perpetrator expects, "?name" for a name no entry has; None if unscored."""
    if coded is None:
        return None
    name = re.sub(r"\[\d+\]", "", coded)
    name = QUALIFIERS.sub(" ", name)
    name = re.sub(r"\(\s*\)", " ", name).strip(" ;,.-")
    key = fold(name)
    if not key or key in NO_GROUP or "lone wolf" in key or "lone wolf" in fold(coded):
        return set()
    ids = lex.lookup(name)
    if ids:
        return ids
    out = set()
    for part in re.split(r",|;|/|\s{2,}| and | or |\bor the\b", name):
        part = part.strip(" ()-")
        if fold(part) and fold(part) not in NO_GROUP:
            out |= lex.lookup(part) or {"?" + fold(part)}
    return out


def named_in(text_key, names):
    return any(re.search(r"\b" + re.escape(n) + r"\b", text_key) for n in names if n)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dev", help="dev set (JSON Lines with id, text, perpetrator)")
    ap.add_argument("--ekg", default=os.path.join(ROOT, "build", "ekg"), help="ekg binary")
    ap.add_argument("--data", default=os.environ.get("EKG_DATA_DIR", os.path.join(ROOT, "data")),
                    help="ekg data directory (for the lexicons)")
    ap.add_argument("--misses", type=int, default=0, help="print up to N misses of each kind")
    args = ap.parse_args()

    records = [json.loads(line) for line in open(args.dev, encoding="utf-8") if line.strip()]
    env = dict(os.environ, EKG_DATA_DIR=args.data)
    run = subprocess.run([args.ekg, "extract", "--format", "jsonl", "-q", args.dev],
                         capture_output=True, text=True, env=env)
    if run.returncode not in (0, 1):
        sys.exit(f"ekg failed ({run.returncode}): {run.stderr.strip()[:500]}")
    docs = {}
    for line in run.stdout.splitlines():
        if line.strip():
            d = json.loads(line)
            docs[str(d.get("id"))] = d
    # Benchmarks check their output: every record must come back.
    missing = [r["id"] for r in records if str(r["id"]) not in docs]
    if missing:
        sys.exit(f"ekg returned no document for {len(missing)} records, e.g. {missing[:3]}")

    lex = Lexicon(args.data)
    strict = collections.Counter()
    lenient = collections.Counter()
    lexicon_only = collections.Counter()
    scored = with_group = named = mapped = 0
    fps, fns = collections.Counter(), collections.Counter()
    for r in records:
        if "perpetrator" in (r.get("missing_in_source") or []):
            continue
        want = expected(r.get("perpetrator"), lex)
        if want is None:
            continue
        scored += 1
        doc = docs[str(r["id"])]
        got = {a["id"] for a in doc.get("actors", []) if a.get("kind") == "group"}
        tp = got & want
        strict.update(tp=len(tp), fp=len(got - want), fn=len(want - got))
        fps.update(got - want)
        got_lex = {g for g in got if g in lex.kind}
        lexicon_only.update(tp=len(got_lex & want), fp=len(got_lex - want),
                            fn=len(want - got_lex))
        fns.update(want - got)
        # Lenient: a found id in the same branch line as an expected one counts for it.
        near = {w for w in want if any(w in lex.family(g) or g in lex.family(w) for g in got)}
        used = {g for g in got if any(w in lex.family(g) or g in lex.family(w) for w in want)}
        lenient.update(tp=len(near), fp=len(got - used), fn=len(want - near))
        if want:
            with_group += 1
            mapped += all(not w.startswith("?") for w in want)
            text_key = fold(r["text"])
            named += any(named_in(text_key, lex.names[w] if not w.startswith("?") else {w[1:]})
                         for w in want)

    def prf(c):
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        rc = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        return (f"P {100 * p:5.1f}%  R {100 * rc:5.1f}%  F1 {100 * f:5.1f}%  "
                f"(tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")

    def pct(a, b):
        return f"{100.0 * a / b:5.1f}% ({a}/{b})" if b else "  n/a"

    print(f"{os.path.basename(args.dev)}: {len(records)} records, {scored} with a coded "
          f"perpetrator, {with_group} naming a group")
    print(f"  strict   {prf(strict)}")
    print(f"  lenient  {prf(lenient)}")
    print(f"  lexicon  {prf(lexicon_only)}")
    print(f"  ceiling  {pct(named, with_group)}  (coded group named in the text)")
    print(f"  coverage {pct(mapped, with_group)}  (coded group maps to a lexicon id)")
    if args.misses:
        print("  most frequent false positives:", fps.most_common(args.misses))
        print("  most frequent misses:", fns.most_common(args.misses))


if __name__ == "__main__":
    main()
