#!/usr/bin/env python3
"""Event quality of ekg on a JSON Lines set of incidents with coded fields (issue 4 point 6).

    python3 bench/eval.py ../shared/data/gtd_dev.jsonl [--ekg build/ekg] [--errors city]

Runs `ekg extract --format jsonl` on the records' text (id and text only: the coded date is not
given as the document's date) and scores, per record, the main event (`events[0]`):

  country      place country (matched by ISO code through data/countries*.tsv names)
  city         place city (case, accents and words like "city"/"district" ignored); a coded
               "city" that is a subdivision matches an event placed in that subdivision
               with no town
  city_25km    the same, or ekg's town lies within 25 km of the coded coordinates (records with
               coordinates only: the same place under another spelling, "Baqouba"/"Baqubah")
  killed       killed figure, exact, where the coded value is > 0
  wounded      wounded figure, exact, where the coded value is > 0
  attack_type  gtd_attack_type (Wikipedia's own labels are mapped to GTD's)
  date         event date, at the precision coded (YYYY-MM-DD or YYYY-MM)
  perpetrator  F1 over groups: every group actor that is a perpetrator or claimant of any
               event, pooled over the document; "Unknown" expects none
  claimed      F1 of "some event has claimed_by" against the coded 1/0

A field is scored only where the record's source codes it (not in `missing_in_source`) and the
coded value is not null ("Unknown" city and attack type are not scored either). The set is read
where it lies; nothing of it is written into the project. With --errors FIELD the mismatches of
that field are listed (for development; do not paste them into the project). With --upper the
texts are upper-cased before ekg reads them (wire copy, older newswire), with --lower lower-cased
(some news datasets are distributed so); scoring is unchanged.

Coders filled many fields from sources other than the text, so each field also gets "in text",
the share of records whose coded value the text writes (a date counts when its year, month and
day each occur), and acc|text, the accuracy on those records alone; for perpetrators also the F1
on those records. These are the figures to compare across sets.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

FIELDS = ["country", "city", "city_25km", "killed", "wounded", "attack_type", "date", "perpetrator", "claimed"]

# Wikipedia lists use their own attack labels; these map to GTD attack types.
WIKI_ATTACK = {
    "bombing": "Bombing/Explosion",
    "shooting": "Armed Assault",
    "stabbing": "Armed Assault",
    "melee": "Armed Assault",
    "massacre": "Armed Assault",
    "assassination": "Assassination",
    "hostage": "Hostage Taking (Kidnapping)",
    "kidnapping": "Hostage Taking (Kidnapping)",
    "arson": "Facility/Infrastructure Attack",
    "hijacking": "Hijacking",
}

ADMIN_WORDS = {"city", "town", "village", "district", "province", "municipality", "county",
               "department", "region", "governorate", "state", "area", "sub", "subdistrict",
               "the", "of", "neighborhood", "neighbourhood", "prefecture"}


def fold(s):
    s = (s or "").replace("\u0131", "i")  # dotless i has no decomposition
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[`'\u2019]", "", s)
    return re.sub(r"[^0-9a-z]+", " ", s).strip()


def km(lat1, lon1, lat2, lon2):
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def city_key(s):
    words = [w for w in fold(s).split() if w not in ADMIN_WORDS]
    return " ".join(words)


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def country_code_of(codes, name):
    """The ISO code of a coded country name: "Burma (Myanmar)", "China, People's Republic of",
    "West Bank/Gaza", "FRY (Kosovo)" and the like included; None when unknown."""
    tries = [name]
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", name)
    if m:
        tries += [m.group(2), m.group(1)]
    if "," in name:
        head, tail = name.split(",", 1)
        tries += [tail.strip() + " " + head.strip(), head]
    tries += name.split("/")
    for t in tries:
        code = codes.get(fold(t))
        if code:
            return code
    return None


SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_forms(n):
    """How a text may write the count n: digits (with separators) and words below 100."""
    forms = {str(n), f"{n:,}"}
    if n < 20:
        forms.add(SMALL[n])
    elif n < 100:
        forms.add(TENS[n // 10] + ("" if n % 10 == 0 else " " + SMALL[n % 10]))
    return {fold(f) for f in forms}


def in_text(folded_text, forms):
    """True when one of the folded forms occurs in the folded text as whole words."""
    padded = " " + folded_text + " "
    return any(f and (" " + f + " ") in padded for f in forms)


MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]


def date_in_text(folded_text, date):
    """True when the text writes the coded date at its precision: the year, the month (name,
    abbreviation or number) and the day (number or ordinal) each occur as words."""
    parts = date.split("-")
    if not in_text(folded_text, {parts[0]}):
        return False
    if len(parts) >= 2:
        m = int(parts[1])
        if not 1 <= m <= 12 or not in_text(folded_text, {MONTHS[m - 1], MONTHS[m - 1][:3], str(m), f"{m:02d}"}):
            return False
    if len(parts) >= 3:
        d = int(parts[2])
        suffix = "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
        if not in_text(folded_text, {str(d), f"{d:02d}", f"{d}{suffix}"}):
            return False
    return True


def country_names(data_dir):
    """ISO alpha-2 -> folded names, aliases and demonyms, from ekg's own country data."""
    names = {}
    for name in ("countries.tsv", "countries_extra.tsv"):
        path = os.path.join(data_dir, name)
        if not os.path.exists(path):
            continue
        for row in read_tsv(path):
            row += [""] * (7 - len(row))
            forms = [row[2]] + row[5].split("|") + row[6].replace(", ", "|").split("|")
            names.setdefault(row[0], set()).update(fold(f) for f in forms if f)
    return names


