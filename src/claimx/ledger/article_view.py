"""Articles in the report: each text with the figures, speakers and dates of its claims marked
(in displaCy's span colours), or, without the text, its details."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

from claimx.contract.article import Article

__all__ = ["SPAN_COLORS", "anchor", "article_spans", "article_view", "span_styles"]

# a paragraph longer than this shows only the text within _CONTEXT characters of its spans
_LONG_PARAGRAPH = 1500
_CONTEXT = 300

#: displaCy span colours by label; the screenshot test looks for these pixels.
SPAN_COLORS = {"FIGURE": "#e8a202", "SPEAKER": "#2f6fde", "DATE": "#17a34a"}


def anchor(kind: str, name: str) -> str:
    """An HTML id for a group, an article, a speaker or a sentence."""
    return f"{kind}-" + re.sub(r"[^A-Za-z0-9_-]+", "-", name)


def _find(
    text: str, needle: str | None, start: int, end: int, before: int
) -> tuple[int, int] | None:
    """``needle`` in ``text[start:end]``, else its last occurrence before ``before``."""
    if not needle:
        return None
    at = text.find(needle, start, end)
    if at < 0:
        at = text.rfind(needle, max(0, before - 1500), before)
    return (at, at + len(needle)) if at >= 0 else None


def article_spans(
    text: str, claims: Iterable[dict[str, Any]], *, offset: int = 0
) -> list[tuple[int, int, str]]:
    """(start, end, label) character spans of the figures, speakers and dates of ``claims``.

    Figures come from the claims' offsets (``span``); speakers and dates carry
    text only, so they are looked up in the claim's sentence, else before the
    figure. ``offset`` is subtracted from every claim offset (for sentences
    shown on their own).
    """
    spans: set[tuple[int, int, str]] = set()
    for claim in claims:
        span = claim.get("span")
        if not span or span[0] is None or span[1] is None:
            continue
        start, end = int(span[0]) - offset, int(span[1]) - offset
        if not (0 <= start < end <= len(text)):
            continue
        sentence_span = claim.get("sentence_span")
        if sentence_span:
            s_start, s_end = int(sentence_span[0]) - offset, int(sentence_span[1]) - offset
        else:
            s_start, s_end = max(0, start - 300), min(len(text), end + 300)
        spans.add((start, end, "FIGURE"))
        for speaker in claim.get("speakers") or ():
            found = _find(text, speaker.get("text"), s_start, s_end, start)
            if found:
                spans.add((*found, "SPEAKER"))
        for key in ("period", "stated"):
            found = _find(text, (claim.get(key) or {}).get("text"), s_start, s_end, start)
            if found:
                spans.add((*found, "DATE"))
    return sorted(spans)


def _highlight(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """The paragraphs of ``text`` that hold a span, with the spans marked (``<mark
    class="m-FIGURE">``), coloured as displaCy colours span labels; a span overlapping an
    earlier one is left unmarked.

    Plain marks rather than displaCy's markup, which wraps every token in styled elements:
    a report of many articles stays small.
    """
    paragraphs = []
    position = 0
    ordered = sorted(spans)
    skipped = False
    for line in text.split("\n"):
        line_start, line_end = position, position + len(line)
        position = line_end + 1
        if not line.strip():
            continue
        if not any(line_start <= start < line_end for start, _end, _label in ordered):
            # paragraphs without a claim are left out (a long article would swell the page);
            # one "[…]" stands for each run of them
            if not skipped:
                paragraphs.append('<p class="gap">[…]</p>')
            skipped = True
            continue
        skipped = False
        inside = [s for s in ordered if line_start <= s[0] and s[1] <= line_end]
        paragraphs.append(f"<p>{_marked_paragraph(text, line_start, line_end, inside)}</p>")
    return "".join(paragraphs)


def _windows(spans: Sequence[tuple[int, int, str]], start: int, end: int) -> list[list[int]]:
    """The stretches of a paragraph shown: all of it when short, else the text around its
    spans (a page of pasted text can be one paragraph of 100,000 characters)."""
    if end - start <= _LONG_PARAGRAPH:
        return [[start, end]]
    windows: list[list[int]] = []
    for span_start, span_end, _label in spans:
        low, high = max(start, span_start - _CONTEXT), min(end, span_end + _CONTEXT)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], high)
        else:
            windows.append([low, high])
    return windows


def _marked_paragraph(
    text: str, start: int, end: int, spans: Sequence[tuple[int, int, str]]
) -> str:
    out = []
    for number, (low, high) in enumerate(_windows(spans, start, end)):
        if number or low > start:
            out.append("[…] ")
        cursor = low
        for span_start, span_end, label in spans:
            if span_start < cursor or span_end > high:
                continue
            out.append(html.escape(text[cursor:span_start]))
            out.append(
                f'<mark class="m-{label}" title="{label}">'
                f"{html.escape(text[span_start:span_end])}</mark>"
            )
            cursor = span_end
        out.append(html.escape(text[cursor:high]))
        if high < end:
            out.append(" […]")
    return "".join(out)


def span_styles() -> str:
    """The marks' colours, one rule per label."""
    return "".join(
        f"mark.m-{label} {{ background: {colour}; color: #fff; padding: 0 2px; "
        "border-radius: 2px; }"
        for label, colour in SPAN_COLORS.items()
    )


def article_view(
    doc_id: str, claims: list[dict[str, Any]], article: Article | None, url: str | None = None
) -> str:
    """One article's section of the report: its text (or its claims' sentences) with the
    claims marked, and a link to its address when known."""
    head = f'<section class="article" id="{anchor("doc", doc_id)}">'
    link = f' · <a href="{html.escape(url)}" rel="noopener">{html.escape(url)}</a>' if url else ""
    if article is not None and article.text:
        title = html.escape(article.title or doc_id)
        facts = [html.escape(doc_id)]
        if article.published:
            facts.append(f"published {html.escape(article.published)}")
        if article.source:
            facts.append(html.escape(article.source))
        body = _highlight(article.text, article_spans(article.text, claims))
        return (
            f"{head}<h3>{title}</h3><p class=facts>{' · '.join(facts)}{link}</p>"
            f'<div class="text">{body}</div></section>'
        )
    # No article text: its details, and where its sentences are quoted (never twice)
    title = html.escape(article.title or doc_id) if article is not None else html.escape(doc_id)
    facts = [html.escape(doc_id)]
    if article is not None and article.published:
        facts.append(f"published {html.escape(article.published)}")
    if article is not None and article.source:
        facts.append(html.escape(article.source))
    return (
        f"{head}<h3>{title}</h3><p class=facts>{' · '.join(facts)}{link} · "
        f"{len(claims)} claim{'s' if len(claims) != 1 else ''}; article text not given "
        "(--articles): its sentences are quoted in the groups above</p></section>"
    )
