"""JSON records: ``.json`` (one object, or a list of objects) and ``.jsonl`` / ``.ndjson`` (one
object per line; blank lines allowed).

Fields: ``title``; the text in ``text`` (or ``body``, or ``content``); ``standfirst`` (or
``summary``) optional; ``date`` (YYYY-MM-DD, ISO 8601 date-time or RFC 2822); ``url``; ``source``
(used as the url when it is a web address and ``url`` is missing). Other fields are ignored;
``Dispatch.source`` is the path. If any record is broken the whole file is refused, naming the line
(JSONL) or the record (JSON), so a file is either read completely or not at all.
"""
from __future__ import annotations

import json

from kg.errors import InputError
from kg.ingest.normalize import build, meta_url, paragraphs, parse_date, take_date_line
from kg.models import Dispatch

NAME = "json"
TEXT_FIELDS = ("text", "body", "content")


def _record(rec: object, source: str, where: str) -> Dispatch:
    if not isinstance(rec, dict):
        raise InputError(source, f"{where}: expected a JSON object, found {type(rec).__name__}")
    field = next((f for f in TEXT_FIELDS if rec.get(f)), None)
    if field is None:
        raise InputError(source, f"{where}: no text (fields text, body or content are missing or empty)")
    body = rec[field]
    if isinstance(body, list):
        body = "\n\n".join(str(x) for x in body)
    if not isinstance(body, str):
        raise InputError(source, f"{where}: field {field!r} must be a string or a list of strings")
    fields = {k: rec.get(k) for k in ("title", "standfirst", "summary", "url", "source")}
    for k, v in fields.items():
        if v is not None and not isinstance(v, str):
            raise InputError(source, f"{where}: field {k!r} must be a string")
    line_date, body = take_date_line(body, source)
    date = parse_date(rec.get("date"), source, what=f"{where}: date") or line_date
    try:
        return build(source=source, fmt=NAME, title=fields["title"],
                     standfirst=fields["standfirst"] or fields["summary"], paragraphs=paragraphs(body),
                     date=date, url=meta_url(fields["url"], fields["source"]))
    except InputError as exc:
        raise InputError(source, f"{where}: {exc.problem}") from None


def read(text: str, source: str) -> list[Dispatch]:
    """A JSON document; if it is not one but every line is, JSON Lines."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            return read_lines(text, source)
        raise InputError(source, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    records = data if isinstance(data, list) else [data]
    if not records:
        raise InputError(source, "empty JSON list: no records")
    if len(records) == 1:
        return [_record(records[0], source, "record")]
    return [_record(r, source, f"record {i}") for i, r in enumerate(records, 1)]


def read_lines(text: str, source: str) -> list[Dispatch]:
    """JSON Lines: one object per line; the error names the line."""
    out: list[Dispatch] = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(source, f"line {n}: invalid JSON at column {exc.colno}: {exc.msg}") from None
        out.append(_record(rec, source, f"line {n}"))
    if not out:
        raise InputError(source, "no JSON records")
    return out
