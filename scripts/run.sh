#!/bin/sh
# run.sh BRIEF - the main job on the bundled sample articles: ingest
# data/articles into reports/brief.db (decode, clean, extract); write every
# region's briefing for every year it has targets as text
# (reports/YEAR/REGION.txt) and JSON (.json); for every year with targets,
# `brief batch` writes each region's PDF and LaTeX source
# (reports/YEAR/REGION.pdf, .tex), the combined briefing
# (reports/YEAR/全部-合订本.pdf, .tex) and the manifest
# (reports/YEAR/manifest.json, .csv); `brief mail` writes the briefing
# e-mails of the latest year for data/recipients.csv into reports/mail/; all
# facts go to reports/facts.jsonl.
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
	echo "reports/$year/$region.txt .json"
done
years=$(sqlite3 "$db" "SELECT DISTINCT year FROM facts WHERE type = 'target'
                       AND year IS NOT NULL ORDER BY year")
for year in $years; do
	"$brief" --db "$db" batch --year "$year" --format both --out reports
done
latest=$(echo "$years" | tail -n 1)
"$brief" --db "$db" mail --year "$latest" --recipients data/recipients.csv \
	--out reports/mail --reports reports
"$brief" --db "$db" regions
