#!/bin/sh
# run.sh BRIEF - the main job on the bundled sample articles:
# ingest data/articles into reports/brief.db, then write the briefings
# into reports/.
set -eu
brief=$1
db=${BRIEF_DB:-reports/brief.db}
mkdir -p reports
"$brief" --db "$db" ingest data/articles
"$brief" --db "$db" docs
