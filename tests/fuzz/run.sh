#!/usr/bin/env bash
# Runs fuzz targets for SECONDS seconds each, one at a time, on a copy of their seed corpus (every
# seed, crash inputs included, runs first). A crash, leak, timeout or slow input is saved into the
# seed corpus (so it becomes a regression test) and the script fails.
# Usage: tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]   (default: every target)
set -uo pipefail
build=$1
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
status=0
for pair in text_reader:text html_reader:html jsonl_reader:jsonl sentences:sentences extract_document:document; do
  target=${pair%%:*}
  corpus=${pair##*:}
  if [ $# -gt 0 ] && [[ " $* " != *" $target "* ]]; then continue; fi
  work=$(mktemp -d)
  cp -r "$here/corpus/$corpus/." "$work/"
  log=$(mktemp)
  "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$here/corpus/$corpus/" \
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
