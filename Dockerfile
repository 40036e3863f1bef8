# A static, cgo-free build of gongkai (modernc.org/sqlite is pure Go).
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /gongkai ./cmd/gongkai && mkdir /data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /gongkai /gongkai
# The database lives in /data, writable by the nonroot user (65532); mount a
# volume there to keep it. With no database, serve creates one from the
# sample reports embedded in the binary.
COPY --from=build --chown=65532:65532 /data /data
WORKDIR /data
EXPOSE 8080
ENTRYPOINT ["/gongkai"]
CMD ["serve", "--addr", ":8080", "--db", "/data/gongkai.db"]
