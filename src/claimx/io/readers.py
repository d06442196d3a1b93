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

This module finds, opens and reads the inputs within the size limit;
:mod:`claimx.io.parse` makes each one an article.
"""

from __future__ import annotations

import dataclasses
import os
import stat
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from claimx.contract.article import Article
from claimx.io.decode import sniff_binary
from claimx.io.parse import (
    Item,
    Warn,
    file_id,
    html_article,
    is_claims_line,
    json_article,
    text_article,
)
from claimx.io.rejections import (
    ReadWarning,
    Rejected,
    link_rejection,
    os_rejection,
    too_large,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STDIN = "-"
STDIN_ORIGIN = "<stdin>"

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

_JSONL_SNIFF_BYTES = 64 * 1024
_CLAIMS_NOTE = "holds claims (claimx output), not articles; skipped"
_READ_CHUNK = 1024 * 1024


class Reader:
    """Reads articles from paths; one instance per run (it keeps counts).

    ``max_bytes`` limits one article: a text, Markdown or HTML file, or one
    JSON line (a JSON Lines corpus may be larger than the limit as a whole).
    ``stdin`` is the binary stream ``-`` reads (default: ``sys.stdin.buffer``).
    ``on_warning`` receives each :class:`ReadWarning` (without it they are dropped).
    ``exclude`` names files a folder walk passes over (a run's own output
    inside the folder it reads); they are counted as ``skipped["output"]``.
    """

    def __init__(
        self,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        stdin: BinaryIO | None = None,
        on_warning: Warn | None = None,
        exclude: Iterable[str | os.PathLike[str]] = (),
    ) -> None:
        if max_bytes < 1:
            raise ValueError(f"max_bytes must be positive, got {max_bytes}")
        self.max_bytes = max_bytes
        self._stdin = stdin
        self._warn: Warn = on_warning if on_warning is not None else _ignore
        #: Files skipped without a message, by why: hidden, unsupported, special,
        #: duplicate, loop (a link back up the tree), output (see ``exclude``).
        self.skipped: Counter[str] = Counter()
        #: Files (and standard input) opened.
        self.files = 0
        self._seen: set[str] = set()
        self._ids: dict[str, str] = {}  # article id -> where it was first read
        self._exclude = {os.path.realpath(p) for p in exclude}

    # -- public API ---------------------------------------------------------

    def read(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[Item]:
        """Articles and rejections from every path, in order (folders sorted).

        Article ids are unique in a run: a file in a folder is named by its path below the
        folder ("2019/report"); an id met again gets a suffix ("report~2") and a warning.
        """
        for item in self._read_all(paths):
            yield self._unique(item) if isinstance(item, Article) else item

    def _read_all(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[Item]:
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
                    yield from self._read_file(entry, explicit=entry == name, root=name)

    def _unique(self, article: Article) -> Article:
        first = self._ids.get(article.id)
        if first is None:
            self._ids[article.id] = article.origin or article.id
            return article
        number = 2
        while f"{article.id}~{number}" in self._ids:
            number += 1
        unique = f"{article.id}~{number}"
        self._ids[unique] = article.origin or unique
        self._warn(
            ReadWarning(
                article.origin or article.id,
                "duplicate_id",
                f"id {article.id!r} is already used by {first}; this article is {unique!r}",
            )
        )
        return dataclasses.replace(article, id=unique)

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
            yield os_rejection(name, err)
            return
        if stat.S_ISLNK(info.st_mode):
            try:
                info = os.stat(name)
            except OSError as err:
                yield link_rejection(name, err)
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
            yield os_rejection(folder, err)
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
                yield os_rejection(path, err)
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

    def _read_file(self, path: str, *, explicit: bool, root: str) -> Iterator[Item]:
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
        name = file_id(path, None if explicit else root)
        if suffix in JSONL_SUFFIXES:
            yield from self._read_jsonl_file(path, name)
            return
        data = self._slurp(path)
        if isinstance(data, Rejected):
            yield data
            return
        if suffix in HTML_SUFFIXES:
            yield html_article(path, data, article_id=name, warn=self._warn)
        else:
            markdown = suffix in MARKDOWN_SUFFIXES
            yield text_article(path, data, article_id=name, markdown=markdown, warn=self._warn)

    def _slurp(self, path: str) -> bytes | Rejected:
        """The bytes of a one-article file, or why they cannot be had."""
        try:
            with open(path, "rb") as handle:
                self.files += 1
                size = os.fstat(handle.fileno()).st_size
                if size > self.max_bytes:
                    return too_large(path, size, self.max_bytes)
                # Read one byte past the limit: the file may grow after fstat.
                data = handle.read(self.max_bytes + 1)
        except OSError as err:
            return os_rejection(path, err)
        if len(data) > self.max_bytes:
            return too_large(path, len(data), self.max_bytes)
        if not data:
            return Rejected(path, "empty", "the file is empty (0 bytes)")
        return data

    # -- JSON Lines ---------------------------------------------------------

    def _read_jsonl_file(self, path: str, name: str) -> Iterator[Item]:
        try:
            handle = open(path, "rb")  # noqa: SIM115 - closed in the finally below
        except OSError as err:
            yield os_rejection(path, err)
            return
        try:
            self.files += 1
            try:
                head = handle.read(_JSONL_SNIFF_BYTES)
                handle.seek(0)
            except OSError as err:
                yield os_rejection(path, err)
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
            if is_claims_line(head.split(b"\n", 1)[0]):
                self.skipped["claims_file"] += 1
                self._warn(ReadWarning(path, "claims_file", _CLAIMS_NOTE))
                return
            yield from self._jsonl_lines(handle, origin=path, stem=name)
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
                yield os_rejection(f"{origin}:{number + 1}", err)
                return
            if not line:
                return
            number += 1
            where = f"{origin}:{number}"
            if len(line) > self.max_bytes and not line.endswith(b"\n"):
                size = len(line) + _skip_line(stream)
                yield too_large(where, size, self.max_bytes)
                continue
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            yield json_article(line, where=where, default_id=f"{stem}:{number}", warn=self._warn)


def _ignore(warning: ReadWarning) -> None:
    pass


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


__all__ = ["DEFAULT_MAX_BYTES", "ReadWarning", "Reader", "Rejected"]
