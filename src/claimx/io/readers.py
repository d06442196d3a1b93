"""Readers: files, folders and standard input to :class:`~claimx.contract.article.Article` values.

>>> reader = Reader()
>>> for item in reader.read(["corpus/", "extra.jsonl"]):
...     if isinstance(item, Rejected):
...         print(item)                 # corpus/x.jsonl:7: json: invalid JSON ...
...     else:
...         handle(item)                # an Article

Bad input never raises: each bad file (or JSON line) comes out as one
:class:`Rejected` value with a short stable ``reason`` code and the reading
goes on. Problems that keep the article (an invalid ``published`` date is
dropped) go to ``on_warning`` as :class:`ReadWarning` values. Folders are
read recursively in sorted order; hidden entries and files of unknown type
are skipped and counted in :attr:`Reader.skipped`.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from claimx.contract.article import Article
from claimx.contract.published import iso_date
from claimx.io.decode import DecodeError, decode_bytes, sniff_binary
from claimx.io.frontmatter import split_front_matter
from claimx.io.html import HtmlError, declared_charset, extract_page

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STDIN = "-"
STDIN_ORIGIN = "<stdin>"

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

#: Rejection and warning codes, with what they mean. Codes are stable: scripts
#: may group on them.
REASONS = {
    "not_found": "the path does not exist",
    "broken_link": "a symbolic link whose target does not exist",
    "permission": "the file or folder cannot be read (permissions)",
    "read_error": "the operating system failed to read the file",
    "unsupported": "not a file type claimx reads (or not a regular file)",
    "too_large": "over the size limit (--max-bytes)",
    "empty": "no text at all",
    "binary": "not a text file",
    "encoding": "bytes that no text encoding fits",
    "html": "an HTML page that could not be parsed",
    "no_text": "no article text (an HTML page without main text, a JSON line without 'text')",
    "json": "a JSON line that is not a JSON object",
    # warnings (the article is kept)
    "published": "an invalid publication date, dropped",
    "field": "a metadata field of the wrong type, dropped",
}

_JSONL_SNIFF_BYTES = 64 * 1024
_READ_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Rejected:
    """An input that gave no article: where, a stable reason code, and details."""

    origin: str
    reason: str
    detail: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}: {self.detail}"

    def to_dict(self) -> dict[str, str]:
        return {"origin": self.origin, "reason": self.reason, "detail": self.detail}


@dataclass(frozen=True)
class ReadWarning:
    """A problem in an input that was still read (e.g. an invalid date was dropped)."""

    origin: str
    reason: str
    detail: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}: {self.detail}"

    def to_dict(self) -> dict[str, str]:
        return {"origin": self.origin, "reason": self.reason, "detail": self.detail}


Item = Article | Rejected


class Reader:
    """Reads articles from paths; one instance per run (it keeps counts).

    ``max_bytes`` limits one article: a text, Markdown or HTML file, or one
    JSON line (a JSON Lines corpus may be larger than the limit as a whole).
    ``stdin`` is the binary stream ``-`` reads (default: ``sys.stdin.buffer``).
    ``exclude`` names files a folder walk passes over (a run's own output
    inside the folder it reads); they are counted as ``skipped["output"]``.
    """

    def __init__(
        self,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        stdin: BinaryIO | None = None,
        on_warning: Callable[[ReadWarning], None] | None = None,
        exclude: Iterable[str | os.PathLike[str]] = (),
    ) -> None:
        if max_bytes < 1:
            raise ValueError(f"max_bytes must be positive, got {max_bytes}")
        self.max_bytes = max_bytes
        self._stdin = stdin
        self._on_warning = on_warning
        #: Files skipped without a message, by why: hidden, unsupported, special,
        #: duplicate, loop (a link back up the tree), output (see ``exclude``).
        self.skipped: Counter[str] = Counter()
        #: Warnings, when no ``on_warning`` callback was given.
        self.warnings: list[ReadWarning] = []
        #: Files (and standard input) opened.
        self.files = 0
        self._seen: set[str] = set()
        self._exclude = {os.path.realpath(p) for p in exclude}

    # -- public API ---------------------------------------------------------

    def read(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[Item]:
        """Articles and rejections from every path, in order (folders sorted)."""
        for raw in paths:
            name = os.fspath(raw)
            if name == STDIN:
                if self._first_time(STDIN):
                    yield from self._read_stdin()
                else:
                    self.skipped["duplicate"] += 1
                continue
            for entry in self._expand(name):
                if isinstance(entry, Rejected):
                    yield entry
                else:
                    yield from self._read_file(entry, explicit=entry == name)

    def files_of(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
        """The files :meth:`read` would open, in the same order (without reading them)."""
        probe = Reader(max_bytes=self.max_bytes, exclude=self._exclude)
        for raw in paths:
            name = os.fspath(raw)
            if name == STDIN:
                continue
            for entry in probe._expand(name):
                if not isinstance(entry, Rejected):
                    yield entry

    def estimate(self, paths: Iterable[str | os.PathLike[str]]) -> int | None:
        """About how many articles :meth:`read` will give (None when reading stdin).

        Counts JSON lines by their newlines, so a progress bar can show an
        end; rejections are included, hence "about".
        """
        names = [os.fspath(p) for p in paths]
        if STDIN in names:
            return None
        total = 0
        for name in self.files_of(names):
            if name.lower().endswith(JSONL_SUFFIXES):
                total += _count_lines(name)
            else:
                total += 1
        return total

    # -- paths --------------------------------------------------------------

    def _first_time(self, key: str) -> bool:
        if key in self._seen:
            return False
        self._seen.add(key)
        return True

    def _expand(self, name: str) -> Iterator[str | Rejected]:
        """The files a command-line path stands for, or why it stands for none."""
        try:
            info = os.lstat(name)
        except FileNotFoundError:
            yield Rejected(name, "not_found", "no such file or folder")
            return
        except OSError as err:
            yield _os_rejection(name, err)
            return
        if stat.S_ISLNK(info.st_mode):
            try:
                info = os.stat(name)
            except OSError as err:
                yield _link_rejection(name, err)
                return
        if stat.S_ISDIR(info.st_mode):
            yield from self._walk(name, set())
        elif stat.S_ISREG(info.st_mode):
            if self._first_time(os.path.realpath(name)):
                yield name
            else:
                self.skipped["duplicate"] += 1
        else:
            yield Rejected(name, "unsupported", "not a regular file")

    def _walk(self, folder: str, ancestors: set[str]) -> Iterator[str | Rejected]:
        real = os.path.realpath(folder)
        if real in ancestors:  # a symbolic link back up the tree
            self.skipped["loop"] += 1
            return
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as err:
            yield _os_rejection(folder, err)
            return
        inner = ancestors | {real}
        for entry in entries:
            path = os.path.join(folder, entry.name)
            if entry.name.startswith("."):
                self.skipped["hidden"] += 1
                continue
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError as err:
                yield _os_rejection(path, err)
                continue
            known = entry.name.lower().endswith(SUFFIXES)
            if entry.is_symlink() and not (is_dir or is_file):
                if known:
                    yield Rejected(path, "broken_link", "symbolic link to a missing target")
                else:
                    self.skipped["unsupported"] += 1
            elif is_dir:
                yield from self._walk(path, inner)
            elif not is_file:
                self.skipped["special"] += 1
            elif os.path.realpath(path) in self._exclude:
                self.skipped["output"] += 1
            elif not known:
                self.skipped["unsupported"] += 1
            elif self._first_time(os.path.realpath(path)):
                yield path
            else:
                self.skipped["duplicate"] += 1

    # -- files --------------------------------------------------------------

    def _read_file(self, path: str, *, explicit: bool) -> Iterator[Item]:
        suffix = os.path.splitext(path)[1].lower()
        if suffix not in SUFFIXES:
            if explicit:
                expected = ", ".join(SUFFIXES)
                yield Rejected(
                    path,
                    "unsupported",
                    f"unknown file type {suffix or '(none)'!r}; claimx reads {expected}",
                )
            else:  # pragma: no cover - _walk filters these
                self.skipped["unsupported"] += 1
            return
        if suffix in JSONL_SUFFIXES:
            yield from self._read_jsonl_file(path)
            return
        data = self._slurp(path)
        if isinstance(data, Rejected):
            yield data
            return
        if suffix in HTML_SUFFIXES:
            yield self._html_article(path, data)
        else:
            yield self._text_article(path, data, markdown=suffix in MARKDOWN_SUFFIXES)

    def _slurp(self, path: str) -> bytes | Rejected:
        """The bytes of a one-article file, or why they cannot be had."""
        try:
            with open(path, "rb") as handle:
                self.files += 1
                size = os.fstat(handle.fileno()).st_size
                if size > self.max_bytes:
                    return _too_large(path, size, self.max_bytes)
                # Read one byte past the limit: the file may grow after fstat.
                data = handle.read(self.max_bytes + 1)
        except OSError as err:
            return _os_rejection(path, err)
        if len(data) > self.max_bytes:
            return _too_large(path, len(data), self.max_bytes)
        if not data:
            return Rejected(path, "empty", "the file is empty (0 bytes)")
        return data

    def _text_article(self, path: str, data: bytes, *, markdown: bool) -> Item:
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
            id=_stem(path),
            text=front.body,
            title=title,
            published=self._published(path, meta.get("published")),
            url=meta.get("url"),
            source=meta.get("source"),
            origin=path,
        )

    def _html_article(self, path: str, data: bytes) -> Item:
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
            id=_stem(path),
            text=_newlines(page.text),
            title=page.title,
            published=self._published(path, page.date),
            url=page.url,
            source=page.source,
            origin=path,
        )

    # -- JSON Lines ---------------------------------------------------------

    def _read_jsonl_file(self, path: str) -> Iterator[Item]:
        try:
            handle = open(path, "rb")  # noqa: SIM115 - closed in the finally below
        except OSError as err:
            yield _os_rejection(path, err)
            return
        try:
            self.files += 1
            try:
                head = handle.read(_JSONL_SNIFF_BYTES)
                handle.seek(0)
            except OSError as err:
                yield _os_rejection(path, err)
                return
            if not head.strip():
                yield Rejected(
                    path,
                    "empty",
                    "the file is empty" if not head else "the file holds only white space",
                )
                return
            why = sniff_binary(head)
            if why is not None:
                yield Rejected(path, "binary", why)
                return
            yield from self._jsonl_lines(handle, origin=path, stem=_stem(path))
        finally:
            handle.close()

    def _read_stdin(self) -> Iterator[Item]:
        stream = self._stdin if self._stdin is not None else sys.stdin.buffer
        self.files += 1
        yield from self._jsonl_lines(stream, origin=STDIN_ORIGIN, stem="stdin")

    def _jsonl_lines(self, stream: BinaryIO, *, origin: str, stem: str) -> Iterator[Item]:
        number = 0
        while True:
            try:
                line = stream.readline(self.max_bytes + 1)
            except OSError as err:
                yield _os_rejection(f"{origin}:{number + 1}", err)
                return
            if not line:
                return
            number += 1
            where = f"{origin}:{number}"
            if len(line) > self.max_bytes and not line.endswith(b"\n"):
                size = len(line) + _skip_line(stream)
                yield _too_large(where, size, self.max_bytes)
                continue
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            yield self._json_article(line, where=where, default_id=f"{stem}:{number}")

    def _json_article(self, line: bytes, *, where: str, default_id: str) -> Item:
        try:
            raw = line.decode("utf-8")
        except UnicodeDecodeError:
            try:
                decoded = decode_bytes(line.rstrip(b"\r\n"))
            except DecodeError as err:
                return Rejected(where, err.reason, err.detail)
            raw = decoded.text
            self._warn(where, "encoding", f"line is not UTF-8; read as {decoded.encoding}")
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
            self._warn(where, "field", f'"id" is {_json_type(raw_id)}; using {default_id!r}')
        fields = {name: self._string_field(obj, name, where) for name in ("title", "url", "source")}
        return Article(
            id=article_id,
            text=text,
            title=fields["title"],
            published=self._published(where, obj.get("published")),
            url=fields["url"],
            source=fields["source"],
            origin=where,
        )

    def _string_field(self, obj: dict[str, Any], name: str, where: str) -> str | None:
        value = obj.get(name)
        if value is None:
            return None
        if isinstance(value, str):
            return value.strip() or None
        self._warn(where, "field", f'"{name}" is {_json_type(value)}, not a string; dropped')
        return None

    # -- metadata -----------------------------------------------------------

    def _published(self, where: str, value: object) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            date = iso_date(value)
            if date is not None:
                return date
            shown = value if len(value) <= 40 else value[:37] + "..."
            self._warn(where, "published", f"{shown!r} is not an ISO 8601 date; date dropped")
        else:
            self._warn(where, "published", f"published is {_json_type(value)}; date dropped")
        return None

    def _warn(self, origin: str, reason: str, detail: str) -> None:
        warning = ReadWarning(origin, reason, detail)
        if self._on_warning is None:
            self.warnings.append(warning)
        else:
            self._on_warning(warning)


def read_articles(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_warning: Callable[[ReadWarning], None] | None = None,
) -> Iterator[Item]:
    """Articles and rejections from ``paths``: a shortcut for ``Reader(...).read(paths)``."""
    return Reader(max_bytes=max_bytes, on_warning=on_warning).read(paths)


# -- helpers ----------------------------------------------------------------


def _stem(path: str) -> str:
    name = os.path.basename(path)
    stem, _ = os.path.splitext(name)
    return stem or name


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


def _too_large(where: str, size: int, limit: int) -> Rejected:
    return Rejected(where, "too_large", f"{_human(size)} is over the limit of {_human(limit)}")


def _human(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _os_rejection(path: str, err: OSError) -> Rejected:
    if isinstance(err, PermissionError):
        return Rejected(path, "permission", "permission denied")
    if isinstance(err, FileNotFoundError):
        return Rejected(path, "not_found", "no such file or folder")
    if err.errno == errno.ELOOP:
        return Rejected(path, "broken_link", "symbolic link loop")
    if isinstance(err, IsADirectoryError):
        return Rejected(path, "unsupported", "is a folder")
    return Rejected(path, "read_error", err.strerror or str(err))


def _link_rejection(path: str, err: OSError) -> Rejected:
    if isinstance(err, FileNotFoundError) or err.errno == errno.ELOOP:
        target = os.readlink(path) if os.path.islink(path) else "?"
        return Rejected(path, "broken_link", f"symbolic link to a missing target ({target})")
    return _os_rejection(path, err)


def _skip_line(stream: BinaryIO) -> int:
    """Consume the rest of an over-long line; return how many bytes it had."""
    skipped = 0
    while True:
        chunk = stream.readline(_READ_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _count_lines(path: str) -> int:
    count = 0
    last = b""
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(_READ_CHUNK), b""):
                count += chunk.count(b"\n")
                last = chunk
    except OSError:
        return 1
    # A last line without its newline is a line too.
    return count + (1 if last and not last.endswith(b"\n") else 0)


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
