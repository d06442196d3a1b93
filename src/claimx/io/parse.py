"""One input to one article: a text or Markdown file, an HTML page, a JSON line.

Each function gets the input's bytes and where they came from, and returns an
:class:`~claimx.contract.article.Article` or the :class:`Rejected` that says
why there is none. Problems that keep the article (a date that is not a date,
a field of the wrong type) go to ``warn``. Finding and opening the inputs is
:mod:`claimx.io.readers`' part.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

from claimx.contract.article import Article
from claimx.contract.published import iso_date
from claimx.io.decode import DecodeError, decode_bytes
from claimx.io.frontmatter import split_front_matter
from claimx.io.html import HtmlError, declared_charset, extract_page
from claimx.io.rejections import ReadWarning, Rejected

Item = Article | Rejected
Warn = Callable[[ReadWarning], None]


def text_article(
    path: str, data: bytes, *, markdown: bool, warn: Warn, article_id: str | None = None
) -> Item:
    """A plain-text or Markdown file, with optional front matter."""
    try:
        text = _newlines(decode_bytes(data).text)
    except DecodeError as err:
        return Rejected(path, err.reason, err.detail)
    if not text.strip():
        return Rejected(path, "empty", "the file holds only white space")
    front = split_front_matter(text)
    if front.found and not front.body.strip():
        return Rejected(path, "empty", "no text after the front matter")
    meta = front.meta
    title = meta.get("title") or (_markdown_title(front.body) if markdown else None)
    return Article(
        id=article_id or file_id(path),
        text=front.body,
        title=title,
        published=_published(path, meta.get("published"), warn),
        url=meta.get("url"),
        source=meta.get("source"),
        origin=path,
    )


def html_article(path: str, data: bytes, *, warn: Warn, article_id: str | None = None) -> Item:
    """An HTML page: main text, title and declared date through trafilatura."""
    try:
        html = decode_bytes(data, declared=declared_charset(data)).text
    except DecodeError as err:
        return Rejected(path, err.reason, err.detail)
    if not html.strip():
        return Rejected(path, "empty", "the file holds only white space")
    try:
        page = extract_page(html)
    except HtmlError as err:
        return Rejected(path, "html", f"trafilatura could not parse the page: {err}")
    if page is None:
        return Rejected(path, "no_text", "no article text found in the page")
    return Article(
        id=article_id or file_id(path),
        text=_newlines(page.text),
        title=page.title,
        published=_published(path, page.date, warn),
        url=page.url,
        source=page.source,
        origin=path,
    )


def json_article(line: bytes, *, where: str, default_id: str, warn: Warn) -> Item:
    """One JSON line: an object with ``text`` and optional ``id``, ``title``, ``published``..."""
    try:
        raw = line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            decoded = decode_bytes(line.rstrip(b"\r\n"))
        except DecodeError as err:
            return Rejected(where, err.reason, err.detail)
        raw = decoded.text
        warn(ReadWarning(where, "encoding", f"line is not UTF-8; read as {decoded.encoding}"))
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as err:
        return Rejected(where, "json", f"invalid JSON: {err.msg} (column {err.colno})")
    except (ValueError, RecursionError) as err:
        return Rejected(where, "json", f"invalid JSON: {err}")
    if not isinstance(obj, dict):
        return Rejected(where, "json", f"expected a JSON object, got {_json_type(obj)}")
    if "text" not in obj:
        return Rejected(where, "no_text", 'no "text" field')
    text = obj["text"]
    if not isinstance(text, str):
        return Rejected(where, "no_text", f'"text" is {_json_type(text)}, not a string')
    if not text.strip():
        return Rejected(where, "empty", '"text" is empty')
    article_id = default_id
    raw_id = obj.get("id")
    if isinstance(raw_id, str) and raw_id.strip():
        article_id = raw_id.strip()
    elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
        article_id = str(raw_id)
    elif raw_id is not None:
        warn(ReadWarning(where, "field", f'"id" is {_json_type(raw_id)}; using {default_id!r}'))
    fields = {name: _string_field(obj, name, where, warn) for name in ("title", "url", "source")}
    return Article(
        id=article_id,
        text=text,
        title=fields["title"],
        published=_published(where, obj.get("published"), warn),
        url=fields["url"],
        source=fields["source"],
        origin=where,
    )


def _string_field(obj: dict[str, Any], name: str, where: str, warn: Warn) -> str | None:
    value = obj.get(name)
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    warn(ReadWarning(where, "field", f'"{name}" is {_json_type(value)}, not a string; dropped'))
    return None


def _published(where: str, value: object, warn: Warn) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        date = iso_date(value)
        if date is not None:
            return date
        shown = value if len(value) <= 40 else value[:37] + "..."
        warn(ReadWarning(where, "published", f"{shown!r} is not an ISO 8601 date; date dropped"))
    else:
        warn(ReadWarning(where, "published", f"published is {_json_type(value)}; date dropped"))
    return None


def file_id(path: str, root: str | None = None) -> str:
    """The id of an article read from a file: its name without the extension; for a file
    found in the folder ``root``, its path below the folder ("2019/report"), so that two
    ``report.txt`` in two sub-folders keep apart."""
    if root is not None:
        relative = os.path.relpath(path, root)
        if not relative.startswith(os.pardir):
            stem, _ = os.path.splitext(relative)
            if stem and stem != os.curdir:
                return stem.replace(os.sep, "/")
    name = os.path.basename(path)
    stem, _ = os.path.splitext(name)
    return stem or name


# Keys every line of claimx's own output has and no article has.
_CLAIM_KEYS = ("claim_id", "figure", "span")


def is_claims_line(line: bytes) -> bool:
    """Is this JSON line a claim (claimx output) rather than an article?"""
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError):
        return False
    return isinstance(obj, dict) and "text" not in obj and all(k in obj for k in _CLAIM_KEYS)


def _newlines(text: str) -> str:
    """Universal newlines, as ``open(path).read()`` would give, so offsets match it."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _markdown_title(body: str) -> str | None:
    """The text of a leading ``# Heading`` line, if the body starts with one."""
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("# "):
            return stripped[2:].strip().rstrip("#").strip() or None
        return None
    return None


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__  # pragma: no cover
