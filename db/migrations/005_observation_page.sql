-- Figures read from a PDF cite the page they are printed on, beside the
-- line of the extracted text; 0 for other sources (a text file, an HTML
-- page or a DOCX file has no pages).
ALTER TABLE observations ADD COLUMN page INTEGER NOT NULL DEFAULT 0;
ALTER TABLE unplaced ADD COLUMN page INTEGER NOT NULL DEFAULT 0;
