# A static, cgo-free build of gongkai (modernc.org/sqlite is pure Go).
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /gongkai ./cmd/gongkai

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /gongkai /gongkai
WORKDIR /data
EXPOSE 8080
# With no database at /data/gongkai.db, serve creates one from the sample reports.
ENTRYPOINT ["/gongkai"]
CMD ["serve", "--addr", ":8080", "--db", "/data/gongkai.db"]
