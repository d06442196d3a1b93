"""The claim ledger as a self-contained HTML report, for people to read and share.

The report is one file that needs no network: plotly's JavaScript is
inlined once (``include_plotlyjs=True`` on the first chart), and article views
are spaCy displaCy "span" markup. Per group it shows a chart of each speaker's
figures over the date they were stated (bounds as error bars), the figures by
speaker and the sentences behind them; per article, the text with the figures,
speakers and dates of its claims highlighted.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

from claimx.contract.article import Article
from claimx.ledger.chart import group_chart
from claimx.ledger.groups import Group
from claimx.ledger.options import CompareStats
from claimx.ledger.terminal import bounds_text

__all__ = ["SPAN_COLORS", "article_spans", "render_html"]

#: displaCy span colours by label; the screenshot test looks for these pixels.
SPAN_COLORS = {"FIGURE": "#e8a202", "SPEAKER": "#2f6fde", "DATE": "#17a34a"}


# -- article views ---------------------------------------------------------------------------


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


def _article_view(doc_id: str, claims: list[dict[str, Any]], article: Article | None) -> str:
    head = f'<section class="article" id="{_anchor("doc", doc_id)}">'
    if article is not None and article.text:
        title = html.escape(article.title or doc_id)
        facts = [html.escape(doc_id)]
        if article.published:
            facts.append(f"published {html.escape(article.published)}")
        if article.source:
            facts.append(html.escape(article.source))
        body = _displacy(article.text, article_spans(article.text, claims))
        return (
            f"{head}<h3>{title}</h3><p class=facts>{' · '.join(facts)}</p>"
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
        "(--articles): the claims' sentences</p>"
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


# -- the page --------------------------------------------------------------------------------


def _anchor(kind: str, name: str) -> str:
    return f"{kind}-" + re.sub(r"[^A-Za-z0-9_-]+", "-", name)


_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
       color: #1d1d1f; background: #fff; }
header { background: #20232a; color: #fff; padding: 18px 32px; }
header h1 { margin: 0 0 4px 0; font-size: 24px; }
header p { margin: 0; color: #c8ccd4; font-size: 14px; }
main { padding: 8px 32px 48px 32px; max-width: 1320px; }
section.group { border-top: 3px solid #20232a; margin-top: 28px; padding-top: 8px; }
section.group h2 { font-size: 20px; margin: 6px 0; }
p.summary { font-size: 15px; margin: 4px 0 8px 0; }
p.facts { color: #666; font-size: 13px; margin: 2px 0 8px 0; }
table.figures { border-collapse: collapse; font-size: 14px; margin: 8px 0 12px 0; width: 100%; }
table.figures th, table.figures td { border-bottom: 1px solid #ddd; padding: 4px 8px;
       text-align: left; vertical-align: top; }
table.figures td.num { text-align: right; font-variant-numeric: tabular-nums; }
.stance-acknowledges { color: #0b6e4f; font-weight: 600; }
.stance-disputes { color: #b3261e; font-weight: 600; }
details { margin: 6px 0 10px 0; }
blockquote { margin: 6px 0 6px 12px; padding-left: 10px; border-left: 3px solid #e8a202;
       font-size: 14px; }
mark { background: #ffe08a; }
section.article { border-top: 1px solid #bbb; margin-top: 20px; }
section.article h3 { margin: 10px 0 2px 0; }
nav ol { columns: 2; font-size: 14px; }
.legend-note { font-size: 12px; color: #555; }
"""


def _sentence_html(item: dict[str, Any]) -> str:
    sentence = str(item.get("sentence") or "")
    span, sentence_span = item.get("span"), item.get("sentence_span")
    if span and sentence_span:
        start, end = int(span[0]) - int(sentence_span[0]), int(span[1]) - int(sentence_span[0])
        if 0 <= start < end <= len(sentence):
            return (
                html.escape(sentence[:start])
                + f"<mark>{html.escape(sentence[start:end])}</mark>"
                + html.escape(sentence[end:])
            )
    return html.escape(sentence)


