#!/bin/sh
# golden.sh BRIEF - regenerates tests/golden/*.json: ingests data/articles
# into a temporary database and writes `brief show REGION --year Y --json`
# for each golden region. Review the diff before committing.
set -eu
brief=${1:?usage: golden.sh BRIEF}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$brief" --db "$tmp/brief.db" ingest data/articles >/dev/null 2>"$tmp/err" || {
	cat "$tmp/err" >&2
	exit 1
}
for pair in 钱塘区:2025 余杭区:2024; do
	region=${pair%%:*}
	year=${pair##*:}
	"$brief" --db "$tmp/brief.db" show "$region" --year "$year" --json \
		>"$tmp/out.json"
	mv "$tmp/out.json" "tests/golden/$region-$year.json"
	echo "golden: tests/golden/$region-$year.json"
done
