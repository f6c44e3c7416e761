"""Lexicons for policy-event extraction (kg.nlp.events): the rule data files of :mod:`kg.nlp.rules`
(``kg/nlp/rules/*.yaml``, validated on load) under the Python names the rules use, one module each.

* :mod:`.measures` — trigger phrases -> measure kind, and the object words that refine a generic
  restriction ("curbs on exports" -> ExportControl, "curbs on investment" -> InvestmentRestriction)
* :mod:`.sectors` — cue words -> sector
* :mod:`.status` — tense/aspect/modality cues -> status
* :mod:`.cues` — actor words, precedent, response and analogy cues

Phrase syntax (compiled by :func:`kg.nlp.lexicon.measures.compile_phrase`): tokens separated by
spaces; ``a|b`` alternatives (matched on the lower-cased text); a trailing ``?`` makes a token
optional.
"""
