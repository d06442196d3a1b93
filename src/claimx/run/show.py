"""One article's claims, readable in a terminal (``claimx show``), with rich."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimx.contract.article import Article
from claimx.io.readers import Reader, ReadWarning, Rejected
from claimx.run.batch import UsageError, published_option
from claimx.run.extractor import PipelineExtractor, claim_dict

_FIGURE_STYLE = "bold black on yellow"
_DASH = "–"


def render_article(
    article: Article, claims: Sequence[dict[str, Any]], console: Console, *, note: str | None = None
) -> None:
    """Print ``article``'s header and each of its claims (``Claim.to_dict()`` objects)."""
    facts = [f"id {article.id}"]
    if article.published:
        facts.append(f"published {article.published}")
    if article.source:
        facts.append(article.source)
    if article.origin:
        facts.append(article.origin)
    header = Text(article.title or article.id, style="bold")
    header.append("\n" + " · ".join(facts), style="dim")
    count = f"{len(claims)} claim{'' if len(claims) == 1 else 's'}"
    header.append(f"\n{count}")
    console.print(Panel(header, expand=True))
    if note:
        console.print(Text(note, style="dim"))
    if not claims:
        console.print(Text("No casualty claim found in this article.", style="italic"))
        return
    for number, claim in enumerate(claims, start=1):
        console.print(claim_panel(number, claim))


def claim_panel(number: int, claim: dict[str, Any]) -> Panel:
    """A panel for one claim: the key facts, then its sentence with the figure highlighted."""
    figure = claim.get("figure") or {}
    victims = claim.get("victims") or {}
    title = Text(f"#{number} ", style="bold")
    title.append(str(claim.get("outcome", "?")), style="bold red")
    title.append(" · ")
    title.append(str(victims.get("group", "?")), style="bold")
    title.append(" · ")
    title.append(_figure_value(figure), style="bold")

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="cyan", no_wrap=True)
    grid.add_column()
    grid.add_row("figure", _figure_detail(figure))
    if victims.get("text"):
        grid.add_row("victims", str(victims["text"]))
    grid.add_row("speakers", _speakers(claim.get("speakers") or []))
    stance = str(claim.get("stance") or "asserts")
    if claim.get("cue"):
        stance += f' (cue "{claim["cue"]}")'
    grid.add_row("stance", stance)
    agent = claim.get("agent")
    if agent:
        grid.add_row("agent", str(agent.get("name") or agent.get("text")))
    grid.add_row("period", _dated(claim.get("period"), "start", "end"))
    grid.add_row("stated", _dated(claim.get("stated"), "date", None))
    grid.add_row("locations", ", ".join(claim.get("locations") or []) or _DASH)
    if claim.get("part_of"):
        grid.add_row("part of", str(claim["part_of"]))
    grid.add_row("sentence", highlight_figure(claim))
    return Panel(grid, title=title, title_align="left", subtitle=str(claim.get("claim_id", "")))


def highlight_figure(claim: dict[str, Any]) -> Text:
    """The claim's sentence with its figure highlighted."""
    sentence = str(claim.get("sentence") or "")
    text = Text(sentence)
    figure_text = str((claim.get("figure") or {}).get("text") or "")
    start = end = -1
    span = claim.get("span")
    sentence_span = claim.get("sentence_span")
    if span and sentence_span:
        start, end = span[0] - sentence_span[0], span[1] - sentence_span[0]
    if not (0 <= start < end <= len(sentence)) or (
        figure_text and sentence[start:end] != figure_text
    ):
        start = sentence.find(figure_text) if figure_text else -1
        end = start + len(figure_text)
    if start >= 0 and end > start:
        text.stylize(_FIGURE_STYLE, start, end)
    return text


def _figure_value(figure: dict[str, Any]) -> str:
    value = figure.get("value")
    unit = figure.get("unit") or "people"
    shown = f"{value:,}" if isinstance(value, int) else str(value)
    return shown if unit == "people" else f"{shown} {unit}"


def _figure_detail(figure: dict[str, Any]) -> str:
    low, high = figure.get("low"), figure.get("high")
    bounds = f"{_DASH if low is None else f'{low:,}'} to {_DASH if high is None else f'{high:,}'}"
    return (
        f'"{figure.get("text", "")}"  value {_figure_value(figure)}, '
        f"{figure.get('qualifier', '?')}, bounds {bounds}"
    )


def _speakers(speakers: Sequence[dict[str, Any]]) -> str:
    if not speakers:
        return "(the article, in its own voice)"
    return "; ".join(
        f"{s.get('name') or s.get('text')} ({s.get('kind', 'other')})" for s in speakers
    )


def _dated(value: dict[str, Any] | None, first: str, second: str | None) -> str:
    if not value:
        return _DASH
    when = str(value.get(first))
    if second is not None and value.get(second) and value.get(second) != value.get(first):
        when += f" to {value.get(second)}"
    return f'{when} ("{value.get("text", "")}")'


class ShowError(UsageError):
    """``claimx show`` cannot show the article (exit status 2, as for a usage error)."""


def show_file(
    path: str,
    *,
    console: Console,
    article_id: str | None = None,
    published: str | None = None,
    model: str | None = None,
) -> tuple[Article, list[dict[str, Any]]]:
    """Read one article from ``path``, extract its claims and render them on ``console``.

    A JSON Lines file holds many articles: ``article_id`` picks one, else
    the first is shown. Returns the article and its claims.
    """
    default_date = published_option(published)
    warnings: list[ReadWarning] = []
    rejected: list[Rejected] = []
    chosen: Article | None = None
    articles = 0
    for item in Reader(on_warning=warnings.append).read([path]):
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        articles += 1
        if chosen is None and (article_id is None or item.id == article_id):
            chosen = item
    if chosen is None:
        if article_id is not None and articles:
            raise ShowError(f"no article with id {article_id!r} in {path}")
        reason = f": {rejected[0]}" if rejected else ""
        raise ShowError(f"no article could be read from {path}{reason}")
    if chosen.published is None and default_date is not None:
        chosen = dataclasses.replace(chosen, published=default_date)
    claims = [claim_dict(c) for _, found in PipelineExtractor(model)([chosen]) for c in found]
    note = None
    if articles > 1 and article_id is None:
        note = f"{path} holds {articles} articles; showing the first (pick one with --id ID)."
    for warning in warnings:
        if warning.origin == chosen.origin:
            console.print(Text(f"warning {warning}", style="yellow"))
    render_article(chosen, claims, console, note=note)
    return chosen, claims
