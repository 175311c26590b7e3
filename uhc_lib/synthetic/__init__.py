"""Wing: the embedded illustrative panel, generated reproducibly (``panel``) to agree with every published figure
(``anchors``, checked by ``checks``). May import ``inputs``, ``rules``, ``analysis`` and ``common``; nothing imports it
but the CLI and the tests."""
