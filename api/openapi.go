package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/labstack/echo/v4"
	echoSwagger "github.com/swaggo/echo-swagger"

	"github.com/gongkai/gongkai/docs"
)

// OpenAPI3 returns the API's OpenAPI 3 document: swag's OpenAPI 2 document
// (docs/) converted by kin-openapi, then made exact where OpenAPI 2 cannot
// say it: problem documents are application/problem+json, CSV and source
// files are strings. serverURL becomes its only server.
func OpenAPI3(serverURL string) (*openapi3.T, error) {
	base, err := openAPI3()
	if err != nil {
		return nil, err
	}
	doc := *base // shallow: only Servers differs
	doc.Servers = openapi3.Servers{{URL: serverURL, Description: "This server"}}
	return &doc, nil
}

var openAPI3 = sync.OnceValues(func() (*openapi3.T, error) {
	var doc2 openapi2.T
	if err := json.Unmarshal([]byte(docs.SwaggerInfo.ReadDoc()), &doc2); err != nil {
		return nil, fmt.Errorf("swag document: %w", err)
	}
	doc, err := openapi2conv.ToV3(&doc2)
	if err != nil {
		return nil, fmt.Errorf("convert to OpenAPI 3: %w", err)
	}
	problem := doc.Components.Schemas["api.Problem"]
	if problem == nil {
		return nil, fmt.Errorf("swag document: no api.Problem schema")
	}
	text := openapi3.NewSchemaRef("", openapi3.NewStringSchema())
	binary := openapi3.NewSchemaRef("", openapi3.NewStringSchema().WithFormat("binary"))
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			op.Security = &openapi3.SecurityRequirements{} // open data: no authentication
			for code, resp := range op.Responses.Map() {
				content := resp.Value.Content
				if strings.HasPrefix(code, "2") {
					for mt := range content {
						switch mt {
						case "text/csv", "text/plain", "image/svg+xml":
							content[mt] = openapi3.NewMediaType().WithSchemaRef(text)
						case "application/octet-stream":
							content[mt] = openapi3.NewMediaType().WithSchemaRef(binary)
						}
					}
					continue
				}
				if mt := content.Get("application/json"); mt != nil {
					resp.Value.Content = openapi3.Content{problemType: mt}
				} else {
					// Errors of operations producing only text/plain: the schema of a problem.
					resp.Value.Content = openapi3.NewContentWithSchemaRef(
						openapi3.NewSchemaRef("#/components/schemas/api.Problem", problem.Value), []string{problemType})
				}
			}
		}
	}
	// A nullable reference converts to {allOf: [$ref], nullable: true}; OpenAPI
	// 3.0 wants a type beside nullable.
	for _, schema := range doc.Components.Schemas {
		for _, prop := range schema.Value.Properties {
			if v := prop.Value; prop.Ref == "" && v.Nullable && v.Type == nil && len(v.AllOf) > 0 {
				v.Type = &openapi3.Types{openapi3.TypeObject}
			}
		}
	}
	if err := doc.Validate(openapi3.NewLoader().Context); err != nil {
		return nil, fmt.Errorf("OpenAPI 3 document: %w", err)
	}
	return doc, nil
})

// openAPI godoc
//
// @Summary      The OpenAPI 3 document of the API
// @Description  This API described in OpenAPI 3.0 (converted from the OpenAPI 2 document at /swagger/doc.json).
// @ID           getOpenAPI
// @Tags         operations
// @Produce      json
// @Success      200  {object}  object
// @Failure      400  {object}  api.Problem
// @Failure      429  {object}  api.Problem
// @Failure      500  {object}  api.Problem
// @Router       /openapi.json [get]
func (s *Server) openAPI(c echo.Context) error {
	if p := newParams(c); p.err != nil {
		return p.err
	}
	doc, err := OpenAPI3(s.baseURL(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, doc)
}

// swaggerUI serves Swagger UI and swag's document (/swagger/doc.json).
var swaggerUI = echoSwagger.EchoWrapHandler(echoSwagger.URL("/swagger/doc.json"))

// Health is the answer of /healthz.
type Health struct {
	Status string `json:"status" example:"ok"`
	// Version is the dataset version.
	Version string `json:"version" example:"3-5f1c2a9e0b7d"`
}

// health godoc
//
// @Summary      Health check
// @Description  ok when the database answers; never cached, never rate limited.
// @ID           getHealth
// @Tags         operations
// @Produce      json
// @Success      200  {object}  api.Health
// @Failure      400  {object}  api.Problem  "A query parameter was given"
// @Failure      500  {object}  api.Problem  "The database does not answer"
// @Router       /healthz [get]
func (s *Server) health(c echo.Context) error {
	if p := newParams(c); p.err != nil {
		return p.err
	}
	v, _, err := s.db.Version(c.Request().Context())
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, Health{Status: "ok", Version: v})
}
