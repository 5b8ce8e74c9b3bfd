#!/bin/sh
# valgrind.sh BRIEF - the main job under valgrind (memcheck): ingest the
# sample articles, export, show and render; any leak or error fails.
set -eu
brief=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# PCRE2's JIT code is opaque to valgrind: interpret the patterns instead.
export BRIEF_NO_JIT=1
vg="valgrind -q --trace-children=yes --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --suppressions=tests/valgrind.supp"
run() {
	echo "valgrind: brief $*"
	if ! $vg "$brief" --db "$tmp/v.db" "$@" > "$tmp/out" 2> "$tmp/err"; then
		cat "$tmp/err"
		exit 1
	fi
	if grep -q '^==[0-9]*==' "$tmp/err"; then
		cat "$tmp/err"
		exit 1
	fi
}
run ingest data/articles
run export --format jsonl
run docs
run show 钱塘区 --year 2025
run show 余杭区 --year 2024 --json
run regions --scope 杭州市
run render 钱塘区 --year 2025 --format pdf -o "$tmp/q.pdf"
run render 余杭区 --year 2024 -o "$tmp/y.tex"
run batch --year 2025 --scope 杭州市 --format both --out "$tmp/batch" -j 2
run mail --year 2025 --recipients data/recipients.csv --out "$tmp/mail" --reports "$tmp/batch"
