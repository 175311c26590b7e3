"""UHC Monitor: JKN coverage and activity analysis and regency briefs for Indonesia's kabupaten/kota.

The package reads as the flow, each layer importing only those below it (checked by ``lint-imports``, see
``pyproject.toml``)::

    cli.py            the ``uhc`` command: parses arguments, calls the api or a report step
    reports/          runs notebooks, exports HTML/PDF, writes indexes; figures only through the api
    api.py            the front door of notebooks, reports and tests: load a panel, a brief's figures and outlook
    training/  registry/  synthetic/     wings: the course; registry matching (personal data stays here);
                      the illustrative panel generator. Independent of each other.
    render/text/      every sentence and table (id/en)    render/charts/  every chart and map
    analysis/         every calculation: figures, gaps, trends, peers, budget, scenarios
    inputs/           panel reading and validation, regions, population, boundaries
    rules/            readers of data/rules/ (criteria, premiums, segments) and the indicator definitions
    common/           paths, languages, problem records, number formatting

A formula lives in ``analysis`` (or ``rules`` when regulation defines it), a sentence in ``render/text``, a chart in
``render/charts``, a report step in ``reports``.
"""
