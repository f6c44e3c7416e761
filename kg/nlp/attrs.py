"""Custom ``Doc._`` attributes shared by the project's spaCy components.

* ``doc._.kg_entities``: dict[entity key, :class:`kg.models.Entity`] — one entity per real thing
* ``doc._.kg_relations``: list[:class:`kg.models.Relation`]
* ``doc._.kg_events``: list[:class:`kg.models.Event`] (set by ``kg_events``)
* ``doc._.kg_analogies``: list[:class:`kg.models.Analogy`]
* ``doc._.kg_dispatch_id``: the dispatch id evidence refers to
* ``doc._.kg_skip``: list of (start_char, end_char) ranges that are boilerplate (bylines, taglines)

Mentions live in ``doc.spans["kg_mentions"]`` (``label_`` = entity type, ``id_`` = entity key).

Registration is idempotent. The records are pydantic models; so that ``nlp.pipe(n_process=...)``
can ship docs between processes (spaCy serialises ``user_data`` with msgpack), a msgpack
encoder/decoder pair for ``kg.models`` records is registered here too.
"""
from __future__ import annotations

from spacy.tokens import Doc

MENTIONS = "kg_mentions"   #: span group of the final, typed and keyed mentions
GAZ_SPANS = "kg_gaz"       #: span group written by the gazetteer ruler

_ATTRS = ("kg_entities", "kg_relations", "kg_events", "kg_analogies", "kg_dispatch_id", "kg_dispatch_date",
          "kg_skip")


def register_extensions() -> None:
    """Register the ``Doc._.kg_*`` attributes (default None: components assign fresh objects)."""
    for name in _ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    _register_msgpack()


_MSGPACK_DONE = False


def _register_msgpack() -> None:
    global _MSGPACK_DONE
    if _MSGPACK_DONE:
        return
    from srsly import msgpack_decoders, msgpack_encoders

    msgpack_encoders.register("kg_records", func=_encode)
    msgpack_decoders.register("kg_records", func=_decode)
    _MSGPACK_DONE = True


def _encode(obj, chain=None):
    from pydantic import BaseModel

    if isinstance(obj, BaseModel) and type(obj).__module__ == "kg.models":
        return {"__kg_record__": type(obj).__name__, "data": obj.model_dump(mode="json")}
    return obj if chain is None else chain(obj)


def _decode(obj, chain=None):
    if isinstance(obj, dict) and "__kg_record__" in obj:
        from kg import models

        return getattr(models, obj["__kg_record__"]).model_validate(obj["data"])
    return obj if chain is None else chain(obj)


_TEXT = "kg_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy builds every Token and joins their texts anew on each
    access, and the components read the whole text many times per document. Kept in ``doc.user_data``
    with the token count, so a Doc made from part of this one (``Span.as_doc`` copying user data) does
    not inherit it."""
    cached = doc.user_data.get(_TEXT)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    text = doc.text
    doc.user_data[_TEXT] = (len(doc), text)
    return text


def span_text(span) -> str:
    """``span.text`` cut from :func:`doc_text` (the same string: a Span's text runs from its
    ``start_char`` to its ``end_char``) instead of joined from new Tokens at each access."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def token_sents(doc: Doc) -> list:
    """The sentence Span of every token, in one pass (``Token.sent`` walks the doc each call)."""
    out: list = [None] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            out[i] = sent
    return out


register_extensions()
