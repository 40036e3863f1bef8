package label

import (
	"regexp"
)

// Heading matches a numbered heading of the first level: 一、概述.
var Heading = regexp.MustCompile(`^第?[一二三四五六七八九十]+、`)
