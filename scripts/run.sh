#!/bin/sh
# run.sh BRIEF - the main job on the bundled sample articles: ingest
# data/articles into reports/brief.db (decode, clean, extract); for every
# region and year that has a briefing (`brief regions --briefings`: targets
# for the year or results for the year before, the rule every command goes
# by) write the briefing as text (reports/YEAR/REGION.txt) and JSON (.json);
# for each of those years `brief batch` writes each region's PDF and LaTeX
# source (reports/YEAR/REGION.pdf, .tex), the combined briefing
# (reports/YEAR/全部-合订本.pdf, .tex), the year's workbook
# (reports/YEAR/全部.xlsx) and the manifest (reports/YEAR/manifest.json, .csv); `brief mail` writes the briefing
# e-mails of the latest year with targets for data/recipients.csv into
# reports/mail/; all facts go to reports/facts.jsonl.
set -eu
brief=$1
db=${BRIEF_DB:-reports/brief.db}
tab=$(printf '\t')
mkdir -p reports
"$brief" --db "$db" ingest data/articles
"$brief" --db "$db" export --format jsonl -o reports/facts.jsonl
briefings=$("$brief" --db "$db" regions --briefings)
echo "$briefings" | while IFS=$tab read -r code year targets results region; do
	mkdir -p "reports/$year"
	"$brief" --db "$db" show "$code" --year "$year" > "reports/$year/$region.txt"
	"$brief" --db "$db" show "$code" --year "$year" --json > "reports/$year/$region.json"
	echo "reports/$year/$region.txt"
	echo "reports/$year/$region.json"
done
for year in $(echo "$briefings" | cut -f2 | sort -un); do
	"$brief" --db "$db" batch --year "$year" --format both --out reports
done
latest=$(echo "$briefings" | awk -F"$tab" '$3 > 0 { print $2 }' | sort -n | tail -n 1)
"$brief" --db "$db" mail --year "$latest" --recipients data/recipients.csv \
	--out reports/mail --reports reports
"$brief" --db "$db" regions
