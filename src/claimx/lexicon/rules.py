"""The rule files a pipeline runs with: word lists, grammars and gazetteers as data.

Every word a stage decides on comes from a file of ``claimx/resources/`` (``cues.json``,
``speakers.jsonl``...). A :class:`Rules` value is one set of those files: the package's own
(``"default"``), or a folder whose files replace the package's file for file (a gazetteer of
your own bodies, a longer list of reporting verbs). Each component holds the ``Rules`` its
config names (``rules = "default"`` or a path), saves the files it reads with ``to_disk`` and
reads them back with ``from_disk``, so a saved pipeline carries its rules and never depends on a
local path.

While a component works, its rules are *in effect* (:func:`using`): the word-list accessors of
every stage (``outcome_words()``, ``cue_words()``, the gazetteer...) read the files of the rules
in effect, and cache what they build per ``Rules`` value (:func:`per_rules`), so pure functions
called one sentence at a time in tests read the package's files, and a pipeline with a swapped
gazetteer reads its own.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from functools import lru_cache, wraps
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

RESOURCE_PACKAGE = "claimx.resources"

T = TypeVar("T")


class RulesError(ValueError):
    """A rules folder or file cannot be used (missing, unreadable, malformed)."""


class Rules:
    """One set of rule files: the package's, with the files of ``folder`` in their place.

    ``texts`` holds files given in full (what ``from_disk``/``from_bytes`` read back); a file
    named by neither ``texts`` nor ``folder`` is the package's own.
    """

    def __init__(self, folder: str | Path | None = None, texts: dict[str, str] | None = None):
        self.folder = Path(folder) if folder is not None else None
        if self.folder is not None and not self.folder.is_dir():
            raise RulesError(f"[claimx] rules folder {str(self.folder)!r} is not a directory")
        self._texts: dict[str, str] = dict(texts or {})
        self._parsed: dict[str, Any] = {}
        self._built: dict[Callable[[], Any], Any] = {}
        self._lock = threading.RLock()

    @classmethod
    def named(cls, name: str | Path) -> Rules:
        """``"default"`` (the package's files) or the path of a folder of rule files."""
        if str(name) == "default":
            return default_rules()
        return cls(folder=name)

    def __repr__(self) -> str:
        where = str(self.folder) if self.folder is not None else "default"
        return f"Rules({where!r}, {len(self._texts)} files in memory)"

    # -- reading -----------------------------------------------------------------------------
    def text(self, name: str) -> str:
        """The text of rule file ``name``."""
        if name in self._texts:
            return self._texts[name]
        if self.folder is not None and (self.folder / name).is_file():
            try:
                return (self.folder / name).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as err:
                raise RulesError(f"[claimx] rule file {self.folder / name}: {err}") from err
        return resources.files(RESOURCE_PACKAGE).joinpath(name).read_text(encoding="utf-8")

    def json(self, name: str) -> Any:
        """A JSON rule file, parsed once per ``Rules`` value."""
        return self._parse(name, lambda text: json.loads(text))

    def jsonl(self, name: str) -> tuple[dict[str, Any], ...]:
        """A JSON Lines rule file (blank lines and ``//`` comment lines skipped)."""
        return self._parse(name, lambda text: _jsonl_rows(name, text))

    def _parse(self, name: str, parse: Callable[[str], Any]) -> Any:
        if name not in self._parsed:
            text = self.text(name)
            try:
                self._parsed[name] = parse(text)
            except json.JSONDecodeError as err:
                raise RulesError(f"[claimx] rule file {name}: {err}") from err
        return self._parsed[name]

    def built(self, build: Callable[[], T]) -> T:
        """What ``build`` makes from these rules, made once (see :func:`per_rules`)."""
        if build not in self._built:
            with self._lock:
                if build not in self._built:
                    with using(self):
                        self._built[build] = build()
        return self._built[build]

    # -- saving ------------------------------------------------------------------------------
    def to_disk(self, path: str | Path, names: tuple[str, ...]) -> None:
        """Write the files ``names`` as these rules have them into folder ``path``."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            (folder / name).write_text(self.text(name), encoding="utf-8")

    @classmethod
    def from_disk(cls, path: str | Path, names: tuple[str, ...]) -> Rules:
        """The rules saved by :meth:`to_disk`; files it did not save are the package's."""
        folder = Path(path)
        texts = {
            name: (folder / name).read_text(encoding="utf-8")
            for name in names
            if (folder / name).is_file()
        }
        return cls(texts=texts)

    def to_texts(self, names: tuple[str, ...]) -> dict[str, str]:
        return {name: self.text(name) for name in names}


def _jsonl_rows(name: str, text: str) -> tuple[dict[str, Any], ...]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        try:
            rows.append(json.loads(stripped))
        except json.JSONDecodeError as err:
            raise RulesError(f"[claimx] rule file {name} line {number}: {err}") from err
    return tuple(rows)


_DEFAULT: Rules | None = None
_IN_EFFECT: ContextVar[Rules | None] = ContextVar("claimx_rules", default=None)


def default_rules() -> Rules:
    """The package's own rule files (one value per process, so its caches are shared)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Rules()
    return _DEFAULT


def rules_in_effect() -> Rules:
    """The rules of the component at work, else the package's."""
    return _IN_EFFECT.get() or default_rules()


@contextlib.contextmanager
def using(rules: Rules) -> Iterator[Rules]:
    """Put ``rules`` in effect for the code inside the ``with`` block."""
    token = _IN_EFFECT.set(rules)
    try:
        yield rules
    finally:
        _IN_EFFECT.reset(token)


def per_rules(build: Callable[[], T]) -> Callable[[], T]:
    """Decorate a table builder (``outcome_words()``...): built once per ``Rules`` value, from
    the rules in effect when it is called."""

    @wraps(build)
    def cached() -> T:
        return rules_in_effect().built(build)

    return cached


def per_rules_memo(maxsize: int | None = 4096) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Decorate a function of hashable arguments whose answer depends on the rules
    (``is_date(text)``): memoised per ``Rules`` value, like ``functools.lru_cache``."""

    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        def build() -> Callable[..., T]:
            return lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def memoised(*args: Any) -> T:
            return rules_in_effect().built(build)(*args)

        return memoised

    return decorate
