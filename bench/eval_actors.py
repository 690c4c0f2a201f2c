#!/usr/bin/env python3
"""Scores ekg's actors against a hand annotation of one article.

    python3 bench/eval_actors.py [--ekg build/ekg] [--annotation tests/fixtures/seed_actors.tsv]
                                 [samples/isis-social-media-war.txt]

The annotation is a commented TSV (name, kind, required, country, lat, lon, aliases,
affiliations; see its header). An ekg actor matches an annotated one when the kinds are equal
and a name or alias of one equals a name or alias of the other, compared as ekg compares names
(case, accents and punctuation folded). Each annotated actor takes one ekg actor; a second
match is a duplicate and counts against precision. Printed:
  precision   matched ekg actors / all ekg actors
  recall      matched annotated actors / all annotated actors (and of the required ones)
  by kind     the same per actor kind
  roles       annotated affiliations found as a role naming the organisation (former or not)
  places      matched places with the annotated country and coordinates (half a degree)
Exit status 1 when a required actor is missed, else 0.
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


def key(name):
    """Folded words joined by single spaces, as extract::word_key does."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("\u00ad", "")
    return " ".join(re.findall(r"[^\W_]+", s))


def load_annotation(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            f8 = (line.split("\t") + [""] * 8)[:8]
            name, kind, required, country, lat, lon, aliases, affiliations = f8
            names = {key(name)} | {key(a) for a in aliases.split("|") if a}
            affs = []
            for a in filter(None, affiliations.split("|")):
                former = a.startswith("former:")
                affs.append((a[7:] if former else a, former))
            rows.append(dict(name=name, kind=kind, required=required == "yes", country=country,
                             lat=float(lat) if lat else None, lon=float(lon) if lon else None,
                             names=names, affiliations=affs))
    return rows


def actor_names(a):
    return {key(a["name"])} | {key(x) for x in a.get("aliases", [])}


def run_ekg(ekg, path):
    env = dict(os.environ)
    env.setdefault("EKG_DATA_DIR", os.path.join(ROOT, "data"))
    out = subprocess.run([ekg, "extract", path], capture_output=True, env=env, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"eval_actors: ekg failed ({out.returncode}): {out.stderr.decode(errors='replace')}")
    return json.loads(out.stdout)["documents"][0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text", nargs="?", default=os.path.join(ROOT, "samples", "isis-social-media-war.txt"))
    ap.add_argument("--ekg", default=os.path.join(ROOT, "build", "ekg"))
    ap.add_argument("--annotation", default=os.path.join(ROOT, "tests", "fixtures", "seed_actors.tsv"))
    args = ap.parse_args()

    expected = load_annotation(args.annotation)
    doc = run_ekg(args.ekg, args.text)
    actors = doc["actors"]
    by_id = {a["id"]: a for a in actors}

    match = [None] * len(expected)
    spurious = []
    for a in actors:
        names = actor_names(a)
        hit = next((i for i, e in enumerate(expected) if e["kind"] == a["kind"] and names & e["names"]), None)
        if hit is None:
            spurious.append(f'{a["id"]} "{a["name"]}" ({a["kind"]})')
        elif match[hit] is None:
            match[hit] = a
        else:
            spurious.append(f'{a["id"]} (duplicate of {expected[hit]["name"]})')

    tp = sum(m is not None for m in match)
    required = [i for i, e in enumerate(expected) if e["required"]]
    tp_required = sum(match[i] is not None for i in required)
    print(f"actors      precision {tp / max(len(actors), 1):.3f} ({tp}/{len(actors)})   "
          f"recall {tp / len(expected):.3f} ({tp}/{len(expected)})   "
          f"required {tp_required}/{len(required)}")

    kinds = collections.OrderedDict()
    for e, m in zip(expected, match):
        k = kinds.setdefault(e["kind"], [0, 0, 0])
        k[0] += 1
        k[1] += m is not None
    for a in actors:
        kinds.setdefault(a["kind"], [0, 0, 0])[2] += 1
    for kind, (n, found, produced) in kinds.items():
        print(f"  {kind:<13} annotated {n:>2}  found {found:>2}  produced {produced:>2}")

    roles_total = roles_found = 0
    for e, m in zip(expected, match):
        for org, former in e["affiliations"]:
            roles_total += 1
            ok = m is not None and any(
                r.get("organization") in by_id and key(org) in actor_names(by_id[r["organization"]])
                and r.get("former", False) == former for r in m["roles"])
            roles_found += ok
            if not ok:
                print(f"  missed role: {e['name']} -> {'former ' if former else ''}{org}")
    print(f"roles       {roles_found}/{roles_total} affiliations found")

    places_total = places_ok = 0
    for e, m in zip(expected, match):
        if e["kind"] != "place" or m is None:
            continue
        places_total += 1
        ok = (not e["country"] or m.get("country_code") == e["country"]) and m.get("lat") is not None
        if e["lat"] is not None and m.get("lat") is not None:
            ok = ok and abs(m["lat"] - e["lat"]) < 0.5 and abs(m["lon"] - e["lon"]) < 0.5
        places_ok += ok
        if not ok:
            print(f"  wrong place: {e['name']} -> {m.get('country_code')} {m.get('lat')},{m.get('lon')}")
    print(f"places      {places_ok}/{places_total} with the annotated country and coordinates")

    for s in spurious:
        print(f"  not in the annotation: {s}")
    for e, m in zip(expected, match):
        if m is None:
            print(f"  missed{' (required)' if e['required'] else ''}: {e['name']} ({e['kind']})")
    return 1 if tp_required < len(required) else 0


if __name__ == "__main__":
    sys.exit(main())
