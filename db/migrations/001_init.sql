-- The reference data: copied from the embedded catalogue on every ingest, so
-- that a database file is self-describing when it is distributed alone.
CREATE TABLE units (
	code      TEXT PRIMARY KEY,
	symbol    TEXT NOT NULL,
	name_zh   TEXT NOT NULL,
	name_en   TEXT NOT NULL,
	base_unit TEXT,
	factor    REAL
);

CREATE TABLE indicators (
	code          TEXT PRIMARY KEY,
	position      INTEGER NOT NULL,           -- catalogue order
	parent        TEXT,
	relation      TEXT NOT NULL,
	unit          TEXT REFERENCES units(code),
	name_zh       TEXT NOT NULL,
	name_en       TEXT NOT NULL,
	definition    TEXT NOT NULL DEFAULT '',
	mapping       TEXT NOT NULL DEFAULT '',
	breakdowns    TEXT NOT NULL DEFAULT '[]', -- JSON array
	templates     TEXT NOT NULL DEFAULT '[]', -- JSON array
	source_labels TEXT NOT NULL DEFAULT '[]'  -- JSON array
);
CREATE INDEX indicators_parent ON indicators(parent);

CREATE TABLE publishers (
	id          TEXT PRIMARY KEY,
	name_zh     TEXT NOT NULL UNIQUE,
	name_en     TEXT NOT NULL DEFAULT '',
	level       TEXT NOT NULL DEFAULT '',
	admin_code  TEXT NOT NULL DEFAULT '',
	parent_code TEXT NOT NULL DEFAULT ''
);
CREATE INDEX publishers_admin_code ON publishers(admin_code);

-- The original bytes of every file ever stored, by content.
CREATE TABLE sources (
	sha256 TEXT PRIMARY KEY,
	size   INTEGER NOT NULL,
	bytes  BLOB NOT NULL
);

-- One row per stored version of a report. The current version of a
-- publisher's report for a year is the one with superseded_by NULL; replaced
-- versions stay, pointing at their successor.
CREATE TABLE reports (
	id            INTEGER PRIMARY KEY,
	publisher_id  TEXT NOT NULL REFERENCES publishers(id),
	year          INTEGER NOT NULL,
	template      TEXT NOT NULL,
	title         TEXT NOT NULL DEFAULT '',
	published_on  TEXT NOT NULL DEFAULT '',
	contact       TEXT NOT NULL DEFAULT '{}', -- JSON object
	missing       TEXT NOT NULL DEFAULT '[]', -- JSON array of metadata not found in the text
	file_name     TEXT NOT NULL DEFAULT '',
	sha256        TEXT NOT NULL REFERENCES sources(sha256),
	ingested_at   TEXT NOT NULL,
	superseded_by INTEGER REFERENCES reports(id)
);
CREATE UNIQUE INDEX reports_current ON reports(publisher_id, year) WHERE superseded_by IS NULL;
CREATE INDEX reports_year ON reports(year);
CREATE INDEX reports_sha256 ON reports(sha256);

CREATE TABLE sections (
	report_id INTEGER NOT NULL REFERENCES reports(id),
	position  INTEGER NOT NULL,
	heading   TEXT NOT NULL,
	text      TEXT NOT NULL,
	line      INTEGER NOT NULL,
	PRIMARY KEY (report_id, position)
) WITHOUT ROWID;

-- Observations carry copies of their report's publisher, region and year so
-- that every API filter is served by an index without a join. current is 1
-- for the observations of current report versions, 0 for replaced ones.
CREATE TABLE observations (
	id           INTEGER PRIMARY KEY,
	report_id    INTEGER NOT NULL REFERENCES reports(id),
	current      INTEGER NOT NULL DEFAULT 1,
	publisher_id TEXT NOT NULL,
	admin_code   TEXT NOT NULL DEFAULT '',
	year         INTEGER NOT NULL,
	indicator    TEXT NOT NULL REFERENCES indicators(code),
	breakdown    TEXT NOT NULL,
	value        REAL,
	unit         TEXT NOT NULL DEFAULT '',
	label        TEXT NOT NULL DEFAULT '',
	column_label TEXT,
	raw          TEXT NOT NULL DEFAULT '',
	line         INTEGER NOT NULL DEFAULT 0,
	flags        TEXT NOT NULL DEFAULT '[]' -- JSON array
);
CREATE INDEX observations_report ON observations(report_id);
CREATE INDEX observations_indicator ON observations(indicator, year, publisher_id) WHERE current = 1;
CREATE INDEX observations_publisher ON observations(publisher_id, indicator, year) WHERE current = 1;
CREATE INDEX observations_region ON observations(admin_code, indicator, year) WHERE current = 1;
CREATE INDEX observations_year ON observations(year, indicator) WHERE current = 1;

-- Rows of a report's table that could not be matched to the catalogue.
CREATE TABLE unplaced (
	report_id INTEGER NOT NULL REFERENCES reports(id),
	position  INTEGER NOT NULL,
	label     TEXT NOT NULL,
	cells     TEXT NOT NULL DEFAULT '[]', -- JSON array
	line      INTEGER NOT NULL,
	reason    TEXT NOT NULL,
	PRIMARY KEY (report_id, position)
) WITHOUT ROWID;

-- Key/value facts about the dataset as a whole: version, loaded_at.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
