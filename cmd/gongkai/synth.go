package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/gongkai/gongkai/synth"
)

func runSynth(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("synth", stderr)
	reports := fs.Int("reports", 1000, "how many report `files` to write")
	seed := fs.Uint64("seed", 1, "the `seed`: the same seed writes the same files")
	out := fs.String("out", "", "`directory` to write the reports in (created)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() != 0 {
		return usageError("synth takes --out DIR (and --reports N, --seed S)")
	}
	c, err := synth.New(synth.Options{Reports: *reports, Seed: *seed})
	if err != nil {
		return err
	}
	start := time.Now()
	n, err := c.Write(ctx, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d reports written to %s (%.1fs)\n", n, *out, time.Since(start).Seconds())
	return nil
}
