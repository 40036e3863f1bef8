package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const seedFile = "../../samples/xuecheng-2017.txt"

// runCmd runs a command line and returns its stdout and error.
func runCmd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), args, nil, &stdout, &stderr)
	if stderr.Len() > 0 {
		t.Logf("stderr: %s", stderr.String())
	}
	return stdout.String(), err
}

func TestCheckFile(t *testing.T) {
	out, err := runCmd(t, "check", seedFile)
	if err != nil {
		t.Fatalf("error %v: warnings alone must not fail the command", err)
	}
	for _, want := range []string{
		"薛城区人民政府 2017\n",
		"FAIL  warning  legacy.proactive.channels.at_least",
		"expected 18361  actual 18159",
		"FAIL  warning  narrative.requests.received",
		"narrative 16 ≠ table 13: 收到申请数",
		"“2017年，全区收到依申请公开政府信息的申请16件，答复率为100%。”",
		"pass  error    legacy.requests.received.sum",
		"\n24 checks: 21 pass, 3 fail (0 of severity error), 0 skipped\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestCheckFileJSON(t *testing.T) {
	out, err := runCmd(t, "check", "--json", seedFile)
	if err != nil {
		t.Fatal(err)
	}
	var lines []struct {
		Publisher string   `json:"publisher"`
		Year      int      `json:"year"`
		Rule      string   `json:"rule"`
		Status    string   `json:"status"`
		Expected  *float64 `json:"expected"`
		Actual    *float64 `json:"actual"`
		Evidence  string   `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(out), &lines); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if len(lines) != 24 {
		t.Errorf("%d checks, want 24", len(lines))
	}
	found := false
	for _, l := range lines {
		if l.Rule == "narrative.requests.received" {
			found = l.Status == "fail" && *l.Expected == 13 && *l.Actual == 16 && l.Publisher == "薛城区人民政府" &&
				l.Year == 2017 && strings.Contains(l.Evidence, "申请16件")
		}
	}
	if !found {
		t.Errorf("no failing narrative.requests.received in %s", out)
	}
}

// A broken identity is an error: the command exits 1.
func TestCheckFileBrokenSum(t *testing.T) {
	src, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	// 1.当面申请数 1 → 4: the channels add up to 16 against 收到申请数 13.
	text := strings.Replace(string(src), "当面申请数\n\t件\n\t1\n", "当面申请数\n\t件\n\t4\n", 1)
	if text == string(src) {
		t.Fatal("the seed's 当面申请数 row was not found")
	}
	name := filepath.Join(t.TempDir(), "broken.txt")
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := runCmd(t, "check", name)
	if !errors.Is(err, errFailed) || exitCode(err) != 1 {
		t.Errorf("error %v, want exit status 1", err)
	}
	if !strings.Contains(out, "FAIL  error    legacy.requests.received.sum") ||
		!strings.Contains(out, "收到申请数 13 ≠ 当面申请数 4 + 传真申请数 0 + 网络申请数 10 + 信函申请数 2 + 其他形式申请数 0 = 16") {
		t.Errorf("output:\n%s", out)
	}
}

func TestCheckDB(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "gongkai.db")
	if _, err := runCmd(t, "ingest", "--db", dbPath, seedFile); err != nil {
		t.Fatal(err)
	}
	out, err := runCmd(t, "check", "--db", dbPath, "--status", "fail")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"薛城区人民政府 2017 (report 1)",
		"FAIL  warning  legacy.proactive.channels.at_least  expected 18361  actual 18159",
		"FAIL  warning  narrative.requests.received         expected 13     actual 16",
		"全区收到依申请公开政府信息的申请16件",
		"3 checks: 0 pass, 3 fail (0 of severity error), 0 skipped",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--rule", "legacy.requests.recieved.sum"}, `unknown rule "legacy.requests.recieved.sum"`},
		{[]string{"--status", "failed"}, `unknown status "failed"`},
	} {
		_, err := runCmd(t, append([]string{"check", "--db", dbPath}, tt.args...)...)
		if err == nil || !strings.Contains(err.Error(), tt.want) || exitCode(err) != 2 {
			t.Errorf("%v: error %v, want a usage error containing %q", tt.args, err, tt.want)
		}
	}
	if _, err := runCmd(t, "check", "--db", filepath.Join(t.TempDir(), "none.db")); err == nil {
		t.Error("a missing database: no error")
	}
}
