package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSynthZeros refuses a share of zeros that is not one, naming the
// flag, and writes a corpus with one that is.
func TestSynthZeros(t *testing.T) {
	out := filepath.Join(t.TempDir(), "corpus")
	for _, z := range []string{"1", "-0.5", "7"} {
		_, _, err := cli(t, "synth", "--reports", "2", "--zeros", z, "--out", out)
		if err == nil || !strings.Contains(err.Error(), "synth --zeros "+z+":") {
			t.Errorf("--zeros %s: err %v; want a usage error naming --zeros", z, err)
		}
	}
	if stdout, stderr, err := cli(t, "synth", "--reports", "2", "--zeros", "0.7", "--out", out); err != nil || !strings.Contains(stdout, "2 reports written") {
		t.Errorf("--zeros 0.7: %v %q %q", err, stdout, stderr)
	}
}
