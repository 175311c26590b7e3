"""Every chart and map: matplotlib figures drawn from computed figures, with shared colours and words in
``style``. May take labels from ``render.text``; computes nothing."""
