#!/bin/sh
# score.sh BRIEF - score the extraction against hand-checked gold facts.
#
# 1. The sample articles (data/articles) against tests/gold: fails unless
#    overall F1 >= 0.93 and every type >= 0.85.
# 2. The development corpus, when this checkout sits beside it
#    (../shared/corpus, 65 articles from 30 provinces, with its scorer
#    ../shared/tools/score-facts): per type, named F1 and the causes of
#    the misses; fails when overall F1 drops below the floor the
#    extractor has reached (BRIEF_CORPUS_FLOOR), so that a change that
#    loses ground is seen. A clone without the corpus skips it.
set -eu
brief=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
corpus=../shared/corpus
scorer=../shared/tools/score-facts
[ -x "$scorer" ] || scorer=scripts/score-facts
floor=${BRIEF_CORPUS_FLOOR:-0.94}

"$brief" --db "$tmp/s.db" ingest -q data/articles
"$brief" --db "$tmp/s.db" export --format jsonl > "$tmp/facts.jsonl"
echo "score: sample articles (tests/gold)"
python3 "$scorer" tests/gold "$tmp/facts.jsonl" --min-f1 0.93 | tee "$tmp/score.txt"
awk '$1 ~ /^(target|actual|project|cluster)$/ {
	split($NF, f, "="); if (f[2] + 0 < 0.85) { print "score: " $1 " F1 " f[2] " is below 0.85"; bad = 1 }
} END { exit bad }' "$tmp/score.txt"

if [ ! -d "$corpus" ] || [ ! -x ../shared/tools/score-facts ]; then
	echo "score: $corpus not found: the development corpus is skipped"
	exit 0
fi
"$brief" --db "$tmp/c.db" ingest -q "$corpus"/*.txt 2>/dev/null
"$brief" --db "$tmp/c.db" export --format jsonl > "$tmp/corpus.jsonl"
echo "score: development corpus ($corpus)"
python3 ../shared/tools/score-facts "$corpus" "$tmp/corpus.jsonl" --explain \
	--min-f1 "$floor"
