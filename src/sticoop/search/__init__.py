"""One search box over every record kind: an index kept in the write's transaction, scoped before ranking."""
