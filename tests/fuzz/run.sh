#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds on a copy of its seed corpus. A crash input is
# saved into the seed corpus (so it becomes a regression test) and the script fails.
# Usage: tests/fuzz/run.sh BUILD_DIR SECONDS
set -uo pipefail
build=$1
seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
status=0
for pair in text_reader:text jsonl_reader:jsonl sentences:sentences extract_document:document; do
  target=${pair%%:*}
  corpus=${pair##*:}
  work=$(mktemp -d)
  cp -r "$here/corpus/$corpus/." "$work/"
  log=$(mktemp)
  "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$here/corpus/$corpus/crash-" \
      "$work" >"$log" 2>&1
  rc=$?
  runs=$(grep -o "stat::number_of_executed_units: *[0-9]*" "$log" | grep -o "[0-9]*$" || echo "?")
  if [ $rc -eq 0 ]; then
    echo "fuzz_$target: ${seconds}s, $runs executions, no crash"
  else
    echo "fuzz_$target: FAILED (exit $rc) after $runs executions"
    grep -E "ERROR|SUMMARY|artifact" "$log" | head -5
    status=1
  fi
  rm -rf "$work" "$log"
done
exit $status
