package figure

import (
	"strings"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

func Signed(raw string) bool {
	t := strings.TrimLeft(label.Fold(source.Trim(raw)), "?？")
	return strings.HasPrefix(t, "+") || strings.HasPrefix(t, "-") || strings.HasPrefix(t, "减") || strings.HasPrefix(t, "增") || strings.HasPrefix(t, "−")
}
