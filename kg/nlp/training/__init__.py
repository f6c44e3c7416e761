"""The learned layer's training side: gold -> DocBins (:mod:`.convert`), the ``spacy train`` config
(``measure_textcat.cfg``), training and packaging the weights (:mod:`.train`) and dev
cross-validation against the rules (:mod:`.crossval`).

Nothing here runs at extraction time: the extractor only loads the committed weights
(:mod:`kg.nlp.learned`). Training needs the restored corpus texts (``data/corpus/texts``).
"""
