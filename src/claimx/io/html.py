"""HTML pages to article text and metadata, through trafilatura, offline."""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass
from typing import Any

# trafilatura logs "discarding data" and parser errors at WARNING/ERROR; with
# no handler configured Python would print them on stderr. The reader reports
# such pages itself, in one line; an application that configures logging
# still receives the records.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())
logging.getLogger("htmldate").addHandler(logging.NullHandler())

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SNIFF_BYTES = 4096


class HtmlError(ValueError):
    """trafilatura could not parse the page."""


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    date: str | None
    url: str | None
    source: str | None


def declared_charset(data: bytes) -> str | None:
    """The encoding a ``<meta charset>`` near the top of the page names, if any."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii").lower() if match else None


def extract_page(html: str) -> Page | None:
    """Main text and metadata of ``html``; None when the page has no article text."""
    import trafilatura

    try:
        with warnings.catch_warnings():
            # lxml's FutureWarning about element truth-testing, raised inside trafilatura.
            warnings.simplefilter("ignore")
            doc: Any = trafilatura.bare_extraction(
                html,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                # Only dates the page declares: guessing from the body would
                # turn "in 2016" into a publication date.
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
    except Exception as err:  # lxml and trafilatura raise many kinds on broken markup
        raise HtmlError(f"{type(err).__name__}: {err}") from err
    if doc is None:
        return None
    data = doc if isinstance(doc, dict) else doc.as_dict()
    text = data.get("text") or ""
    if not text.strip():
        return None
    return Page(
        text=text,
        title=_clean(data.get("title")),
        date=_clean(data.get("date")),
        url=_clean(data.get("url")),
        source=_clean(data.get("sitename")),
    )


def _clean(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
