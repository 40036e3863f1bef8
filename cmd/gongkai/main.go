// Command gongkai parses government information disclosure annual reports
// into SQLite and serves them as an open-data API.
//
//	gongkai serve  [--addr :8080] [--db gongkai.db]
//	gongkai ingest [--db gongkai.db] [--replace] [--publisher NAME] [--year YEAR] FILE|DIR...
//	gongkai ingest [--db gongkai.db] [--replace] --jsonl FILE|-...
//	gongkai fetch  [--db gongkai.db] [--cache DIR] URL... | --list FILE
//	gongkai parse  FILE | --jsonl FILE|DIR...
//	gongkai check  FILE | --db gongkai.db
//	gongkai synth  --reports N --seed S [--zeros P] --out DIR
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `usage:
  gongkai serve  [--addr :8080] [--db gongkai.db]     serve the API (loads the sample reports into a new database)
  gongkai ingest [--db gongkai.db] [--replace] FILE|DIR...   parse reports and store them
  gongkai ingest [--db gongkai.db] --jsonl FILE|-...   store the output of parse --jsonl without parsing again
  gongkai fetch  [--db gongkai.db] [--cache DIR] URL... | --list FILE   collect reports from websites and store them
  gongkai parse  FILE                                  print a parsed report as JSON, store nothing
  gongkai parse  --jsonl FILE|DIR...                  parse many files, one JSON line each (for ingest --jsonl)
  gongkai check  FILE | --db gongkai.db               run the consistency checks
  gongkai synth  --reports N --seed S [--zeros P] --out DIR   write synthetic report files (benchmarks, load tests)
`

// errFailed reports that a command already told the user what went wrong.
var errFailed = errors.New("failed")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errFailed) && !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "gongkai:", err)
		}
		os.Exit(exitCode(err))
	}
}

// exitCode is 2 for a usage error, 1 for anything else.
func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

type usageError string

func (e usageError) Error() string { return string(e) }

// run dispatches a command line; tests call it directly.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError("no command given")
	}
	switch args[0] {
	case "parse":
		return runParse(ctx, args[1:], stdout, stderr)
	case "ingest":
		return runIngest(ctx, args[1:], stdin, stdout, stderr)
	case "fetch":
		return runFetch(ctx, args[1:], stdout, stderr)
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "check":
		return runCheck(ctx, args[1:], stdout, stderr)
	case "synth":
		return runSynth(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError(fmt.Sprintf("unknown command %q", args[0]))
}

// newFlags returns a flag set that reports errors to stderr with the usage.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("gongkai "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}
