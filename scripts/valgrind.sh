#!/bin/sh
# valgrind.sh BRIEF - the main job under valgrind (memcheck): ingest the
# sample articles, export, show and render; any leak or error fails.
set -eu
brief=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
run() {
	echo "valgrind: brief $*"
	$vg "$brief" --db "$tmp/v.db" "$@" > "$tmp/out" 2> "$tmp/err" || {
		st=$?; cat "$tmp/err"; [ $st -ne 99 ] || exit 1
	}
	grep -q '^==[0-9]*==' "$tmp/err" && { cat "$tmp/err"; exit 1; }
	return 0
}
run ingest data/articles
run export --format jsonl
run docs
