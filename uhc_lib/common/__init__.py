"""Layer 0, common: what every layer shares. Paths the project owns (``config``), the supported languages and
their check (``lang``), the record of a problem in an input file (``problems``) and babel formatting of numbers,
money and months (``fmt``, for text and charts only). Imports nothing of uhc_lib."""
