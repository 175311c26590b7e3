"""Layer 6, reports: notebooks and files, not indicators. Runs notebooks (papermill or warm kernels, Dask),
exports offline HTML and PDF, writes the index pages. Reaches figures only through ``uhc_lib.api``; never imports
``registry``."""
