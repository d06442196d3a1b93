"""The claim ledger as one self-contained HTML file that people can work with.

Nothing is fetched: the drawings are inline SVG (:mod:`claimx.ledger.chart`), the page's one
script and style sheet come from ``resources/report.js`` and ``report.css``. The page has
filters and a search (country, outcome, speaker, date range, words; kept in the address so a
view can be shared), sortable tables, a timeline of all groups, per group its figures, chart
(only where there is something to draw), spread and supporting sentences (each once), a
speaker-by-speaker view (every figure a body gave, over time), and the articles with the
claims marked and linked to their address (``url``).
"""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from claimx.contract.article import Article
from claimx.ledger.article_view import (
    SPAN_COLORS,
    anchor,
    article_spans,
    article_view,
    span_styles,
)
from claimx.ledger.chart import figure_chart, points_of, timeline
from claimx.ledger.groups import Group
from claimx.ledger.options import CompareStats
from claimx.ledger.terminal import bounds_text
from claimx.resources import read_text

__all__ = ["SPAN_COLORS", "article_spans", "render_html"]

_KIND_WORDS = {
    "count": "count",
    "lower": "lower bound",
    "upper": "upper bound",
    "range": "range",
    "vague": "vague amount",
    "projection": "projection",
}


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _bar(values: Sequence[str]) -> str:
    return _e("|".join(dict.fromkeys(v for v in values if v)))


class _Docs:
    """What the report shows of each article: title, address, date, source."""

    def __init__(self, groups: Sequence[Group], articles: dict[str, Article]) -> None:
        self.articles = articles
        self.urls: dict[str, str] = {}
        for group in groups:
            for member in group.members:
                url = member.claim.get("url")
                if url and member.doc_id not in self.urls:
                    self.urls[member.doc_id] = str(url)
        for doc_id, article in articles.items():
            if article.url:
                self.urls[doc_id] = article.url

    def link(self, doc_id: str) -> str:
        """The article's id linking to its view, and ↗ to its address when known."""
        out = f'<a href="#{anchor("doc", doc_id)}">{_e(doc_id)}</a>'
        url = self.urls.get(doc_id)
        if url:
            out += f' <a href="{_e(url)}" rel="noopener" title="the article">↗</a>'
        return out


def _filters(groups: Sequence[Group]) -> str:
    countries = sorted({c for g in groups for c in g.countries})
    outcomes = sorted({g.outcome for g in groups})
    speakers = sorted({s["name"] for g in groups for s in g.speakers})

    def select(name: str, everything: str, values: list[str]) -> str:
        options = "".join(f'<option value="{_e(v)}">{_e(v)}</option>' for v in values)
        return (
            f'<select id="f-{name}" aria-label="{name}"><option value="">{everything}</option>'
            f"{options}</select>"
        )

    return (
        '<form class="filters" id="filters" onsubmit="return false">'
        '<input type="search" id="f-q" placeholder="search sentences, speakers, places" '
        'aria-label="search">'
        + select("country", "all countries", countries)
        + select("outcome", "all outcomes", outcomes)
        + select("speaker", "all speakers", speakers)
        + '<label>from <input type="date" id="f-from"></label>'
        '<label>to <input type="date" id="f-to"></label>'
        '<button type="button" id="f-reset">clear</button><output id="f-count"></output></form>'
    )


def _search_text(group: Group) -> str:
    sentences = [
        str(item.get("sentence") or "")
        for s in group.speakers
        for f in s["figures"]
        for item in f["sentences"]
    ]
    return " ".join([group.label, *(s["name"] for s in group.speakers), *sentences]).lower()


def _group_attrs(group: Group) -> str:
    start, end = group.period or ("", "")
    search = _search_text(group)
    return (
        f'data-group="{group.group_id}" data-countries="{_bar(group.countries)}" '
        f'data-outcome="{_e(group.outcome)}" '
        f'data-speakers="{_bar([s["name"] for s in group.speakers])}" '
        f'data-start="{start}" data-end="{end}" data-search="{_e(search)}"'
    )


def _spread_text(group: Group) -> str:
    spread = group.spread
    if not spread or spread["ratio"] is None:
        return ""
    if spread["highest"]["value"] == spread["lowest"]["value"] and len(group.speakers) < 2:
        return "one figure"
    if spread["agree"]:
        return "bounds agree"
    return f"{spread['ratio']:.2f}×"


