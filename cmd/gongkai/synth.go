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
	zeros := fs.Float64("zeros", 0, "the `share` of figures drawn as 0, as published tables are mostly zeros (0 ≤ share < 1)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() != 0 {
		return usageError("synth takes --out DIR (and --reports N, --seed S, --zeros P)")
	}
	if *zeros < 0 || *zeros >= 1 {
		return usageError(fmt.Sprintf("synth --zeros %g: the share of figures drawn as 0 is at least 0 and below 1", *zeros))
	}
	c, err := synth.New(synth.Options{Reports: *reports, Seed: *seed, Zeros: *zeros})
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
