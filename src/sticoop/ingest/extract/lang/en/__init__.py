"""English word lists of the extractors (one module per kind)."""
