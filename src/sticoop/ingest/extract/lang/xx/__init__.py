"""Word lists that belong to no single language (country names in all languages, symbols, foreign connectors)."""