def country_codes(data_dir):
    """Folded country name or alias -> ISO alpha-2, from ekg's own country data."""
    codes = {}
    for name in ("countries.tsv", "countries_extra.tsv"):
        path = os.path.join(data_dir, name)
        if not os.path.exists(path):
            continue
        for row in read_tsv(path):
            row += [""] * (7 - len(row))
            code = row[0]
            for n in [row[2]] + row[5].split("|"):
                if n:
                    codes.setdefault(fold(n), code)
    return codes


def place_names(data_dir):
    """City or region actor id -> folded names it goes by (name and aliases) in ekg's data."""
    names = {}
    for file, prefix, alias_col in (("cities.tsv", "city:", 8), ("regions.tsv", "region:", None)):
        path = os.path.join(data_dir, file)
        if not os.path.exists(path):
            continue
        for row in read_tsv(path):
            if prefix == "city:" and len(row) > alias_col:
                forms = [row[1]] + row[alias_col].split("|")
                names[prefix + row[0]] = {city_key(x) for x in forms if x}
    # Hand-kept names and exonyms (Rangoon, Kiev) that ekg adds to GeoNames' own.
    extra = os.path.join(data_dir, "places_extra.tsv")
    if os.path.exists(extra):
        for row in read_tsv(extra):
            row += [""] * (3 - len(row))
            forms = [row[1]] + row[2].split("|")
            names.setdefault(row[0], set()).update(city_key(x) for x in forms if x)
    return names


def group_names(data_dir):
    """Group actor id -> folded names it may be coded under (name, aliases, GTD names)."""
    names = {}
    path = os.path.join(data_dir, "groups.tsv")
    if not os.path.exists(path):
        return names
    for row in read_tsv(path):
        row += [""] * (7 - len(row))
        forms = {row[2]} | set(row[5].split("|")) | set(row[6].split("|"))
        forms = {x.lstrip("~") for x in forms if x}
        # "Communist Party of Nepal (Maoist)" is also coded without its parenthesis.
        forms |= {re.sub(r"\s*\([^)]*\)\s*$", "", x) for x in forms}
        names[row[0]] = {group_key(x) for x in forms if x}
    return names


def group_key(name):
    """Folded name without a leading article and plural endings: "The ELN" ~ "ELN",
    "Al-Aqsa Martyrs' Brigades" ~ "al-Aqsa Martyrs Brigade"."""
    words = fold(name).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


def gold_group_forms(name):
    """'Revolutionary Armed Forces of Colombia (FARC)' -> its full, bare and acronym forms."""
    name = re.sub(r"\((suspected|claimed|alleged)\)", "", name, flags=re.I).strip()
    forms = {group_key(name)}
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", name)
    if m:
        forms.add(group_key(m.group(1)))
        forms.add(group_key(m.group(2)))
    return {f for f in forms if f}


def run_ekg(ekg, records, case=None):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "input.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for r in records:
                text = {"upper": r["text"].upper(), "lower": r["text"].lower()}.get(case, r["text"])
                f.write(json.dumps({"id": str(r["id"]), "text": text}) + "\n")
        proc = subprocess.run([ekg, "extract", "--format", "jsonl", "-q", path],
                              capture_output=True, check=False)
        if proc.returncode not in (0, 1):
            sys.exit("ekg failed: " + proc.stderr.decode("utf-8", "replace")[:2000])
    out = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            out[doc["id"]] = doc
    return out


