package label

// MatchThreshold is the similarity a label needs to be placed on a row.
// Below it a row is reported as unplaced, never guessed.
const MatchThreshold = 0.75

// AmbiguityMargin is how far the best candidate row must score above the
// next one for the match to count.
const AmbiguityMargin = 0.04
