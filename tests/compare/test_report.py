"""The report: the terminal table, the self-contained HTML, and the page drawn by Chromium."""

from __future__ import annotations

import html
import os
import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from claimx.contract.article import Article
from claimx.ledger import Group, compare_claims
from claimx.ledger.chart import CHART_COLORS
from claimx.ledger.report import SPAN_COLORS, article_spans, render_html
from claimx.ledger.terminal import print_groups

from .conftest import make_claim, raqqa_claims


def article_texts(claims: list[dict[str, Any]]) -> dict[str, Article]:
    """Articles whose text holds each claim's sentence at its offsets."""
    texts: dict[str, list[str]] = {}
    for claim in claims:
        start, end = claim["sentence_span"]
        chars = texts.setdefault(claim["doc_id"], [])
        chars.extend(" " * (end - len(chars)))
        chars[start:end] = claim["sentence"]
    return {
        doc: Article(
            id=doc, text="".join(chars), title=f"Raqqa: the toll ({doc})", published="2019-04-26"
        )
        for doc, chars in texts.items()
    }


@pytest.fixture(scope="module")
def groups() -> list[Group]:
    return sorted(compare_claims(raqqa_claims()), key=lambda g: g.rank)


def test_report_terminal_table_shows_both_sides(groups: list[Group]) -> None:
    console = Console(record=True, width=200)
    print_groups(groups, console, details=1)
    text = console.export_text()
    assert "killed civilians" in text
    assert "1,257 – more than 1,600" in text
    assert "acknowledges: 1,257 (US-led coalition)" in text
    assert "Amnesty International and Airwars" in text
    assert "1.27×" in text


@pytest.mark.parametrize(("sentences", "figures", "kept"), [(2, 10, 3), (1, 1, 2)])
def test_report_compact_groups_keep_what_is_shown(
    groups: list[Group], sentences: int, figures: int, kept: int
) -> None:
    raqqa = groups[0]
    small = raqqa.compact(sentences=sentences, figures=figures)
    ngo = next(s for s in small.speakers if s["name"] == "Amnesty International and Airwars")
    assert len(ngo["figures"][0]["sentences"]) == min(sentences, 2)
    assert ngo["figures"][0]["sentences_total"] == 2
    assert ngo["figures_total"] == 1
    assert len(small.members) == kept
    assert small.group_id == raqqa.group_id and small.doc_ids == raqqa.doc_ids
    assert "Supporting sentences" in render_html([small])


@pytest.mark.parametrize("with_texts", [True, False])
def test_report_html_is_self_contained(groups: list[Group], with_texts: bool) -> None:
    articles = article_texts(raqqa_claims()) if with_texts else None
    page = render_html(groups, articles=articles)
    # one script, inline; no chart library; nothing fetched from anywhere
    assert page.count("<script") == 1 and "<script>" in page
    assert "plotly" not in page.lower()
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?(https?:)?//""", page)
    assert len(page.encode()) < 80_000, len(page.encode())
    if with_texts:
        # the claims' figures, speakers and dates marked in their articles
        for label in ("FIGURE", "SPEAKER", "DATE"):
            assert f'<mark class="m-{label}"' in page
    assert "<mark>more than 1,600</mark>" in page  # the supporting sentence, figure marked
    # the filters, the timeline, the sortable tables and the speaker-by-speaker view
    for needle in ('id="f-q"', 'id="f-country"', 'id="f-speaker"', 'id="f-from"', "sortable"):
        assert needle in page
    assert 'class="timeline"' in page and 'id="speakers"' in page
    if with_texts:
        assert "Raqqa: the toll (amnesty-report)" in page
    else:
        assert "article text not given" in page


def _blockquotes(page: str) -> list[str]:
    return re.findall(r"<blockquote[^>]*>(.*?)<br>", page)


