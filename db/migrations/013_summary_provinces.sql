-- The number of current observations of each indicator, year and
-- province (the first two digits of the publisher's division code, '' for
-- a publisher without one), kept by StoreReport (db/provinces.go). The
-- total beside a page of one indicator over a province, or over the whole
-- country, was counted from observations_indicator, one probe for each
-- publisher of the region (at 10 million observations: 4,400 entries in
-- 440 probes for one province, a third of the page's CPU; all 132,000 of
-- an indicator stopped at the count's cap). It is now a sum of at most 10
-- rows a province (the years).
--
-- A publisher whose division code changes takes its figures to the new
-- province (the trigger; rare: a code is given once by the catalogue).
CREATE TABLE summary_provinces (
	indicator_id INTEGER NOT NULL,
	province     TEXT NOT NULL,
	year         INTEGER NOT NULL,
	observations INTEGER NOT NULL,
	PRIMARY KEY (indicator_id, province, year)
) WITHOUT ROWID;

INSERT INTO summary_provinces (indicator_id, province, year, observations)
	SELECT o.indicator_id, substr(coalesce(p.admin_code, ''), 1, 2), o.year, count(*)
	FROM observations o LEFT JOIN publishers p ON p.id = o.publisher_id
	WHERE o.current = 1
	GROUP BY 1, 2, 3;

CREATE TRIGGER publishers_province AFTER UPDATE OF admin_code ON publishers
WHEN substr(coalesce(old.admin_code, ''), 1, 2) IS NOT substr(coalesce(new.admin_code, ''), 1, 2)
BEGIN
	INSERT INTO summary_provinces (indicator_id, province, year, observations)
		SELECT indicator_id, substr(coalesce(old.admin_code, ''), 1, 2), year, -count(*)
		FROM observations WHERE publisher_id = old.id AND current = 1 GROUP BY indicator_id, year
		ON CONFLICT (indicator_id, province, year) DO UPDATE SET observations = observations + excluded.observations;
	INSERT INTO summary_provinces (indicator_id, province, year, observations)
		SELECT indicator_id, substr(coalesce(new.admin_code, ''), 1, 2), year, count(*)
		FROM observations WHERE publisher_id = new.id AND current = 1 GROUP BY indicator_id, year
		ON CONFLICT (indicator_id, province, year) DO UPDATE SET observations = observations + excluded.observations;
END;
