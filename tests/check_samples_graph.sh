#!/usr/bin/env bash
# Builds the samples, exports GraphML, and runs ../shared/tools/check_graph_clients.sh on it.
# Usage: check_samples_graph.sh EKG_BINARY SOURCE_DIR. Exit 77 when the checker is not available.
set -euo pipefail
ekg=$1
src=$2
checker="$src/../shared/tools/check_graph_clients.sh"
[ -f "$checker" ] || { echo "checker not found beside the project: skipped"; exit 77; }
command -v xmllint >/dev/null || { echo "xmllint missing (scripts/setup-debian.sh --with-checker): skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$ekg" build "$src/samples" --db "$tmp/s.db" --quiet >/dev/null
"$ekg" export --db "$tmp/s.db" --format graphml -o "$tmp/s.graphml" 2>/dev/null
"$ekg" export --db "$tmp/s.db" --format gexf -o "$tmp/s.gexf" 2>/dev/null
skip=()
# graphology needs the npm registry once; without npm, check with the Python readers only.
command -v npm >/dev/null || skip=(--skip graphology)
bash "$checker" "${skip[@]}" "$tmp/s.graphml"
# networkx 2.8.8 cannot read GEXF 1.3.
bash "$checker" "${skip[@]}" --skip networkx --gexf "$tmp/s.gexf"