def test_report_each_sentence_once_and_charts_only_with_something_to_draw() -> None:
    # one sentence holds two figures of one group; one group has a single dated figure
    period = ("2023-09-10", "2023-09-11")
    sentence = "Officials said 3,958 people died and the mayor said 11,300 died."
    claims = []
    for number, (figure, speaker) in enumerate([("3,958", "Officials"), ("11,300", "Mayor")]):
        claim = make_claim(
            "wire",
            number + 1,
            int(figure.replace(",", "")),
            text=figure,
            speakers=(speaker,),
            locations=("Derna",),
            period=period,
            stated="2023-09-14",
        )
        at = sentence.index(figure)
        claim.update(
            sentence=sentence, sentence_span=[0, len(sentence)], span=[at, at + len(figure)]
        )
        claims.append(claim)
    claims.append(
        make_claim(
            "other",
            1,
            30000,
            outcome="displaced",
            locations=("Derna",),
            period=period,
            stated="2023-09-14",
        )
    )
    groups = compare_claims(claims)
    page = render_html(
        groups,
        articles={
            "wire": Article(id="wire", text=sentence, url="https://example.org/derna-wire"),
        },
    )
    quoted = _blockquotes(page)
    assert len(quoted) == len(set(quoted)) == 2
    both = next(q for q in quoted if "3,958" in q)
    assert both.count("<mark>") == 2
    # the killed group has two dated figures: a chart; the displaced one has one: none (and
    # no speaker gave two dated figures, so no speaker chart)
    assert page.count('<svg class="chart"') == 1
    # each claim links to its article's address and to its sentence
    assert page.count('href="https://example.org/derna-wire"') >= 3
    assert re.search(r'href="#s-[^"]*wire-0" title="the sentence"', page)


@pytest.mark.parametrize(
    ("text", "claim", "expected"),
    [
        (
            "Amnesty International and Airwars said on Thursday that more than 1,600 died.",
            {
                "span": [57, 72],
                "sentence_span": [0, 78],
                "speakers": [
                    {"text": "Amnesty International", "name": "Amnesty International"},
                    {"text": "Airwars", "name": "Airwars"},
                ],
                "stated": {"text": "on Thursday", "date": "2019-04-25"},
                "period": None,
            },
            {(57, 72, "FIGURE"), (0, 21, "SPEAKER"), (26, 33, "SPEAKER"), (39, 50, "DATE")},
        ),
        (
            # a speaker named in the sentence before is found before the figure
            "The charity spoke. It said 20 died.",
            {
                "span": [27, 29],
                "sentence_span": [19, 35],
                "speakers": [{"text": "The charity", "name": "Amnesty International"}],
            },
            {(27, 29, "FIGURE"), (0, 11, "SPEAKER")},
        ),
        # offsets outside the text are skipped, not guessed
        ("Short.", {"span": [50, 52], "sentence_span": [40, 60]}, set()),
    ],
)
def test_report_article_spans(text: str, claim: dict[str, Any], expected: set[Any]) -> None:
    assert set(article_spans(text, [claim])) == expected


# -- headless Chromium ------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def _chromium(page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return _chromium_url(page.as_uri(), *extra)


def _chromium_url(url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory(prefix="claimx-chromium-") as profile:
        return subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, url],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
            env={**os.environ, "LANG": "C.UTF-8"},
        )


def _console_errors(log: str) -> list[str]:
    return [
        line
        for line in log.splitlines()
        if "Uncaught" in line or "ERROR:CONSOLE" in line or ("CONSOLE" in line and "rror" in line)
    ]


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB(A) rows of an 8-bit PNG (what Chromium writes); no PIL needed."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat = 8, b""
    width = height = channels = 0
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (2, 6), (depth, color)
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        if kind == 0:
            rows.append(bytes(line))
            previous = line
            continue
        if kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
            rows.append(bytes(line))
            previous = line
            continue
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                pick = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + pick) & 0xFF
        rows.append(bytes(line))
        previous = line
    if channels == 4:
        rows = [_rgb(r) for r in rows]
    return width, height, rows


