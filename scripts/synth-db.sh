#!/bin/sh
# synth-db.sh SRC.db DST.db N - a copy of SRC.db in which the facts of the
# seed districts are duplicated under N more real county-level codes from
# data/regions.tsv (each county gets one seed district's facts, in turn),
# for scale runs of `brief batch` (make bench) and its kill test.
set -eu
src=$1
dst=$2
n=$3
rm -f "$dst" "$dst-wal" "$dst-shm"
sqlite3 "$src" ".backup '$dst'"
sqlite3 "$dst" <<SQL
CREATE TEMP TABLE gz(code TEXT, name TEXT, parent TEXT, level INT, short TEXT, former TEXT);
.mode tabs
.import --skip 1 data/regions.tsv gz
CREATE TEMP TABLE seed AS
  SELECT code, row_number() OVER (ORDER BY code) - 1 AS k
  FROM (SELECT DISTINCT region_code AS code FROM facts
        WHERE region_code IN (SELECT code FROM gz WHERE level = 3));
CREATE TEMP TABLE county AS
  SELECT code, name, parent, row_number() OVER (ORDER BY code) - 1 AS k
  FROM gz WHERE level = 3 AND code NOT IN (SELECT code FROM seed)
  ORDER BY code LIMIT $n;
BEGIN;
INSERT INTO facts (doc_id, type, region, region_code, parent_code, indicator,
  kind, value, unit, bound, qualifier, period, year, name, investment_yi,
  status, tier, evidence, offset, sentence)
SELECT f.doc_id, f.type, c.name, c.code, c.parent, f.indicator, f.kind,
  f.value, f.unit, f.bound, f.qualifier, f.period, f.year, f.name,
  f.investment_yi, f.status, f.tier, f.evidence, f.offset, f.sentence
FROM county c
JOIN seed s ON s.k = c.k % (SELECT count(*) FROM seed)
JOIN facts f ON f.region_code = s.code;
COMMIT;
SELECT count(DISTINCT region_code) || ' regions, ' || count(*) || ' facts' FROM facts;
SQL
