"""The groups a reader forms on real collections: ../shared/realnews (real articles, read at
run time and never copied) on its own and beside the team corpus, where several events are
covered by articles of both. Claims are the gold claims of each article, so the test is of
the grouping, not of extraction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimx.ledger import Group, compare_claims
from claimx.ledger.articles import article_meta

from .conftest import CORPUS, ROOT, as_article, gold_folder_claims, read_jsonl

REALNEWS = ROOT.parent / "shared" / "realnews"
needs_realnews = pytest.mark.skipif(
    not (REALNEWS / "gold.jsonl").exists(), reason="../shared/realnews is not on this machine"
)


def _collection(*folders: Path) -> list[Group]:
    claims: list[dict[str, Any]] = []
    metas = []
    for folder in folders:
        claims += gold_folder_claims(folder)
        metas += [article_meta(as_article(row)) for row in read_jsonl(folder / "articles.jsonl")]
    return compare_claims(claims, articles=metas)


@pytest.fixture(scope="module")
def realnews() -> list[Group]:
    return _collection(REALNEWS)


@pytest.fixture(scope="module")
def everything() -> list[Group]:
    return _collection(REALNEWS, CORPUS / "dev", CORPUS / "test")


def _group(groups: list[Group], doc_id: str, value: int, outcome: str) -> Group:
    found = [
        g
        for g in groups
        if g.outcome == outcome
        and any(m.doc_id == doc_id and m.claim["figure"]["value"] == value for m in g.members)
    ]
    assert len(found) == 1, f"{doc_id} {value} {outcome}: {[g.label for g in found]}"
    return found[0]


def _has(group: Group, doc_id: str, value: int) -> bool:
    return any(m.doc_id == doc_id and m.claim["figure"]["value"] == value for m in group.members)


# (outcome, anchor (doc, value), others that belong with it, others that must not)
WITHIN_REALNEWS = [
    # a toll updated by one ministry over weeks: one group, not rival claims
    ("killed", ("rn-a03", 324), [("rn-a03", 292)], []),
    # a headline, its lead and the militants' boast about one bombing
    ("killed", ("rn-a18", 10), [("rn-a18", 6)], []),
    # rival tolls of the Herat earthquakes from four bodies
    ("killed", ("rn-b06", 2053), [("rn-b06", 2000), ("rn-b06", 500), ("rn-b06", 320)], []),
    # two attacks on two Gezira villages four months apart stay apart
    ("killed", ("rn-a13", 124), [], [("rn-a14", 100)]),
    # Iran's protests of 2019 and of 2009 stay apart
    ("killed", ("rn-a08", 200), [("rn-a08", 1000)], [("rn-a09", 15)]),
    # an army's own dead in Burkina Faso and in Mali stay apart
    ("killed", ("rn-a21", 31), [], [("rn-a22", 17)]),
]

ACROSS = [
    # Derna: a real report's missing beside the team's three outlets over a week
    (
        "missing",
        ("rn-a11", 10000),
        [("p3-derna-flood-wire-20230912", 10000), ("p3-derna-flood-feature-20230919", 9000)],
        [],
    ),
    # Morocco: the interior ministry's toll as it rose, in a real and a team article
    ("killed", ("rn-a25", 2012), [("p3-morocco-quake-wire-20230911", 2497)], []),
    # Wad al-Nourah, spelt two ways by two outlets
    ("killed", ("rn-a14", 100), [("p2-sdn-wad-al-nourah-feature", 21)], [("rn-a13", 124)]),
    # Herat: the real report's first-day tolls beside the team's event set
    (
        "killed",
        ("rn-b06", 2053),
        [("p4-herat-quake-update-20231011", 1294), ("p4-herat-quake-feature-20231016", 1482)],
        [("p4-herat-quake-feature-20231016", 1047)],
    ),
    # Haiti: the UN's running count of 2024, half-year and whole year
    ("killed", ("rn-b20", 3661), [("p3-haiti-2024-gang-violence-toll-20250115", 5601)], []),
    # Gaza: the health ministry's running count from October to May
    (
        "killed",
        ("rn-a05", 34305),
        [("p1-gaza-hospital-liveblog", 3478), ("p1-gaza-identified-dead", 35173)],
        [],
    ),
    # Mariupol's siege dead are no rival of the UN's count for the whole war
    (
        "killed",
        ("p2-ukr-mariupol-theatre-feature", 20000),
        [],
        [("p2-ukr-hrmmu-july-update", 11520)],
    ),
]


def _check(
    groups: list[Group],
    outcome: str,
    anchor: tuple[str, int],
    together: list[tuple[str, int]],
    apart: list[tuple[str, int]],
) -> None:
    group = _group(groups, *anchor, outcome)
    for doc_id, value in together:
        assert _has(group, doc_id, value), f"{doc_id} {value} not with {anchor}: {group.label}"
    for doc_id, value in apart:
        assert not _has(group, doc_id, value), f"{doc_id} {value} wrongly with {anchor}"


@needs_realnews
@pytest.mark.parametrize(("outcome", "anchor", "together", "apart"), WITHIN_REALNEWS)
def test_compare_realnews_groups_as_a_reader_would(
    realnews: list[Group],
    outcome: str,
    anchor: tuple[str, int],
    together: list[tuple[str, int]],
    apart: list[tuple[str, int]],
) -> None:
    _check(realnews, outcome, anchor, together, apart)


@needs_realnews
@pytest.mark.parametrize(("outcome", "anchor", "together", "apart"), ACROSS)
def test_compare_real_and_team_articles_of_one_event_group_together(
    everything: list[Group],
    outcome: str,
    anchor: tuple[str, int],
    together: list[tuple[str, int]],
    apart: list[tuple[str, int]],
) -> None:
    _check(everything, outcome, anchor, together, apart)


@needs_realnews
@pytest.mark.parametrize(
    ("anchor", "speaker", "series"),
    [
        # one ministry's toll as it rose, in date order, its latest marked
        (("rn-a25", 2012), "Moroccan Ministry of Interior", [2012, 2122, 2497]),
        (("rn-a03", 324), "Iraqi Ministry of Health", [292, 324]),
        (
            ("p4-herat-quake-update-20231011", 1294),
            "UN Office for the Coordination of Humanitarian Affairs",
            [1294, 1480],
        ),
    ],
)
def test_compare_toll_series_are_ordered_on_real_collections(
    everything: list[Group], anchor: tuple[str, int], speaker: str, series: list[int]
) -> None:
    group = _group(everything, *anchor, "killed")
    found = next(s for s in group.speakers if s["name"] == speaker)
    # the same figure said twice the same day ("2,012", "at least 2,012") is one step
    values = list(dict.fromkeys(point["value"] for point in found["series"]))
    assert [v for v in values if v in series] == series
    dates = [point["date"] for point in found["series"]]
    assert dates == sorted(dates)
    latest = [f["value"] for f in found["figures"] if f["latest"]]
    assert latest == [series[-1]]
