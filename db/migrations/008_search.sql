-- Search (db/search.go): report titles, narrative sections, publisher names
-- and indicator names. Chinese has no spaces, so texts are indexed as
-- overlapping character bigrams (征收土地 → 征收 收土 土地) and words of
-- other scripts as words; a query is the phrase of its own bigrams, which
-- finds every text holding it, two characters or more, from the index
-- alone. The FTS5 tables hold the tokens only (contentless); the texts as
-- printed, for snippets, are in search_docs, whose id is their rowid.
CREATE TABLE search_docs (
	id       INTEGER PRIMARY KEY,
	kind     TEXT NOT NULL,              -- report, section, publisher, indicator
	ref      TEXT NOT NULL,              -- report id, publisher id or indicator code
	line     INTEGER NOT NULL DEFAULT 0, -- a section's heading line
	title    TEXT NOT NULL,              -- what a hit is called
	text     TEXT NOT NULL               -- the text searched, as printed
);
CREATE INDEX search_docs_ref ON search_docs(kind, ref);

-- Publishers and indicators: a few thousand names, listed first.
CREATE VIRTUAL TABLE search_names USING fts5(tokens, content='', contentless_delete=1, detail=full);
-- Report titles and narrative: the bulk, listed newest first.
CREATE VIRTUAL TABLE search_text USING fts5(tokens, content='', contentless_delete=1, detail=full);
