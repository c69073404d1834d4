"""Site search: per-language index files, accent- and plural-tolerant terms, the vocabulary of the field."""
