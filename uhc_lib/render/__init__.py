"""Layer 4, render: computed figures into words and pictures, with no calculation of their own. ``text`` holds
every sentence and table (id/en), ``charts`` every matplotlib figure and map; charts may take words from text, text
never draws. May import ``analysis`` and below."""
