#!/usr/bin/env bash
# Hostile inputs at full size, timed: each must give its diagnostic and the documented exit
# code within a few seconds and a bounded amount of memory (docs/limits.md). The unit test
# tests/cli/bad_input_test.cpp drives the same cases at small sizes with a lowered limit.
# Usage: bench/huge_input.sh [EKG_BINARY]   (default build/ekg); needs /usr/bin/time.
set -uo pipefail
ekg=$(realpath "${1:-build/ekg}")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0

# name, expected exit code, expected diagnostic code (- for none checked), max seconds, max MB, ekg arguments
check() {
  local name=$1 want_rc=$2 want_code=$3 max_s=$4 max_mb=$5
  shift 5
  /usr/bin/time -v -o "$dir/time" "$ekg" "$@" >"$dir/out" 2>"$dir/err"
  local rc=$?
  local secs kb
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + t[i]; print s}' "$dir/time")
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time")
  local verdict=ok
  [ "$rc" = "$want_rc" ] || verdict="FAIL (exit $rc, want $want_rc)"
  [ "$want_code" = - ] || grep -q "\[$want_code\]" "$dir/err" || verdict="FAIL (no [$want_code] diagnostic)"
  awk -v s="$secs" -v m="$max_s" 'BEGIN {exit !(s > m)}' && verdict="FAIL (${secs}s > ${max_s}s)"
  [ "$((kb / 1024))" -le "$max_mb" ] || verdict="FAIL ($((kb / 1024)) MB > $max_mb MB)"
  printf '%-44s exit %s  %6.2fs  %5d MB  %s\n' "$name" "$rc" "$secs" "$((kb / 1024))" "$verdict"
  [ "$want_code" = - ] || grep -m1 "\[$want_code\]" "$dir/err" | cut -c1-150 | sed 's/^/    /'
  [ "$verdict" = ok ] || status=1
}

echo "generating inputs in $dir"
head -c 200000000 /dev/zero | tr '\0' 'a' >"$dir/one-line.txt"
{ echo '{"id": "before", "text": "Gunmen attacked a bus in Kenya."}'
  printf '{"id": "huge", "text": "'; head -c 200000000 /dev/zero | tr '\0' 'b'; echo '"}'
  echo '{"id": "after", "text": "Talks resumed in Geneva."}'; } >"$dir/one-line.jsonl"
python3 - "$dir" <<'EOF'
import sys
d = sys.argv[1]
words = ["the", "convoy", "moved", "slowly", "past", "villages", "near", "Kandahar", "while", "officials", "watched"]
open(f"{d}/sentence.txt", "w").write("Rockets hit Kandahar on Monday. " + " ".join(words[i % 11] for i in range(100000)) + "\n")
open(f"{d}/deep.html", "w").write("<html><body><p>Fighting in Aleppo.</p>" + "<div><span>x" * 1000000 + "\n")
open(f"{d}/soup.html", "w").write("<html><body>" + "<div>" * 250 + "<b>x</b><div></div>" * 1500000 + "\n")
open(f"{d}/digits.txt", "w").write("A car bomb killed " + "9" * 400 + " people in Baghdad.\n")
EOF

check "200 MB text file of one line (extract)" 1 too-large 5 100 extract "$dir/one-line.txt"
check "200 MB text file of one line (build)" 1 too-large 10 200 build "$dir/one-line.txt" --db "$dir/a.db"
check "200 MB JSON Lines line between two (build)" 1 too-large 10 200 build "$dir/one-line.jsonl" --db "$dir/b.db"
check "100,000-word sentence (extract)" 0 long-sentence 30 500 extract "$dir/sentence.txt"
check "HTML nested 2,000,000 deep, 13 MB (extract)" 0 html-too-deep 30 1000 extract "$dir/deep.html"
check "HTML 250 deep, then 4,500,000 tags at 251, 28 MB" 0 - 60 2000 extract "$dir/soup.html"
check "number of 400 digits (extract)" 0 long-token 5 200 extract "$dir/digits.txt"
exit $status
