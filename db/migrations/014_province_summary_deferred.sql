-- A bulk load (DB.DeferIndexes) no longer keeps summary_provinces report
-- by report: it marks the summary stale (the meta key provinces_stale) and
-- DB.RestoreIndexes counts it again at the end, with one GROUP BY. While
-- it is stale, moving a publisher's figures to its new province would
-- scan the observations twice (the bulk load has dropped the index by
-- publisher) for counts about to be replaced: the trigger waits.
DROP TRIGGER publishers_province;
CREATE TRIGGER publishers_province AFTER UPDATE OF admin_code ON publishers
WHEN substr(coalesce(old.admin_code, ''), 1, 2) IS NOT substr(coalesce(new.admin_code, ''), 1, 2)
	AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'provinces_stale')
BEGIN
	INSERT INTO summary_provinces (province, year, indicator_id, observations)
		SELECT substr(coalesce(old.admin_code, ''), 1, 2), year, indicator_id, -count(*)
		FROM observations WHERE publisher_id = old.id AND current = 1 GROUP BY year, indicator_id
		ON CONFLICT (province, year, indicator_id) DO UPDATE SET observations = observations + excluded.observations;
	INSERT INTO summary_provinces (province, year, indicator_id, observations)
		SELECT substr(coalesce(new.admin_code, ''), 1, 2), year, indicator_id, count(*)
		FROM observations WHERE publisher_id = new.id AND current = 1 GROUP BY year, indicator_id
		ON CONFLICT (province, year, indicator_id) DO UPDATE SET observations = observations + excluded.observations;
END;
