package form

import (
	"slices"

	"github.com/gongkai/gongkai/ingest/layout"
)

// Table 4 turned, read in the form's order (readingorder.go,
// sevensorder.go). LibreOffice's and Word's prints of a Word table whose
// last block's 结果维持 cell stands lower than the block's other cells,
// taken out by plain pdftotext, print that block's four other figures
// first, under their header's pieces, then the rest of the header, then
// the other eleven figures (pingtan 2024 and 2025, printed through Word):
//
//	结 / 果 / 纠 / 正 / … / 2 / 4 / 0 / 19 / 结 / 果 / 维 / 持 / … / 2 / 1 / 3 / 1 / 7 / 0 / 0 / 0 / 0 / 0 / 13
//
// plainreviews.go reads that shape (runsTurned) where table 4 is read by
// its own header; here the same reading serves where the form's order
// places every figure of tables 3 and 4. The fifteen figures are read
// from the run after the split first only when all of these hold:
//
//   - read as printed, some block's 总计 is not the sum of its results;
//   - labels of the tables part the figures at one place only, inside a
//     block (after a figure whose count is not a multiple of five): runs
//     of whole blocks turned would add up as well as printed;
//   - turned, every block's 总计 is the sum of its results.
//
// Otherwise the figures stay as printed and reviewsInOrder places the
// blocks that add up, as before.

// turnedReviews returns table 4's figures and cells turned at the one
// place labels part them (see above), or them as they are.
func (r *reader) turnedReviews(figures []float64, cells []layout.Cell) ([]float64, []layout.Cell) {
	n := r.reviewsResultCount()
	if len(figures) != n*len(r.s.reviewsBlocks) || len(cells) != len(figures) || blocksAddUp(figures, n) {
		return figures, cells
	}
	split := -1
	for k := 1; k < len(cells); k++ {
		if !r.labelBetween(cells[k-1].Line, cells[k].Line) {
			continue
		}
		if split >= 0 {
			return figures, cells // parted at more than one place
		}
		split = k
	}
	if split < 0 || split%n == 0 {
		return figures, cells
	}
	tf := append(slices.Clone(figures[split:]), figures[:split]...)
	if !blocksAddUp(tf, n) {
		return figures, cells
	}
	return tf, append(slices.Clone(cells[split:]), cells[:split]...)
}
