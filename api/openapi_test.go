package api_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/gongkai/gongkai/api"
)

var update = flag.Bool("update", false, "rewrite docs/openapi3.json")

// docs/openapi3.json is the document /openapi.json serves (with the server
// "/", the host it is served from), kept in the repository so that CI
// lints it and a change of the API shows in review. Rewrite it with
//
//	go test ./api -run TestOpenAPIDocument -update
func TestOpenAPIDocument(t *testing.T) {
	doc, err := api.OpenAPI3("/")
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const path = "../docs/openapi3.json"
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date: run go generate ./api && go test ./api -run TestOpenAPIDocument -update", path)
	}
}