def _overview(groups: Sequence[Group]) -> str:
    rows = []
    for number, group in enumerate(groups, start=1):
        start, end = group.period or ("", "")
        latest = "; ".join(
            f"{s['name']}: {f['text']}" for s in group.speakers for f in s["figures"] if f["latest"]
        )
        ratio = (group.spread or {}).get("ratio") or 0
        rows.append(
            f'<tr data-follows="{group.group_id}"><td class=num>{number}</td>'
            f'<td><a href="#{anchor("group", group.group_id)}">{_e(group.outcome)} '
            f"{_e(group.victims)}</a></td><td>{_e(', '.join(group.places))}</td>"
            f'<td data-sort="{start}">{start}{" – " + end if end != start else ""}</td>'
            f"<td class=num>{len(group.doc_ids)}</td><td class=num>{len(group.speakers)}</td>"
            f'<td class=num data-sort="{ratio}">{_spread_text(group)}</td><td>{_e(latest)}</td>'
            "</tr>"
        )
    return (
        '<table class="sortable" id="group-table"><thead><tr><th>#</th><th>harm</th>'
        "<th>places</th><th>period</th><th>articles</th><th>speakers</th><th>spread</th>"
        "<th>latest figure of each speaker</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _who(names: Sequence[str]) -> str:
    return _e(", ".join(n.strip("()") for n in names))


def _summary(group: Group) -> str:
    spread = group.spread
    parts = []
    if spread:
        high, low = spread["highest"], spread["lowest"]
        basis = {"counts": "counts", "bounds": "bounds", "vague figures": "vague amounts"}
        if high["value"] == low["value"] and not spread["agree"]:
            parts.append(f"One figure: <b>{_e(high['text'])}</b>.")
        elif spread["agree"]:
            parts.append(
                f"The speakers' latest figures may all be right: their bounds overlap "
                f"(<b>{_e(high['text'])}</b>, {_who(high['speakers'])}; "
                f"<b>{_e(low['text'])}</b>, {_who(low['speakers'])})."
            )
        else:
            parts.append(
                f"<b>{_e(high['text'])}</b> ({_who(high['speakers'])}) against "
                f"<b>{_e(low['text'])}</b> ({_who(low['speakers'])}): at least "
                f"<b>{spread['ratio']:.2f}×</b> apart, the speakers' latest "
                f"{basis[spread['basis']]} compared."
            )
    for item in group.stances.get("disputes") or []:
        parts.append(f"{_e(item['speaker'])} disputes <b>{_e(item['text'])}</b>.")
    if group.projections:
        parts.append(
            "Projected, not counted: "
            + "; ".join(f"{_e(p['text'])} ({_e(p['speaker'])})" for p in group.projections)
            + "."
        )
    return " ".join(parts)


def _marked(item: dict[str, Any], spans: list[tuple[int, int]]) -> str:
    sentence = str(item.get("sentence") or "")
    base = int((item.get("sentence_span") or [0])[0])
    out, position = [], 0
    for start, end in sorted(set(spans)):
        start, end = start - base, end - base
        if not (position <= start < end <= len(sentence)):
            continue
        out.append(_e(sentence[position:start]) + f"<mark>{_e(sentence[start:end])}</mark>")
        position = end
    return "".join(out) + _e(sentence[position:])


def _sentence_id(group: Group, item: dict[str, Any]) -> str:
    start = (item.get("sentence_span") or item.get("span") or [0])[0]
    return anchor("s", f"{group.group_id}-{item['doc_id']}-{start}")


def _sentences(group: Group, docs: _Docs) -> str:
    """Each supporting sentence once, every figure of the group it holds marked."""
    found: dict[tuple[str, Any], dict[str, Any]] = {}
    for speaker in group.speakers:
        for figure in speaker["figures"]:
            for item in figure["sentences"]:
                key = (item["doc_id"], tuple(item.get("sentence_span") or ()) or item["sentence"])
                entry = found.setdefault(key, {"item": item, "spans": [], "speakers": []})
                if item.get("span") and item.get("sentence_span"):
                    entry["spans"].append(tuple(item["span"]))
                if speaker["name"] not in entry["speakers"]:
                    entry["speakers"].append(speaker["name"])
    out = []
    for entry in found.values():
        item = entry["item"]
        out.append(
            f'<blockquote id="{_sentence_id(group, item)}">{_marked(item, entry["spans"])}'
            f"<br><span class=facts>{_e(', '.join(entry['speakers']))} · "
            f"{docs.link(item['doc_id'])}</span></blockquote>"
        )
    hidden = sum(
        f.get("sentences_total", len(f["sentences"])) - len(f["sentences"])
        for s in group.speakers
        for f in s["figures"]
    )
    if hidden > 0:
        out.append(f"<p class=facts>{hidden} more sentences in --json</p>")
    return "".join(out)


def _breakdown(figure: dict[str, Any]) -> str:
    return ", ".join(f"{part['text']} {part['group']}" for part in figure["parts"])


def _figure_rows(group: Group, docs: _Docs) -> str:
    rows = []
    for speaker in group.speakers:
        for figure in speaker["figures"]:
            low, high = bounds_text(figure)
            first = figure["sentences"][0] if figure["sentences"] else None
            sentence = (
                f' <a href="#{_sentence_id(group, first)}" title="the sentence">¶</a>'
                if first
                else ""
            )
            name = _e(speaker["name"])
            rows.append(
                f'<tr class="{"latest" if figure["latest"] else ""}">'
                f'<td><a class="pick-speaker" href="#speakers" data-speaker="{name}">'
                f"{name}</a></td>"
                f'<td class=num data-sort="{figure["value"] or 0}">'
                f"{_e(figure['text'])}{sentence}</td>"
                f'<td class="kind-{figure["kind"]}">{_KIND_WORDS[figure["kind"]]}</td>'
                f"<td class=num>{low}</td><td class=num>{high}</td>"
                f'<td class="stance-{_e(figure["stance"])}">{_e(figure["stance"])}</td>'
                f"<td>{_e(figure['date'])}</td><td>{'latest' if figure['latest'] else ''}</td>"
                f"<td>{', '.join(docs.link(d) for d in figure['doc_ids'])}</td>"
                f"<td>{_e(_breakdown(figure))}</td>"
                "</tr>"
            )
    return (
        '<table class="sortable figures"><thead><tr><th>speaker</th><th>figure</th>'
        "<th>kind</th><th>low</th><th>high</th><th>stance</th><th>date</th><th>latest</th>"
        "<th>articles</th><th>breakdown</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _group_section(group: Group, number: int, docs: _Docs) -> str:
    facts = [
        f"{len(group.doc_ids)} article{'s' if len(group.doc_ids) != 1 else ''}",
        f"{len(group.speakers)} speaker{'s' if len(group.speakers) != 1 else ''}",
        f"id {group.group_id}",
    ]
    if group.places_inferred:
        facts.append("places inferred from the articles")
    chart = figure_chart(
        [
            (s["name"], points_of(s["figures"], s["name"]), bool(s["series"]))
            for s in group.speakers
        ],
        title=f"{group.label}: figures by date",
    )
    return (
        f'<section class="group filterable" id="{anchor("group", group.group_id)}" '
        f"{_group_attrs(group)}><h3>{number}. {_e(group.label)}</h3>"
        f"<p class=facts>{' · '.join(facts)}</p><p class=summary>{_summary(group)}</p>"
        f"{chart}{_figure_rows(group, docs)}"
        f"<details><summary>Supporting sentences</summary>{_sentences(group, docs)}</details>"
        "</section>"
    )


def _speaker_cards(groups: Sequence[Group], docs: _Docs) -> str:
    """Every figure each speaker gave, over time, across groups."""
    rows: dict[str, list[tuple[Group, dict[str, Any]]]] = defaultdict(list)
    for group in groups:
        for speaker in group.speakers:
            for figure in speaker["figures"]:
                rows[speaker["name"]].append((group, figure))
    cards = []
    for name in sorted(rows, key=lambda n: (-len(rows[n]), n)):
        items = sorted(rows[name], key=lambda gf: (gf[1]["date"] or "9999", gf[0].label))
        body = []
        for group, figure in items:
            date = figure["date"] or ""
            # a row shows while its group does, so the speaker view and the groups agree
            body.append(
                f'<tr class="figure-row" data-follows="{group.group_id}">'
                f"<td>{_e(date)}</td>"
                f'<td><a href="#{anchor("group", group.group_id)}">{_e(group.label)}</a></td>'
                f'<td class=num data-sort="{figure["value"] or 0}">{_e(figure["text"])}</td>'
                f"<td>{_KIND_WORDS[figure['kind']]}</td>"
                f'<td class="stance-{_e(figure["stance"])}">{_e(figure["stance"])}</td>'
                f"<td>{', '.join(docs.link(d) for d in figure['doc_ids'])}</td></tr>"
            )
        by_group: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for group, figure in items:
            by_group[f"{group.outcome} {group.victims}, {', '.join(group.places[:2])}"].append(
                figure
            )
        chart = figure_chart(
            [(label, points_of(figs, name), True) for label, figs in by_group.items()],
            title=f"{name}: figures over time",
        )
        cards.append(
            f'<div class="speaker-card" id="{anchor("speaker", name)}" data-speaker="{_e(name)}">'
            f"<h3>{_e(name)}</h3><p class=facts>{len(items)} figure"
            f"{'s' if len(items) != 1 else ''} in {len({g.group_id for g, _f in items})} "
            f"group{'s' if len({g.group_id for g, _f in items}) != 1 else ''}</p>{chart}"
            '<table class="sortable"><thead><tr><th>date</th><th>group</th><th>figure</th>'
            "<th>kind</th><th>stance</th><th>articles</th></tr></thead><tbody>"
            + "".join(body)
            + "</tbody></table></div>"
        )
    return "".join(cards)


def _timeline(groups: Sequence[Group]) -> str:
    rows = [(g.group_id, g.label, g.period[0], g.period[1]) for g in groups if g.period]
    drawn = timeline(rows)
    if not drawn:
        return ""
    # each bar follows its group's filter (report.js: data-follows)
    for group_id, *_rest in rows:
        drawn = drawn.replace(
            f'data-group="{group_id}"', f'data-group="{group_id}" data-follows="{group_id}"', 1
        )
    return f'<section id="timeline"><h2>Timeline</h2>{drawn}</section>'


def render_html(
    groups: Sequence[Group],
    *,
    articles: dict[str, Article] | None = None,
    stats: CompareStats | None = None,
    settings: dict[str, Any] | None = None,
    title: str = "claimx: who claimed what",
) -> str:
    """The report as one HTML document (no external resource)."""
    docs = _Docs(groups, articles or {})
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    facts = [f"{len(groups)} groups shown"]
    if stats is not None:
        facts.append(f"{stats.claims:,} claims from {stats.articles:,} articles")
        facts.append(f"{stats.groups:,} groups in all")
    facts.append(f"made {when}")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(title)}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<style>{read_text('report.css')}{span_styles()}</style></head><body>",
        f"<header><h1>{_e(title)}</h1><p>{_e(' · '.join(facts))}</p>",
    ]
    if settings:
        out.append("<p>" + _e(", ".join(f"{k}={v}" for k, v in settings.items())) + "</p>")
    out.append("</header>")
    out.append(_filters(groups))
    out.append("<main>")
    if not groups:
        out.append("<p>No claims to compare.</p>")
    out.append(_timeline(groups))
    out.append(f'<section id="overview"><h2>Groups</h2>{_overview(groups)}</section>')
    out.append(
        '<section id="groups"><p class="legend-note">Charts (where a group has two dated figures '
        "or more) place each figure at the date it was stated, else the article's date: "
        '● a count, ▲ a lower bound ("more than"), ▼ an upper bound ("up to"), ■ a range, '
        '◆ a vague amount, ○ a projection ("could reach"); bars show the bounds, a dashed line '
        "one speaker's updates of a toll. The latest figure of each speaker is in bold.</p>"
    )
    out.extend(_group_section(g, n, docs) for n, g in enumerate(groups, start=1))
    out.append("</section>")
    out.append(
        '<section id="speakers"><h2>Speaker by speaker</h2><p class="legend-note">Every figure '
        "each speaker gave, in date order, across the groups.</p>"
        + _speaker_cards(groups, docs)
        + "</section>"
    )
    claims_by_doc: dict[str, dict[str, dict[str, Any]]] = {}
    for group in groups:
        for member in group.members:
            claims_by_doc.setdefault(member.doc_id, {})[member.claim_id] = member.claim
    if claims_by_doc:
        out.append(
            '<section id="articles"><h2>Articles</h2><p class="legend-note">Each article with '
            "the figures (FIGURE), speakers (SPEAKER) and dates (DATE) of the claims above "
            "marked.</p>"
        )
        for doc_id, claims in claims_by_doc.items():
            ordered = sorted(claims.values(), key=lambda c: (c.get("span") or [0])[0])
            out.append(
                article_view(doc_id, ordered, docs.articles.get(doc_id), docs.urls.get(doc_id))
            )
        out.append("</section>")
    out.append(f"</main><script>{read_text('report.js')}</script></body></html>")
    return "\n".join(out)
