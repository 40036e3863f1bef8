package ingest

// Test helpers of package ingest that the external tests use too.
var (
	ReadCSV      = readCSV
	ReadTruth    = readTruth
	ScoreTruth   = scoreTruth
	ScoreDamaged = scoreDamaged
)
