"""Sentences, labels and Markdown tables of the briefs and explorations, in Indonesian (default) or English,
numbers formatted by ``common.fmt``. Reads figures from ``analysis``; never draws (no matplotlib)."""
