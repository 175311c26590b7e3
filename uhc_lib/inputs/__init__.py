"""Layer 2, inputs: files in, validated frames out. The panel reader and its schema (all problems at once, with
file, row and column), the Kemendagri regions and Dukcapil population, and the boundaries. May import ``rules`` and
``common`` (never ``fmt``); knows nothing of briefs."""
