#!/usr/bin/env python3
"""End-to-end benchmark of ekg: extract and build, 1 and 2 threads, on real text; peer comparison.

    python3 bench/run.py --ekg build/ekg --corpus ../shared/corpus/*.jsonl [--runs 3] [--peers]
    python3 bench/run.py --ekg build/ekg --generated-mb 1000 --runs 1      # the 1 GB case
    python3 bench/run.py --ekg build/ekg --corpus ../shared/corpus/*.jsonl --instructions 20

With --instructions N it also counts the instructions (valgrind's callgrind, Ir) of extract and
build on one thread over every Nth document of the corpus: a figure that does not drift with
the machine's load as timings do, for comparing two builds of ekg.

Reports MB/s, docs/s and peak RSS (median of --runs runs), checks every output it timed (one
valid JSON document per input document; the database holds every document), and with --peers
installs wink-nlp (+ its English model) and compromise into a cache folder outside the
repository and times their entity extraction on the same text. The corpus is read from where it
lies and never copied into the project.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def count_docs(paths):
    """Records, distinct texts (a build stores a text once) and bytes of text."""
    n, size = 0, 0
    texts = set()
    for p in paths:
        with open(p, "rb") as f:
            for line in f:
                if line.strip():
                    n += 1
                    text = json.loads(line).get("text", "")
                    texts.add(text)
                    size += len(text.encode("utf-8"))
    return n, len(texts), size


def timed(cmd, stdout_path=None):
    """Runs cmd under /usr/bin/time; returns (seconds, peak RSS in MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = ["/usr/bin/time", "-f", "%M", "-o", tf.name] + cmd
        out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
        start = time.perf_counter()
        proc = subprocess.run(full, stdout=out, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - start
        if stdout_path:
            out.close()
        if proc.returncode not in (0, 1):
            sys.exit(f"bench: {' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
        rss_kb = int(tf.read().strip().splitlines()[-1])
    return seconds, rss_kb / 1024.0


def check_extract_output(path, expected_docs):
    n = 0
    with open(path, "rb") as f:
        for line in f:
            doc = json.loads(line)
            assert doc["schema"] == "ekg.extract/1" and "actors" in doc and "events" in doc
            n += 1
    if n != expected_docs:
        sys.exit(f"bench: extract wrote {n} documents, expected {expected_docs}")


def check_db(ekg, db, expected_docs):
    out = subprocess.run([ekg, "query", "--db", db, "--format", "csv", "SELECT count(*) FROM documents"],
                         capture_output=True, text=True, check=True).stdout.split()
    if int(out[1]) != expected_docs:
        sys.exit(f"bench: database holds {out[1]} documents, expected {expected_docs}")


def median_run(runs, fn):
    results = [fn() for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def instructions(ekg, paths, every, tmp):
    """Instructions (G) of `ekg extract` and `ekg build` on one thread over every Nth line."""
    sample = os.path.join(tmp, "sample.jsonl")
    n = 0
    with open(sample, "wb") as out:
        for p in paths:
            with open(p, "rb") as f:
                for line in f:
                    if line.strip():
                        if n % every == 0:
                            out.write(line)
                        n += 1
    size = os.path.getsize(sample) / 1e6
    counts = {}
    db = os.path.join(tmp, "instructions.db")
    for step, cmd in (("extract", [ekg, "extract", "--format", "jsonl", "-q", "-j", "1", sample]),
                      ("build", [ekg, "build", "-q", "-j", "1", "--db", db, sample])):
        log = os.path.join(tmp, f"callgrind.{step}")
        try:
            proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={log}"] + cmd,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        except FileNotFoundError:
            sys.exit("bench: --instructions needs valgrind (apt-get install valgrind)")
        collected = [l for l in proc.stderr.decode().splitlines() if "Collected" in l]
        if proc.returncode not in (0, 1) or not collected:
            sys.exit(f"bench: callgrind of {step} failed: {proc.stderr.decode()[-500:]}")
        counts[step] = int(collected[-1].split()[-1]) / 1e9
        os.remove(log)
    if os.path.exists(db):
        os.remove(db)
    os.remove(sample)
    return size, counts


def peers(corpus, runs, names=("wink", "compromise")):
    cache = os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "ekg-bench-peers")
    os.makedirs(cache, exist_ok=True)
    if not os.path.isdir(os.path.join(cache, "node_modules", "wink-nlp")):
        subprocess.run(["cp", os.path.join(HERE, "peers", "package.json"), cache], check=True)
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", cache], check=True)
    script = os.path.join(cache, "peer_entities.js")
    subprocess.run(["cp", os.path.join(HERE, "peers", "peer_entities.js"), script], check=True)
    out = {}
    for peer in names:
        secs = []
        for _ in range(runs):
            # The peer runs in its cache folder: give it the corpus paths absolute.
            r = subprocess.run(["node", script, peer] + [os.path.abspath(c) for c in corpus],
                               capture_output=True, text=True, cwd=cache)
            if r.returncode != 0:
                print(f"peer {peer} failed: {r.stderr[-300:]}")
                break
            res = json.loads(r.stdout)
            secs.append(res["seconds"])
        if secs:
            out[peer] = (res["bytes"] / 1e6 / statistics.median(secs), res["documents"] / statistics.median(secs))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ekg", default="build/ekg")
    ap.add_argument("--corpus", nargs="*", default=[])
    ap.add_argument("--generated-mb", type=float, default=0, help="also run on a generated corpus of this size")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--peers", action="store_true")
    ap.add_argument("--peer-runs", type=int, default=0,
                    help="runs of each peer (default: --runs); compromise takes minutes a run")
    ap.add_argument("--peer-names", default="wink,compromise",
                    help="peers to time, comma-separated (compromise takes minutes a run)")
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--instructions", type=int, default=0, metavar="N",
                    help="also count instructions (callgrind) of extract and build on every Nth corpus document")
    args = ap.parse_args()
    ekg = os.path.abspath(args.ekg)
    tmp = tempfile.mkdtemp(prefix="ekg-bench-")
    sets = []
    if args.corpus:
        sets.append(("corpus", args.corpus))
    if args.generated_mb:
        gen = os.path.join(tmp, "generated.jsonl")
        with open(gen, "w") as f:
            subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--mb", str(args.generated_mb)],
                           stdout=f, check=True)
        sets.append((f"generated {args.generated_mb:g} MB", [gen]))
    jobs = [int(j) for j in args.jobs.split(",")]
    print(f"machine: {os.cpu_count()} cores; ekg: {ekg}; median of {args.runs} run(s)")
    rates = {}
    for name, paths in sets:
        docs, distinct, text_bytes = count_docs(paths)
        file_bytes = sum(os.path.getsize(p) for p in paths)
        mb = file_bytes / 1e6
        print(f"\n== {name}: {docs} documents, {mb:.1f} MB of input ({text_bytes / 1e6:.1f} MB of text)")
        print(f"{'step':<22}{'jobs':>5}{'seconds':>10}{'MB/s':>9}{'docs/s':>10}{'peak RSS MB':>13}")
        for j in jobs:
            out = os.path.join(tmp, "extract.jsonl")
            secs, rss = median_run(args.runs, lambda: timed([ekg, "extract", "--format", "jsonl", "-q", "-j", str(j)] + paths, out))
            check_extract_output(out, docs)
            os.remove(out)
            rates[(name, "extract", j)] = mb / secs
            print(f"{'extract':<22}{j:>5}{secs:>10.2f}{mb / secs:>9.1f}{docs / secs:>10.0f}{rss:>13.0f}")
        if not args.skip_build:
            for j in jobs:
                db = os.path.join(tmp, "bench.db")

                def build():
                    if os.path.exists(db):
                        os.remove(db)
                    return timed([ekg, "build", "-q", "-j", str(j), "--db", db] + paths)
                secs, rss = median_run(args.runs, build)
                check_db(ekg, db, distinct)
                rates[(name, "build", j)] = mb / secs
                print(f"{'build (SQLite)':<22}{j:>5}{secs:>10.2f}{mb / secs:>9.1f}{docs / secs:>10.0f}{rss:>13.0f}")
                # The graph rebuild alone (part of every build), on the database just built.
                rsecs, rrss = median_run(args.runs, lambda: timed([ekg, "build", "-q", "-j", str(j), "--rebuild", "--db", db]))
                check_db(ekg, db, distinct)
                os.remove(db)
                print(f"{'  graph rebuild only':<22}{j:>5}{rsecs:>10.2f}{mb / rsecs:>9.1f}{docs / rsecs:>10.0f}{rrss:>13.0f}")
        if len(jobs) >= 2:
            a, b = jobs[0], jobs[1]
            print(f"speed-up extract {a}->{b} threads: {rates[(name, 'extract', b)] / rates[(name, 'extract', a)]:.2f}x")
            if not args.skip_build:
                print(f"speed-up build {a}->{b} threads: {rates[(name, 'build', b)] / rates[(name, 'build', a)]:.2f}x")
    if args.instructions and args.corpus:
        size, counts = instructions(ekg, args.corpus, args.instructions, tmp)
        print(f"\n== instructions (callgrind Ir, one thread) on every {args.instructions}th corpus document "
              f"({size:.1f} MB)")
        for step, g in counts.items():
            print(f"{step:<12} {g:8.3f} G")
    if args.peers and args.corpus:
        print("\n== peers on the same corpus (entity extraction only, text already in memory)")
        for peer, (mbs, dps) in peers(args.corpus, args.peer_runs or args.runs,
                                      args.peer_names.split(",")).items():
            ours = rates[("corpus", "extract", jobs[0])]
            print(f"{peer:<12} {mbs:8.2f} MB/s {dps:8.0f} docs/s   ekg ({jobs[0]} thread) is {ours / mbs:.1f}x faster")


if __name__ == "__main__":
    main()
