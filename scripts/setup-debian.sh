#!/usr/bin/env bash
# Installs everything ekg needs to build, run and test on Debian 12, as root.
# Idempotent and non-interactive: re-running it installs nothing new.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev        # the graph model (adjacency_list, GraphML reader for round trips)
  libsqlite3-dev sqlite3    # the store (FTS5 is compiled into Debian's SQLite)
  nlohmann-json3-dev        # JSON input (JSONL) and output (the extract contract)
  libcli11-dev              # git-style command line
  libutf8proc-dev           # Unicode case folding and diacritic stripping for matching
  libgumbo-dev              # HTML5 parsing of scraped articles
  libmimalloc-dev           # allocator of the ekg executable (extraction allocates many small strings)
  catch2                    # unit tests (v2.13)
  libbenchmark-dev          # Google Benchmark micro-benchmarks in bench/
  iso-codes                 # country names at data-generation time
  clang libclang-rt-14-dev  # libFuzzer targets in tests/fuzz (CI fuzz smoke)
)
# Tools the graph-client checker (../shared/tools/check_graph_clients.sh) needs.
check_packages=(libxml2-utils python3-networkx python3-igraph nodejs npm)

want=("${packages[@]}")
if [ "${1:-}" = "--with-checker" ]; then want+=("${check_packages[@]}"); fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs may come from another repository that bundles npm; accept any working npm.
if command -v npm >/dev/null 2>&1; then
  tmp=(); for p in "${missing[@]}"; do [ "$p" = npm ] || [ "$p" = nodejs ] || tmp+=("$p"); done; missing=("${tmp[@]}")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup-debian: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup-debian: dependencies present" >&2
