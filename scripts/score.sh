#!/bin/sh
# score.sh BRIEF - ingest the sample articles into a scratch database,
# export the facts and score them against the hand-checked gold
# (tests/gold). Fails unless overall F1 >= 0.90 and every type >= 0.85.
set -eu
brief=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$brief" --db "$tmp/s.db" ingest -q data/articles
"$brief" --db "$tmp/s.db" export --format jsonl > "$tmp/facts.jsonl"
python3 scripts/score-facts tests/gold "$tmp/facts.jsonl" --min-f1 0.90 | tee "$tmp/score.txt"
awk '$1 ~ /^(target|actual|project|cluster)$/ {
	split($NF, f, "="); if (f[2] + 0 < 0.85) { print "score: " $1 " F1 " f[2] " is below 0.85"; bad = 1 }
} END { exit bad }' "$tmp/score.txt"