def _group_section(group: Group, number: int, *, include_js: bool) -> str:
    out = [f'<section class="group" id="{_anchor("group", group.group_id)}">']
    out.append(f"<h2>{number}. {html.escape(group.label)}</h2>")
    facts = [
        f"{len(group.doc_ids)} article{'s' if len(group.doc_ids) != 1 else ''}",
        f"{len(group.speakers)} speaker{'s' if len(group.speakers) != 1 else ''}",
        f"id {group.group_id}",
    ]
    if group.places_inferred:
        facts.append("places inferred from the articles")
    out.append(f"<p class=facts>{' · '.join(facts)}</p>")
    out.append(f"<p class=summary>{_summary_html(group)}</p>")
    out.append(group_chart(group, include_js=include_js))
    out.append(
        '<p class="legend-note">Each marker is a figure at the date it was stated (else the '
        "article's date); bars show the bounds the wording gives; ▲ a lower bound "
        '("more than"), ▼ an upper bound ("up to"), ■ a range, ◆ a vague amount.</p>'
    )
    out.append(
        '<table class="figures"><thead><tr><th>speaker</th><th>figure</th><th>low</th>'
        "<th>high</th><th>stance</th><th>stated</th><th>articles</th><th>breakdown</th></tr>"
        "</thead><tbody>"
    )
    for speaker in group.speakers:
        for figure in speaker["figures"]:
            docs = ", ".join(
                f'<a href="#{_anchor("doc", d)}">{html.escape(d)}</a>' for d in figure["doc_ids"]
            )
            breakdown = ", ".join(
                f"{html.escape(str(p['text']))} {html.escape(str(p['group']))}"
                for p in figure["parts"]
            )
            low, high = bounds_text(figure)
            out.append(
                f"<tr><td>{html.escape(speaker['name'])}</td>"
                f"<td class=num>{html.escape(str(figure['text']))}</td>"
                f"<td class=num>{low}</td><td class=num>{high}</td>"
                f'<td class="stance-{figure["stance"]}">{figure["stance"]}</td>'
                f"<td>{html.escape(figure['stated'] or '')}</td><td>{docs}</td>"
                f"<td>{breakdown}</td></tr>"
            )
    out.append("</tbody></table>")
    hidden = [
        f"{html.escape(s['name'])} ({s['figures_total'] - len(s['figures'])})"
        for s in group.speakers
        if s.get("figures_total", len(s["figures"])) > len(s["figures"])
    ]
    if hidden:
        out.append(
            "<p class=facts>More figures, not shown (the full ledger is in --json): "
            + ", ".join(hidden)
            + "</p>"
        )
    out.append("<details open><summary>Supporting sentences</summary>")
    for speaker in group.speakers:
        for figure in speaker["figures"]:
            more = figure.get("sentences_total", len(figure["sentences"])) - len(
                figure["sentences"]
            )
            if more > 0:
                out.append(
                    f"<p class=facts>{html.escape(speaker['name'])}, "
                    f"{html.escape(str(figure['text']))}: {more} more "
                    f"sentence{'s' if more != 1 else ''} (see --json)</p>"
                )
            for item in figure["sentences"]:
                out.append(
                    f"<blockquote>{_sentence_html(item)}<br><span class=facts>"
                    f"{html.escape(speaker['name'])} · "
                    f'<a href="#{_anchor("doc", item["doc_id"])}">'
                    f"{html.escape(item['doc_id'])}</a></span></blockquote>"
                )
    out.append("</details></section>")
    return "\n".join(out)


def _summary_html(group: Group) -> str:
    spread = group.spread
    parts = []
    if spread:
        high, low = spread["highest"], spread["lowest"]
        if high["value"] != low["value"]:
            parts.append(
                f"Highest <b>{html.escape(str(high['text']))}</b> "
                f"({html.escape(', '.join(high['speakers']))}) over lowest "
                f"<b>{html.escape(str(low['text']))}</b> "
                f"({html.escape(', '.join(low['speakers']))}): "
                f"<b>{spread['ratio']:.2f}×</b>."
            )
        else:
            parts.append(f"One figure: <b>{html.escape(str(high['text']))}</b>.")
    acknowledged = group.stances.get("acknowledges") or []
    asserted = group.stances.get("asserts") or []
    disputed = group.stances.get("disputes") or []
    if acknowledged and asserted:
        parts.append(
            f"{html.escape(acknowledged[0]['speaker'])} acknowledges "
            f"<b>{html.escape(str(acknowledged[0]['text']))}</b>; "
            f"{html.escape(asserted[0]['speaker'])} asserts "
            f"<b>{html.escape(str(asserted[0]['text']))}</b>."
        )
    for item in disputed:
        parts.append(
            f"{html.escape(item['speaker'])} disputes <b>{html.escape(str(item['text']))}</b>."
        )
    return " ".join(parts)


def render_html(
    groups: Sequence[Group],
    *,
    articles: dict[str, Article] | None = None,
    stats: CompareStats | None = None,
    settings: dict[str, Any] | None = None,
    title: str = "claimx: who claimed what",
) -> str:
    """The report as one HTML document (no external resource)."""
    articles = articles or {}
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<style>{_CSS}</style></head><body>",
        f"<header><h1>{html.escape(title)}</h1><p>",
    ]
    facts = [f"{len(groups)} groups shown"]
    if stats is not None:
        facts.append(f"{stats.claims:,} claims from {stats.articles:,} articles")
        facts.append(f"{stats.groups:,} groups in all")
    facts.append(f"made {when}")
    out.append(html.escape(" · ".join(facts)) + "</p>")
    if settings:
        out.append("<p>" + html.escape(", ".join(f"{k}={v}" for k, v in settings.items())) + "</p>")
    out.append("</header><main>")
    if not groups:
        out.append("<p>No claims to compare.</p>")
    out.append("<nav><h2>Groups</h2><ol>")
    for group in groups:
        out.append(
            f'<li><a href="#{_anchor("group", group.group_id)}">{html.escape(group.label)}</a> '
            f"({len(group.speakers)} speakers, {len(group.doc_ids)} articles)</li>"
        )
    out.append("</ol></nav>")
    for number, group in enumerate(groups, start=1):
        out.append(_group_section(group, number, include_js=number == 1))
    claims_by_doc: dict[str, list[dict[str, Any]]] = {}
    for group in groups:
        for member in group.members:
            claims_by_doc.setdefault(member.doc_id, []).append(member.claim)
    if claims_by_doc:
        out.append("<h2>Articles</h2>")
        out.append(
            '<p class="legend-note">Each article with the figures (FIGURE), speakers (SPEAKER) '
            "and dates (DATE) of the claims in the groups above marked.</p>"
        )
    for doc_id, claims in claims_by_doc.items():
        out.append(_article_view(doc_id, _unique(claims), articles.get(doc_id)))
    out.append("</main></body></html>")
    return "\n".join(out)


def _unique(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for claim in sorted(claims, key=lambda c: (c.get("span") or [0])[0]):
        if claim["claim_id"] not in seen:
            seen.add(claim["claim_id"])
            out.append(claim)
    return out
