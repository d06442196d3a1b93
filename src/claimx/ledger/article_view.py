"""Articles in the report: each text with the figures, speakers and dates of its claims marked
in spaCy displaCy's "span" style, or, without the text, the claims' sentences."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

from claimx.contract.article import Article

__all__ = ["SPAN_COLORS", "anchor", "article_spans", "article_view"]

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


def _displacy(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """displaCy span markup of ``text``, one block per line so paragraphs stay apart.

    displaCy's manual span style joins tokens with single spaces, so the tokens
    here are whitespace-delimited words: "US-led" and "Raqqa," read as written
    (a highlight may take a comma with the word).
    """
    from spacy import displacy

    blocks = []
    position = 0
    for line in text.split("\n"):
        line_start = position
        position += len(line) + 1
        words = [
            (m.start() + line_start, m.end() + line_start, m.group()) for m in _TOKEN.finditer(line)
        ]
        if not words:
            continue
        marks = []
        for start, end, label in spans:
            inside = [
                i for i, (w_start, w_end, _w) in enumerate(words) if w_start < end and start < w_end
            ]
            if inside:
                marks.append(
                    {"start_token": inside[0], "end_token": inside[-1] + 1, "label": label}
                )
        blocks.append(
            displacy.render(
                {"text": line, "tokens": [w for _s, _e, w in words], "spans": marks},
                style="span",
                manual=True,
                page=False,
                options={"colors": SPAN_COLORS},
            )
        )
    return "\n".join(blocks)


_TOKEN = re.compile(r"\S+")


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
        body = _displacy(article.text, article_spans(article.text, claims))
        return (
            f"{head}<h3>{title}</h3><p class=facts>{' · '.join(facts)}{link}</p>"
            f'<div class="text">{body}</div></section>'
        )
    # No article text: each claim sentence on its own, offsets shifted to it.
    blocks = []
    seen: set[str] = set()
    for claim in claims:
        sentence = str(claim.get("sentence") or "")
        if not sentence or sentence in seen:
            continue
        seen.add(sentence)
        same = [c for c in claims if c.get("sentence") == sentence]
        sentence_span = claim.get("sentence_span")
        if sentence_span:
            offset = int(sentence_span[0])
            spans = article_spans(sentence, same, offset=offset)
        else:
            spans = _spans_by_text(sentence, same)
        blocks.append(_displacy(sentence.replace("\n", " "), spans))
    return (
        f"{head}<h3>{html.escape(doc_id)}</h3><p class=facts>article text not given "
        f"(--articles): the claims' sentences{link}</p>"
        f'<div class="text">{"".join(blocks)}</div></section>'
    )


def _spans_by_text(sentence: str, claims: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    spans = []
    for claim in claims:
        text = (claim.get("figure") or {}).get("text")
        found = _find(sentence, text, 0, len(sentence), len(sentence))
        if found:
            shifted = dict(claim, span=list(found), sentence_span=[0, len(sentence)])
            spans.extend(article_spans(sentence, [shifted]))
    return sorted(set(spans))
