#!/bin/sh
# run.sh BRIEF - the main job on the bundled sample articles: ingest
# data/articles into reports/brief.db (decode, clean, extract), then write
# every region's briefing for every year it has targets as text
# (reports/YEAR/REGION.txt), JSON (.json) and LaTeX source (.tex; compile
# with `brief render --compile` or xelatex), and all facts to
# reports/facts.jsonl.
set -eu
brief=$1
db=${BRIEF_DB:-reports/brief.db}
mkdir -p reports
"$brief" --db "$db" ingest data/articles
"$brief" --db "$db" export --format jsonl -o reports/facts.jsonl
sqlite3 "$db" "SELECT DISTINCT region_code || ' ' || region || ' ' || year FROM facts
               WHERE type = 'target' AND year IS NOT NULL ORDER BY 1" |
while read -r code region year; do
	mkdir -p "reports/$year"
	"$brief" --db "$db" show "$code" --year "$year" > "reports/$year/$region.txt"
	"$brief" --db "$db" show "$code" --year "$year" --json > "reports/$year/$region.json"
	"$brief" --db "$db" render "$code" --year "$year" -o "reports/$year/$region.tex" >/dev/null
	echo "reports/$year/$region.txt .json .tex"
done
"$brief" --db "$db" regions