def _rgb(rgba: bytes) -> bytes:
    rgb = bytearray(len(rgba) // 4 * 3)
    for channel in range(3):
        rgb[channel::3] = rgba[channel::4]
    return bytes(rgb)


def _colour_counts(rows: list[bytes], colours: dict[str, str]) -> tuple[dict[str, int], float]:
    """Pixels near each colour (within 10 per channel), and the share of non-white pixels."""
    histogram: Counter[bytes] = Counter()
    for row in rows:
        histogram.update(row[x : x + 3] for x in range(0, len(row), 3))
    total = sum(histogram.values())
    coloured = sum(n for px, n in histogram.items() if min(px) < 235)
    counts = {}
    for name, hex_ in colours.items():
        target = bytes.fromhex(hex_[1:])
        counts[name] = sum(
            n
            for px, n in histogram.items()
            if all(abs(a - b) <= 10 for a, b in zip(px, target, strict=True))
        )
    return counts, coloured / max(total, 1)


@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory, groups: list[Group]) -> Path:
    # The Raqqa group only, so its chart and its articles fit the screenshot's 2000 pixels.
    page = tmp_path_factory.mktemp("report") / "report.html"
    page.write_text(
        render_html(groups[:1], articles=article_texts(raqqa_claims())), encoding="utf-8"
    )
    return page


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
@pytest.mark.parametrize("sabotage", [False, True])
def test_report_opens_in_chromium_without_console_errors(
    report_page: Path, tmp_path: Path, sabotage: bool
) -> None:
    page = report_page
    if sabotage:
        # the check must see an error when there is one
        page = tmp_path / "broken.html"
        page.write_text(
            report_page.read_text(encoding="utf-8").replace(
                "</body>", "<script>notDefinedAnywhere();</script></body>"
            ),
            encoding="utf-8",
        )
    done = _chromium(
        page, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom"
    )
    assert done.returncode == 0, done.stderr[-2000:]
    errors = _console_errors(done.stderr)
    if sabotage:
        assert any("notDefinedAnywhere" in line for line in errors), done.stderr[-2000:]
        return
    assert errors == []
    dom = done.stdout
    # the script ran (it counts the groups shown), the chart has a point per figure, and
    # displaCy marked the spans
    assert re.search(r'id="f-count" data-shown="1">1 of 1 groups', dom)
    assert dom.count('class="point"') >= 2
    assert dom.count('class="m-SPEAKER"') >= 2 and dom.count('class="m-FIGURE"') >= 3


def _shown(dom: str) -> tuple[set[str], set[str]]:
    """The group sections and speaker cards the filters left visible in a dumped DOM."""
    groups = set()
    for tag in re.findall(r'<section class="group filterable"[^>]*>', dom):
        if "hidden" not in tag:
            groups.add(re.search(r'data-group="([^"]+)"', tag).group(1))
    speakers = set()
    for tag in re.findall(r'<div class="speaker-card"[^>]*>', dom):
        if "hidden" not in tag:
            speakers.add(html.unescape(re.search(r'data-speaker="([^"]*)"', tag).group(1)))
    return groups, speakers


