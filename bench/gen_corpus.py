#!/usr/bin/env python3
"""Writes a deterministic, news-like JSON Lines corpus of any size, for scale benchmarks.

    python3 bench/gen_corpus.py --mb 1000 > /tmp/ekg-1gb.jsonl

The text is generated from small templates and word lists written for ekg (no third-party
text); the same --seed and --mb always give the same bytes. Incidents, quotes and figures vary so
that every extraction stage has work to do.
"""
import argparse
import json
import random
import sys

PLACES = [("Baghdad", "Iraq"), ("Mosul", "Iraq"), ("Kabul", "Afghanistan"), ("Kandahar", "Afghanistan"),
          ("Peshawar", "Pakistan"), ("Quetta", "Pakistan"), ("Maiduguri", "Nigeria"), ("Mogadishu", "Somalia"),
          ("Aden", "Yemen"), ("Istanbul", "Turkey"), ("Ankara", "Turkey"), ("Dhaka", "Bangladesh"),
          ("Paris", "France"), ("Brussels", "Belgium"), ("Damascus", "Syria"), ("Aleppo", "Syria"),
          ("Bogota", "Colombia"), ("Lima", "Peru"), ("Manila", "Philippines"), ("Srinagar", "India")]
GROUPS = ["the Islamic State", "the Taliban", "al-Shabaab", "Boko Haram", "al-Qaeda", "the PKK",
          "Tehrik-i-Taliban Pakistan", "the ELN", "the New People's Army", "Hamas"]
ATTACKS = [("a car bomb exploded near", "bombing"), ("gunmen opened fire on", "shooting"),
           ("a suicide bomber blew himself up at", "suicide"), ("militants stormed", "assault"),
           ("assailants abducted workers from", "kidnapping"), ("attackers set fire to", "arson")]
TARGETS = ["a market", "a police station", "a checkpoint", "a mosque", "a school", "a bus station",
           "a government office", "an army convoy", "a hotel", "a wedding party"]
NUMBERS = ["two", "three", "five", "seven", "at least 12", "more than 20", "about 40", "nine", "14", "31"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FIRST = ["Ahmed", "Maria", "John", "Fatima", "Carlos", "Aisha", "David", "Leila", "Omar", "Sara"]
LAST = ["Hassan", "Lopez", "Miller", "Rahman", "Garcia", "Khan", "Novak", "Haddad", "Okafor", "Silva"]
TITLES = ["a police spokesman", "the provincial governor", "a security analyst at the Institute for Conflict Studies",
          "a doctor at the main hospital", "an interior ministry official"]
FILLER = ["The area was sealed off and ambulances rushed the wounded to hospitals.",
          "Security has been tightened across the province since the attack.",
          "The government condemned the attack and promised an investigation.",
          "Residents said the blast shattered windows several streets away.",
          "It was the deadliest attack in the city this year."]


def article(rng, n):
    city, country = rng.choice(PLACES)
    verb, _ = rng.choice(ATTACKS)
    group = rng.choice(GROUPS)
    killed, wounded = rng.choice(NUMBERS), rng.choice(NUMBERS)
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    title = rng.choice(TITLES)
    day = rng.choice(DAYS)
    paras = [
        f"On {day}, {verb} {rng.choice(TARGETS)} in {city}, {country}, killing {killed} people and wounding {wounded}, officials said.",
        f"{group[0].upper() + group[1:]} claimed responsibility for the attack in a statement posted online.",
        f"\u201cThis was a cowardly attack on civilians,\u201d said {person}, {title}.",
    ]
    for _ in range(rng.randint(1, 4)):
        paras.append(rng.choice(FILLER))
    if rng.random() < 0.3:
        paras.append(f"Earlier, the death toll had been put at {rng.choice(NUMBERS)}, according to {rng.choice(LAST)}.")
    return {"id": f"gen-{n:09d}", "date": f"20{rng.randint(10, 23):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "source": "generated", "title": f"Attack in {city}", "text": "\n\n".join(paras)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10.0, help="approximate size in megabytes")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    limit = int(args.mb * 1_000_000)
    written = 0
    n = 0
    out = sys.stdout
    while written < limit:
        line = json.dumps(article(rng, n), ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
        n += 1


if __name__ == "__main__":
    main()
