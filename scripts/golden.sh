#!/bin/sh
# golden.sh BRIEF - regenerate the golden outputs in tests/golden/ from the
# sample articles. Review `git diff tests/golden` before committing: the
# tests compare against these files.
set -eu
brief=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$brief" --db "$tmp/g.db" ingest -q data/articles 2>/dev/null
mkdir -p tests/golden
"$brief" --db "$tmp/g.db" show 钱塘区 --year 2025 --json > tests/golden/钱塘区-2025.json
"$brief" --db "$tmp/g.db" show 余杭区 --year 2024 --json > tests/golden/余杭区-2024.json
export SOURCE_DATE_EPOCH=1738713600      # the LaTeX sources carry a date
"$brief" --db "$tmp/g.db" render 钱塘区 --year 2025 -o tests/golden/钱塘区-2025.tex >/dev/null
"$brief" --db "$tmp/g.db" render 余杭区 --year 2024 -o tests/golden/余杭区-2024.tex >/dev/null
echo "golden: tests/golden/ regenerated; review with git diff tests/golden"
