-- Provenance of the reports that `gongkai fetch` collected from government
-- websites: the URL of the file whose table was read, the listing page that
-- led to it and when its bytes were fetched ('' for files ingested from
-- disk), and every file of the report (the report page and its
-- attachments), whose bytes are kept in sources like the file that was read.
ALTER TABLE reports ADD COLUMN source_url TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN listing_url TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN fetched_at TEXT NOT NULL DEFAULT '';

CREATE TABLE report_files (
	report_id INTEGER NOT NULL REFERENCES reports(id),
	position  INTEGER NOT NULL,
	url       TEXT NOT NULL,
	role      TEXT NOT NULL,              -- page, attachment
	sha256    TEXT NOT NULL REFERENCES sources(sha256),
	read      INTEGER NOT NULL DEFAULT 0, -- 1 for the file whose table gave the figures
	fetched_at TEXT NOT NULL,
	PRIMARY KEY (report_id, position)
) WITHOUT ROWID;