@pytest.fixture(scope="module")
def filter_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Group]]:
    """Two events in two countries, two speakers each, one speaker in both."""
    claims = [
        make_claim(
            "derna-wire",
            1,
            11300,
            speakers=("Libyan Red Crescent",),
            locations=("Derna",),
            period=("2023-09-10", "2023-09-11"),
            stated="2023-09-14",
            group="people",
        ),
        make_claim(
            "derna-wire",
            2,
            3958,
            speakers=("OCHA",),
            locations=("Derna",),
            period=("2023-09-10", "2023-09-11"),
            stated="2023-09-17",
            group="people",
        ),
        make_claim(
            "quake-wire",
            1,
            2497,
            speakers=("Interior ministry",),
            locations=("Al Haouz",),
            period=("2023-09-08", "2023-09-08"),
            stated="2023-09-11",
            group="people",
        ),
        make_claim(
            "quake-wire",
            2,
            2946,
            speakers=("OCHA",),
            locations=("Al Haouz",),
            period=("2023-09-08", "2023-09-08"),
            stated="2023-09-15",
            group="people",
        ),
    ]
    claims.append(
        make_claim(
            "derna-wire",
            3,
            7000,
            outcome="injured",
            speakers=("Libyan Red Crescent",),
            locations=("Derna",),
            period=("2023-09-10", "2023-09-11"),
            group="people",
        )
    )
    groups = compare_claims(claims)
    page = tmp_path_factory.mktemp("filters") / "report.html"
    page.write_text(render_html(groups), encoding="utf-8")
    return page, groups


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
@pytest.mark.parametrize(
    ("state", "places", "speakers"),
    [
        ("", {"Derna", "Al Haouz"}, {"Libyan Red Crescent", "OCHA", "Interior ministry"}),
        ("country=Libya", {"Derna"}, {"Libyan Red Crescent", "OCHA"}),
        ("country=Morocco&outcome=killed", {"Al Haouz"}, {"Interior ministry", "OCHA"}),
        ("outcome=injured", {"Derna"}, {"Libyan Red Crescent"}),
        # search reads the sentences and speakers
        ("q=red%20crescent", {"Derna"}, {"Libyan Red Crescent", "OCHA"}),
        ("q=nothing-like-this", set(), set()),
        # the speaker view: every figure of one body, across groups
        ("speaker=OCHA", {"Derna", "Al Haouz"}, {"OCHA"}),
        ("speaker=Interior%20ministry", {"Al Haouz"}, {"Interior ministry"}),
        # the date range keeps groups whose period meets it
        ("from=2023-09-10&to=2023-09-30", {"Derna"}, {"Libyan Red Crescent", "OCHA"}),
        ("to=2023-09-08", {"Al Haouz"}, {"Interior ministry", "OCHA"}),
    ],
)
def test_report_filters_search_and_speaker_view_in_chromium(
    filter_page: tuple[Path, list[Group]], state: str, places: set[str], speakers: set[str]
) -> None:
    page, groups = filter_page
    done = _chromium_url(
        page.as_uri() + ("#" + state if state else ""),
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=5000",
        "--dump-dom",
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert _console_errors(done.stderr) == []
    shown_groups, shown_speakers = _shown(done.stdout)
    by_place = {g.group_id: g.places[0] for g in groups}
    assert {by_place[g] for g in shown_groups} == places
    # the OCHA card still shows when only one of its groups is left
    assert shown_speakers == speakers
    assert f'data-shown="{len(shown_groups)}"' in done.stdout
    # the timeline keeps the bars of the groups shown
    bars = re.findall(r'<a href="#group-[^"]+" class="tl-row"[^>]*>', done.stdout)
    assert len([b for b in bars if "hidden" not in b]) == len(shown_groups)


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_report_screenshot_shows_charts_and_highlights(report_page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    done = _chromium(
        report_page,
        f"--screenshot={shot}",
        "--window-size=1400,2000",
        "--hide-scrollbars",
        "--virtual-time-budget=5000",
    )
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    if os.environ.get("CLAIMX_KEEP_SCREENSHOT"):
        shutil.copy(shot, os.environ["CLAIMX_KEEP_SCREENSHOT"])
    width, height, rows = read_png(shot)
    assert (width, height) == (1400, 2000)
    colours = {
        "speaker 1 marker": CHART_COLORS[0],
        "speaker 2 marker": CHART_COLORS[1],
        **{f"{label} highlight": colour for label, colour in SPAN_COLORS.items()},
    }
    counts, coloured = _colour_counts(rows, colours)
    assert coloured > 0.02, f"the page looks blank ({coloured:.1%} non-white)"
    for name, count in counts.items():
        assert count >= 40, f"{name}: {count} pixels of {colours[name]} ({counts})"


@pytest.mark.parametrize(
    ("filler", "shown_whole"),
    [(200, True), (5000, False)],
)
def test_report_article_view_shows_claims_in_context(filler: int, shown_whole: bool) -> None:
    from claimx.ledger.article_view import article_view

    sentence = "The ministry said 40 people died."
    text = "x" * filler + " " + sentence + " " + "y" * filler + "\n\nAn unrelated paragraph."
    at = text.index("40")
    claim = {"claim_id": "a:1", "span": [at, at + 2], "sentence_span": [at - 18, at + 15]}
    view = article_view("a", [claim], Article(id="a", text=text))
    assert '<mark class="m-FIGURE" title="FIGURE">40</mark>' in view
    assert "An unrelated paragraph" not in view  # a paragraph with no claim is left out
    assert ("x" * filler in view) is shown_whole
    assert ("[…]" in view.split("<mark")[0]) is not shown_whole
