"""Layer 3, analysis: every calculation. A brief's figures (``brief``) and outlook (``outlook``), gaps, data
quality, trends and projections, peers and inequality, budget, scenarios and the national views. Takes and returns
frames and values: never formats (no babel), draws, or runs a notebook. May import ``inputs``, ``rules``, ``common``."""
