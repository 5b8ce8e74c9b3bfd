#!/bin/sh
# readme-sample.sh BRIEF [--check] - the sample output in README.md, from a
# real run: `make run`'s job (scripts/run.sh) in a scratch directory, then
# the commands the README shows. Each block between
#   <!-- sample: NAME -->  and  <!-- /sample -->
# is replaced by what the run printed (abridged with "..."). With --check,
# README.md is left alone and the exit status says whether it is current.
set -eu
brief=$(realpath "$1")
check=${2:-}
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset BRIEF_DB
cd "$tmp"
ln -s "$top/data" data
"$top/scripts/run.sh" "$brief" > run.log 2>&1

# the job: its first and last ingest lines, the first files, a briefing
{
	echo '```'
	echo '$ make run'
	grep -m1 '^new ' run.log
	echo '...'
	grep -m1 '^ingest: ' run.log
	grep -m2 '\.txt$\|\.json$' run.log
	echo '...'
	echo '$ cat reports/2025/上城区.txt'
	head -n 1 reports/2025/上城区.txt
	echo '...'
	sed -n '/^与同级区县对比/,/^$/p' reports/2025/上城区.txt | sed -e '/^$/d' -e 's/ *$//'
	echo '```'
} > run.md

{
	echo '```'
	echo '$ build/brief batch --year 2025 --scope 杭州市 --format both'
	"$brief" batch --year 2025 --scope 杭州市 --format both > batch.log
	head -n 2 batch.log
	echo '...'
	tail -n 3 batch.log
	echo '$ build/brief mail --year 2025 --recipients data/recipients.csv --out reports/mail'
	"$brief" mail --year 2025 --recipients data/recipients.csv --out reports/mail > mail.log
	head -n 1 mail.log
	echo '...'
	tail -n 1 mail.log
	echo '```'
} > batch.md

# README with each sample block replaced
awk -v dir="$tmp" '
	/^<!-- sample: [a-z]+ -->$/ {
		print; name = $3; f = dir "/" name ".md"
		while ((getline line < f) > 0) print line
		close(f); skip = 1; next
	}
	/^<!-- \/sample -->$/ { skip = 0 }
	!skip { print }
' "$top/README.md" > README.md
if [ "$check" = --check ]; then
	diff -u "$top/README.md" README.md || {
		echo "readme-sample: README.md's sample output is stale: run scripts/readme-sample.sh $1" >&2
		exit 1
	}
else
	cp README.md "$top/README.md"
fi