class Score:
    def __init__(self):
        self.n = self.ok = 0
        self.seen = 0  # scored records whose coded value occurs in the text
        self.seen_ok = 0  # ... and were right
        self.tp = self.fp = self.fn = 0
        self.seen_tp = self.seen_fp = self.seen_fn = 0  # tp/fp/fn on the records in text alone
        self.f1_kind = False

    def acc(self):
        return self.ok / self.n if self.n else float("nan")

    def prf(self, in_text=False):
        tp, fp, fn = (self.seen_tp, self.seen_fp, self.seen_fn) if in_text else (self.tp, self.fp, self.fn)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dev", help="JSONL set with coded fields (read in place, never copied)")
    ap.add_argument("--ekg", default=os.path.join(ROOT, "build", "ekg"))
    ap.add_argument("--data", default=os.path.join(ROOT, "data"), help="ekg's data directory")
    ap.add_argument("--errors", choices=FIELDS, help="list the mismatches of one field")
    ap.add_argument("--in-text", action="store_true",
                    help="with --errors: list only mismatches whose coded value occurs in the text")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N records")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--upper", action="store_true",
                    help="upper-case each record's text before running ekg, as wire copy and older "
                         "newswire write it (the coded fields stay as they are)")
    ap.add_argument("--lower", action="store_true",
                    help="lower-case each record's text, as some news datasets are distributed")
    args = ap.parse_args()

    records = []
    with open(args.dev, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                records.append(json.loads(line))
    if args.limit:
        records = records[: args.limit]
    case = "upper" if args.upper else "lower" if args.lower else None
    docs = run_ekg(args.ekg, records, case)
    codes = country_codes(args.data)
    groups = group_names(args.data)
    places = place_names(args.data)
    cnames = country_names(args.data)

    scores = {k: Score() for k in FIELDS}
    scores["perpetrator"].f1_kind = scores["claimed"].f1_kind = True
    errors = []
    no_event = 0

    for r in records:
        doc = docs.get(str(r["id"]))
        missing = set(r.get("missing_in_source") or [])
        events = doc["events"] if doc else []
        main_event = events[0] if events else None
        if main_event is None:
            no_event += 1
        place = (main_event or {}).get("place") or {}
        text = fold(r["text"])

        last_ok = {}

        def mark(field, seen):
            if (args.in_text and not seen and args.errors == field and errors
                    and errors[-1][0] == r["id"] and not last_ok.get(field, False)):
                errors.pop()
            scores[field].seen += bool(seen)
            scores[field].seen_ok += bool(seen) and last_ok.get(field, False)

        def check(field, ok, got, want):
            s = scores[field]
            s.n += 1
            s.ok += bool(ok)
            last_ok[field] = bool(ok)
            if not ok and args.errors == field:
                errors.append((r["id"], want, got, r["text"]))

        if "country" not in missing and r.get("country"):
            want = country_code_of(codes, r["country"])
            got = place.get("country_code")
            ok = (want is not None and got == want) or (want is None and fold(place.get("country")) == fold(r["country"]))
            check("country", ok, place.get("country"), r["country"])
            mark("country", in_text(text, cnames.get(want, set()) | {fold(r["country"])}))
        city = r.get("city")
        if "city" not in missing and city and city != "Unknown":
            got = place.get("city") or ""
            # The coded name may be another name of the same place ("Kiev" for "Kyiv").
            forms = {city_key(got)} | places.get(place.get("actor") or "", set())
            by_name = got != "" and city_key(city) in forms
            # Coders sometimes put a subdivision in "city" (RAND: "Putumayo", "Gedo"): ekg is
            # right when it places the event in that subdivision and names no town.
            if not got and place.get("region") and city_key(place["region"]) == city_key(city):
                by_name = True
            check("city", by_name, got, city)
            mark("city", in_text(text, {fold(city), city_key(city)}))
            # The same place under another spelling ("Baqouba" for "Baqubah", "Baydhabo" for
            # "Baidoa"): by name, or a town of ekg's within 25 km of the coded coordinates.
            lat, lon = r.get("latitude"), r.get("longitude")
            if lat is not None and lon is not None and "latitude" not in missing:
                near = (got != "" and place.get("lat") is not None and place.get("lon") is not None
                        and km(lat, lon, place["lat"], place["lon"]) <= 25.0)
                check("city_25km", by_name or near, got, city)
                mark("city_25km", in_text(text, {fold(city), city_key(city)}))
        for field in ("killed", "wounded"):
            want = r.get(field)
            if field in missing or want is None or want <= 0:
                continue
            fig = (main_event or {}).get(field)
            got = fig["value"] if fig else None
            check(field, got == want, got, want)
            mark(field, in_text(text, number_forms(want)))
        at = r.get("attack_type")
        if "attack_type" not in missing and at and at.lower() != "unknown":
            want = WIKI_ATTACK.get(at, at) if at not in WIKI_ATTACK.values() else at
            if want in WIKI_ATTACK.values():
                got = (main_event or {}).get("gtd_attack_type")
                check("attack_type", got == want, got, want)
        date = r.get("date")
        if "date" not in missing and date:
            got = (main_event or {}).get("date") or ""
            check("date", got.startswith(date) and len(got) >= len(date), got, date)
            mark("date", date_in_text(text, date))

        perp = r.get("perpetrator")
        if "perpetrator" not in missing and perp and perp != "Other":
            want = set() if perp == "Unknown" else gold_group_forms(perp)
            predicted = {}
            for e in events:
                for a in e["perpetrators"] + e["claimed_by"]:
                    if a.get("actor", "") and a["actor"].startswith("group:"):
                        predicted.setdefault(a["actor"], set()).add(group_key(a["text"]))
            actors = {a["id"]: a for a in (doc or {}).get("actors", [])}
            matched = False
            s = scores["perpetrator"]
            before = (s.tp, s.fp, s.fn)
            for gid, texts in predicted.items():
                forms = set(texts) | groups.get(gid, set())
                a = actors.get(gid)
                if a:
                    forms |= {group_key(a["name"])} | {group_key(x) for x in a.get("aliases", [])}
                if want and not matched and forms & want:
                    matched = True
                    scores["perpetrator"].tp += 1
                else:
                    scores["perpetrator"].fp += 1
            if want and not matched:
                scores["perpetrator"].fn += 1
            s.n += 1
            seen = (not want) or in_text(" ".join(group_key(w) for w in text.split()), want)
            ok = matched if want else not predicted
            if seen:
                s.seen_tp += s.tp - before[0]
                s.seen_fp += s.fp - before[1]
                s.seen_fn += s.fn - before[2]
            s.seen += bool(seen)
            s.seen_ok += bool(seen) and bool(ok)
            s.ok += ok
            if not ok and args.errors == "perpetrator" and (seen or not args.in_text):
                errors.append((r["id"], perp, sorted(predicted), r["text"]))

        claimed = r.get("claimed")
        if "claimed" not in missing and claimed is not None:
            got = any(e["claimed_by"] for e in events)
            s = scores["claimed"]
            s.n += 1
            s.ok += got == bool(claimed)
            if got and claimed:
                s.tp += 1
            elif got:
                s.fp += 1
            elif claimed:
                s.fn += 1
            if got != bool(claimed) and args.errors == "claimed":
                errors.append((r["id"], claimed, [a["text"] for e in events for a in e["claimed_by"]], r["text"]))

    result = {"set": os.path.basename(args.dev) + ({"upper": " (upper case)", "lower": " (lower case)"}.get(case, "")),
              "records": len(records), "no_event": no_event}
    for k in FIELDS:
        s = scores[k]
        entry = {"n": s.n, "accuracy": round(s.acc(), 3) if s.n else None,
                 "in_text": round(s.seen / s.n, 3) if s.n and k not in ("attack_type", "claimed") else None,
                 "accuracy_in_text": round(s.seen_ok / s.seen, 3) if s.seen and k not in ("attack_type", "claimed") else None}
        if s.f1_kind:
            p, rec, f = s.prf()
            entry.update({"precision": round(p, 3), "recall": round(rec, 3), "f1": round(f, 3)})
            if s.seen and k != "claimed":
                entry["f1_in_text"] = round(s.prf(in_text=True)[2], 3)
        result[k] = entry
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['set']}: {len(records)} records, {no_event} without an event")
        print(f"{'field':<12} {'n':>5} {'accuracy':>9} {'P':>6} {'R':>6} {'F1':>6} {'in text':>8} {'acc|text':>8}")
        for k in FIELDS:
            e = result[k]
            acc = f"{e['accuracy']:.3f}" if e["accuracy"] is not None else "-"
            seen = f"{e['in_text']:.3f}" if e["in_text"] is not None else "-"
            seen += f" {e['accuracy_in_text']:>8.3f}" if e["accuracy_in_text"] is not None else f" {'-':>8}"
            if "f1" in e:
                print(f"{k:<12} {e['n']:>5} {acc:>9} {e['precision']:>6.3f} {e['recall']:>6.3f} {e['f1']:>6.3f} {seen:>8}")
            else:
                print(f"{k:<12} {e['n']:>5} {acc:>9} {'':>6} {'':>6} {'':>6} {seen:>8}")
        for k in FIELDS:
            if "f1_in_text" in result[k]:
                print(f"{k} F1 on the records in text alone: {result[k]['f1_in_text']:.3f}")
        print("in text: share of scored records whose coded value occurs literally in the text "
              "(a rough ceiling; perpetrator counts \"Unknown\" as present); acc|text: accuracy on those "
              "records alone, the fair figure to compare across sets")
    for rid, want, got, text in errors:
        print(f"\n[{rid}] want {want!r} got {got!r}\n  {text[:400]}")


if __name__ == "__main__":
    main()
