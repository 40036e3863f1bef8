package db

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/gongkai/gongkai/catalog"
)

// metaCatalog is the meta key holding the fingerprint of the catalogue last
// synced, so that syncing the same catalogue again writes nothing.
const metaCatalog = "catalog"

// SyncCatalog copies the units and indicators of c into the database, in one
// transaction, so that a database file describes its own codes when it is
// distributed alone. Rows are upserted, never deleted: observations stored
// under a code that c no longer has keep their foreign key. Syncing the same
// catalogue twice writes nothing; a changed catalogue changes the dataset
// version, since the API serves the indicators.
//
// It returns ErrReadOnly on a read-only database.
func (d *DB) SyncCatalog(ctx context.Context, c *catalog.Catalog) error {
	if c == nil {
		return errors.New("db: SyncCatalog: nil catalogue")
	}
	if d.ReadOnly || d.write == nil {
		return ErrReadOnly
	}
	tx, err := d.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	defer d.cache.reset() // the writer's cache knew the catalogue before

	fp, changed, err := syncCatalog(ctx, tx, c)
	if err != nil {
		return fmt.Errorf("sync catalogue: %w", err)
	}
	if !changed {
		return nil
	}
	if err := bumpVersion(ctx, tx, "catalog "+fp, d.now()); err != nil {
		return err
	}
	return tx.Commit()
}

// ensureCatalog syncs the embedded catalogue within tx unless a catalogue was
// synced before, so that StoreReport works on a new database. The meta key
// makes this once per database file, not once per process.
func ensureCatalog(ctx context.Context, tx dbtx) error {
	synced, err := getMeta(ctx, tx, metaCatalog)
	if err != nil || synced != "" {
		return err
	}
	c, err := catalog.Load()
	if err != nil {
		return err
	}
	_, _, err = syncCatalog(ctx, tx, c)
	return err
}

// syncCatalog upserts the units and indicators of c unless the stored
// fingerprint says they are there already. It returns c's fingerprint and
// whether anything was written.
func syncCatalog(ctx context.Context, tx dbtx, c *catalog.Catalog) (string, bool, error) {
	fp, err := catalogFingerprint(c)
	if err != nil {
		return "", false, err
	}
	stored, err := getMeta(ctx, tx, metaCatalog)
	if err != nil || stored == fp {
		return fp, false, err
	}
	// Units first: indicators reference them.
	if err := upsertUnits(ctx, tx, c); err != nil {
		return "", false, err
	}
	if err := upsertIndicators(ctx, tx, c); err != nil {
		return "", false, err
	}
	return fp, true, setMeta(ctx, tx, metaCatalog, fp)
}

func upsertUnits(ctx context.Context, tx dbtx, c *catalog.Catalog) error {
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO units (code, symbol, name_zh, name_en, base_unit, factor)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET
			symbol = excluded.symbol, name_zh = excluded.name_zh, name_en = excluded.name_en,
			base_unit = excluded.base_unit, factor = excluded.factor`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, u := range c.Units {
		var factor any
		if u.Factor != 0 {
			factor = u.Factor
		}
		if _, err := stmt.ExecContext(ctx, u.Code, u.Symbol, u.NameZh, u.NameEn,
			nullString(u.BaseUnit), factor); err != nil {
			return fmt.Errorf("unit %s: %w", u.Code, err)
		}
	}
	return nil
}

func upsertIndicators(ctx context.Context, tx dbtx, c *catalog.Catalog) error {
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO indicators (code, position, parent, relation, unit, name_zh, name_en,
			definition, mapping, breakdowns, templates, source_labels)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET
			position = excluded.position, parent = excluded.parent, relation = excluded.relation,
			unit = excluded.unit, name_zh = excluded.name_zh, name_en = excluded.name_en,
			definition = excluded.definition, mapping = excluded.mapping,
			breakdowns = excluded.breakdowns, templates = excluded.templates,
			source_labels = excluded.source_labels`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i, ind := range c.Indicators {
		if _, err := stmt.ExecContext(ctx, ind.Code, i+1, nullString(ind.Parent), ind.Relation,
			nullString(ind.Unit), ind.NameZh, ind.NameEn, ind.Definition, ind.Mapping,
			jsonArray(ind.Breakdowns), jsonArray(ind.Templates), jsonArray(ind.SourceLabels)); err != nil {
			return fmt.Errorf("indicator %s: %w", ind.Code, err)
		}
	}
	return nil
}

// catalogFingerprint is a short digest of everything SyncCatalog stores.
func catalogFingerprint(c *catalog.Catalog) (string, error) {
	b, err := json.Marshal(struct {
		Units      any `json:"units"`
		Indicators any `json:"indicators"`
	}{c.Units, c.Indicators})
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8]), nil
}

// nullString is s, or SQL NULL when s is empty.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}
