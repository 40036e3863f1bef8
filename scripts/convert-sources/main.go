// Command convert-sources writes the web pages and Word files of synth
// reports whose figures are known, for scripts/convert-corpus.sh to pass
// through real converters: for each template, the first report of a synth
// corpus printed as HTML and the first printed as DOCX whose figures keep
// every identity of the form, each beside <name>.truth.csv (indicator,
// breakdown, value of every printed figure).
//
//	go run ./scripts/convert-sources OUTDIR [SEED]
//
// SEED (9 when left out) picks another corpus: other figures and places,
// for checking a reader on texts it was not fitted to.
package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/synth"
)

// corpusSeed and corpusSize fix the synth corpus the reports are taken from
// (the committed outputs' seed; another may be given).
const (
	corpusSeed = 9
	corpusSize = 600
)

func main() {
	if len(os.Args) < 2 || len(os.Args) > 3 {
		fmt.Fprintln(os.Stderr, "usage: convert-sources OUTDIR [SEED]")
		os.Exit(2)
	}
	seed := uint64(corpusSeed)
	if len(os.Args) == 3 {
		n, err := strconv.ParseUint(os.Args[2], 10, 64)
		if err != nil {
			fmt.Fprintf(os.Stderr, "convert-sources: SEED %q is not a whole number\n", os.Args[2])
			os.Exit(2)
		}
		seed = n
	}
	if err := write(os.Args[1], seed); err != nil {
		fmt.Fprintln(os.Stderr, "convert-sources:", err)
		os.Exit(1)
	}
}

// write writes one HTML and one DOCX report of each template under dir.
func write(dir string, seed uint64) error {
	c, err := synth.New(synth.Options{Reports: corpusSize, Seed: seed})
	if err != nil {
		return err
	}
	wanted := map[string]bool{}
	for _, tpl := range []string{gongkai.TemplateLegacy, gongkai.Template2019, gongkai.Template2021} {
		for _, f := range []string{"html", "docx"} {
			wanted[tpl+"-"+f] = true
		}
	}
	for i := 0; i < c.Len() && len(wanted) > 0; i++ {
		r, err := c.Report(i)
		if err != nil {
			return err
		}
		kind := r.Template + "-" + r.Format
		if !wanted[kind] || r.Broken != "" {
			continue
		}
		delete(wanted, kind)
		name := filepath.Join(dir, "synth-"+kind)
		if err := os.WriteFile(name+"."+r.Format, r.Data, 0o644); err != nil {
			return err
		}
		if err := writeTruth(name+".truth.csv", r.Figures); err != nil {
			return err
		}
	}
	if len(wanted) > 0 {
		return fmt.Errorf("%d reports of a kind missing from the corpus", len(wanted))
	}
	return nil
}

// writeTruth writes figures ("indicator/breakdown" → value) as CSV, sorted.
func writeTruth(path string, figures map[string]float64) error {
	keys := make([]string, 0, len(figures))
	for k := range figures {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.Write([]string{"indicator", "breakdown", "value"})
	for _, k := range keys {
		ind, bd, _ := strings.Cut(k, "/")
		w.Write([]string{ind, bd, strconv.FormatFloat(figures[k], 'f', -1, 64)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
