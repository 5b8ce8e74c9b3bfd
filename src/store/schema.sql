-- brief database schema. Version in PRAGMA user_version; db.c applies the
-- migrations in order. Offsets (start, end, offset) count characters
-- (code points) of documents.text, the clean Simplified text.

-- migration 1
CREATE TABLE documents (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused
  path          TEXT NOT NULL UNIQUE,   -- canonical absolute path
  name          TEXT NOT NULL,          -- base name, as exported in `doc`
  hash          TEXT NOT NULL,          -- sha256 of the decoded text
  encoding      TEXT NOT NULL,
  html          INTEGER NOT NULL DEFAULT 0,
  script        TEXT NOT NULL CHECK (script IN ('simplified', 'traditional')),
  title         TEXT,
  published     TEXT,                   -- YYYY-MM-DD or NULL
  source        TEXT,
  url           TEXT,
  original      TEXT NOT NULL,          -- decoded, before cleaning
  clean_orig    TEXT NOT NULL,          -- cleaned, original script
  text          TEXT NOT NULL,          -- cleaned, Simplified
  chars         INTEGER NOT NULL,
  invalid_bytes INTEGER NOT NULL DEFAULT 0,
  ingested_at   TEXT NOT NULL
);
CREATE INDEX documents_hash ON documents(hash);

CREATE TABLE sentences (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx    INTEGER NOT NULL,
  start  INTEGER NOT NULL,
  end    INTEGER NOT NULL,
  para   INTEGER NOT NULL,
  PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

CREATE TABLE warnings (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind   TEXT NOT NULL,                 -- 'garbled', 'invalid-bytes', ...
  start  INTEGER,
  end    INTEGER,
  detail TEXT
);
CREATE INDEX warnings_doc ON warnings(doc_id);

CREATE TABLE facts (
  id            INTEGER PRIMARY KEY,
  doc_id        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  type          TEXT NOT NULL CHECK (type IN ('target','actual','project','cluster')),
  region        TEXT,
  region_code   TEXT,
  parent_code   TEXT,
  indicator     TEXT,
  kind          TEXT,
  value         REAL,
  unit          TEXT,
  bound         TEXT,
  qualifier     TEXT,
  period        TEXT,
  year          INTEGER,
  name          TEXT,
  investment_yi REAL,
  status        TEXT,
  tier          TEXT,
  evidence      TEXT,
  offset        INTEGER,
  sentence      INTEGER
);
CREATE INDEX facts_doc ON facts(doc_id);
CREATE INDEX facts_region ON facts(region_code, year);

-- migration 2
-- Messages a mail server accepted, so a re-run does not send them again.
CREATE TABLE mail_sent (
  key        TEXT PRIMARY KEY,          -- sha256 of year, region, recipient, PDF
  message_id TEXT NOT NULL,
  region     TEXT NOT NULL,
  year       INTEGER NOT NULL,
  email      TEXT NOT NULL,
  sent_at    TEXT NOT NULL
);

-- migration 3
-- The sibling comparison of every briefing looks facts up by parent; a
-- batch over thousands of regions scanned the whole table each time.
CREATE INDEX facts_parent ON facts(parent_code, year, indicator);

-- migration 4
-- What a rank or a value is relative to or limited to (全省第一, 区本级).
ALTER TABLE facts ADD COLUMN scope TEXT;

-- migration 5
-- A digest of the facts extracted from a document: re-ingesting content
-- already stored replaces its facts when a newer brief reads them
-- otherwise (NULL: stored before digests were kept).
ALTER TABLE documents ADD COLUMN facts_digest TEXT;
