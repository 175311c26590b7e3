"""Layer 1, rules: regulation as data. One reader per file of ``data/rules/`` (UHC criteria by year, premiums,
segment names) and the definitions of the indicators (coverage, activity, exact threshold comparison on counts).
A new year or regulation is new rows, not new code. May import ``common`` (never ``fmt``)."""
