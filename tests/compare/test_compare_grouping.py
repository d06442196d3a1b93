"""The grouping rule on hand-made claims: independent of extraction quality."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from claimx.contract.article import Article
from claimx.ledger import CompareError, CompareOptions, CompareStats, Group, compare, compare_claims
from claimx.ledger.articles import article_meta, places_in

from .conftest import EVENTS, gold_claims, make_claim, raqqa_claims


def _group_of(groups: list[Group], claim_id: str) -> Group:
    return next(g for g in groups if claim_id in g.claim_ids)


def _values(group: Group) -> set[int]:
    return {int(m.claim["figure"]["value"]) for m in group.members}


def _together(groups: list[Group], *claim_ids: str) -> bool:
    return len({_group_of(groups, c).group_id for c in claim_ids}) == 1


@pytest.mark.parametrize("order_seed", [0, 1])
def test_compare_raqqa_ledger_pits_ngos_against_the_coalition(order_seed: int) -> None:
    claims = raqqa_claims()
    random.Random(order_seed).shuffle(claims)
    groups = compare_claims(claims)
    raqqa = _group_of(groups, "amnesty-report:1")
    assert set(raqqa.claim_ids) == {"amnesty-report:1", "amnesty-report:2", "wire-story:1"}
    assert raqqa.places == ("Raqqa", "Syria")
    by_name = {s["name"]: s for s in raqqa.speakers}
    ngos = by_name["Amnesty International and Airwars"]
    assert [(f["value"], f["qualifier"], f["stance"]) for f in ngos["figures"]] == [
        (1600, "more_than", "asserts")
    ]
    assert ngos["figures"][0]["doc_ids"] == ["amnesty-report", "wire-story"]
    coalition = by_name["US-led coalition"]
    assert [(f["value"], f["stance"], f["stated"]) for f in coalition["figures"]] == [
        (1257, "acknowledges", "2019-03-28")
    ]
    assert raqqa.spread is not None
    assert raqqa.spread["ratio"] == pytest.approx(1600 / 1257, abs=1e-3)
    assert raqqa.spread["lowest"]["speakers"] == ["US-led coalition"]
    assert raqqa.stances["acknowledges"][0]["value"] == 1257
    assert raqqa.stances["asserts"][0]["value"] == 1600
    # the strike's 32 dead (2% of 1,600) count one incident: a group of their own,
    # with the children and women as its breakdown
    strike = _group_of(groups, "wire-story:2")
    assert strike.group_id != raqqa.group_id
    assert set(strike.claim_ids) == {"wire-story:2", "wire-story:3", "wire-story:4"}
    [figure] = strike.speakers[0]["figures"]
    assert {p["group"]: p["value"] for p in figure["parts"]} == {"children": 20, "women": 8}
    # ids do not depend on input order
    assert raqqa.group_id == _group_of(compare_claims(raqqa_claims()), "wire-story:1").group_id


@pytest.mark.parametrize(
    ("a", "b", "together"),
    [
        # a country holds its cities, both ways
        ({"locations": ("Raqqa",)}, {"locations": ("Syria",)}, True),
        ({"locations": ("Syria",)}, {"locations": ("Al-Raqqa",)}, True),
        # two cities of one country are two places
        ({"locations": ("Derna",)}, {"locations": ("Benghazi",)}, False),
        # transliterations the gazetteer does not know are one place; other names are not
        ({"locations": ("Zindajan",)}, {"locations": ("Zenda Jan",)}, True),
        ({"locations": ("Rabaa al-Adawiya",)}, {"locations": ("Rabaa Aladawiya",)}, True),
        ({"locations": ("Zindajan",)}, {"locations": ("Naib Rafi",)}, False),
        ({"locations": ("Derna",)}, {"locations": ("Aleppo",)}, False),
        # victims and outcome must agree
        ({"locations": ("Derna",)}, {"locations": ("Derna",), "group": "combatants"}, False),
        ({"locations": ("Derna",)}, {"locations": ("Derna",), "outcome": "injured"}, False),
        ({"locations": ("Derna",)}, {"locations": ("Derna",), "unit": "families"}, False),
        # "civilian children" are civilians even without a total
        (
            {"locations": ("Derna",)},
            {"locations": ("Derna",), "group": "children", "victims_text": "civilian children"},
            True,
        ),
        ({"locations": ("Derna",)}, {"locations": ("Derna",), "group": "children"}, False),
    ],
)
def test_compare_places_and_harm_key(a: dict[str, Any], b: dict[str, Any], together: bool) -> None:
    period = ("2023-09-10", "2023-09-11")
    groups = compare_claims(
        [
            make_claim("one", 1, 100, period=period, **{"group": "civilians", **a}),
            make_claim("two", 1, 90, period=period, **{"group": "civilians", **b}),
        ]
    )
    assert _together(groups, "one:1", "two:1") is together


@pytest.mark.parametrize(
    ("gap_days", "tolerance", "together"),
    [(0, 7, True), (5, 7, True), (9, 7, False), (5, 2, False), (30, 30, True)],
)
def test_compare_period_tolerance(gap_days: int, tolerance: int, together: bool) -> None:
    import datetime as dt

    day = dt.date(2024, 6, 25) + dt.timedelta(days=gap_days)
    groups = compare_claims(
        [
            make_claim(
                "a",
                1,
                22,
                group="people",
                locations=("Nairobi",),
                period=("2024-06-25", "2024-06-25"),
            ),
            make_claim(
                "b",
                1,
                23,
                group="people",
                locations=("Nairobi",),
                period=(day.isoformat(), day.isoformat()),
            ),
        ],
        options=CompareOptions(tolerance_days=tolerance),
    )
    assert _together(groups, "a:1", "b:1") is together


@pytest.mark.parametrize(("ratio", "together"), [(0.05, False), (0.01, True), (0.0, True)])
def test_compare_min_ratio_sets_one_incident_apart(ratio: float, together: bool) -> None:
    period = ("2017-09-20", "2017-10-10")
    stats = CompareStats()
    groups = compare_claims(
        [
            make_claim("a", 1, 1600, locations=("Raqqa",), period=period),
            make_claim("b", 1, 32, locations=("Raqqa",), period=("2017-09-25", "2017-09-25")),
        ],
        options=CompareOptions(min_ratio=ratio),
        stats=stats,
    )
    assert _together(groups, "a:1", "b:1") is together
    assert stats.split_by_ratio == (0 if together else 1)


@pytest.mark.parametrize(
    ("undated", "articles", "together"),
    [
        # same article: joins through place alone
        ({"doc": "a", "locations": ("Derna",), "stated": None}, None, True),
        # another article, stated within the window, sharing title words: joins
        ({"doc": "b", "locations": ("Derna",), "stated": "2023-09-14"}, "same-topic", True),
        # ... but not with an unrelated title
        ({"doc": "b", "locations": ("Derna",), "stated": "2023-09-14"}, "other-topic", False),
        # ... nor when stated long after (outside undated_window_days)
        ({"doc": "b", "locations": ("Derna",), "stated": "2025-03-01"}, "same-topic", False),
        # ... nor in another city
        ({"doc": "b", "locations": ("Benghazi",), "stated": "2023-09-14"}, "same-topic", False),
        # no anchor at all (no stated date, no article date): only its own article
        ({"doc": "b", "locations": ("Derna",), "stated": None}, None, False),
    ],
)
def test_compare_undated_claims_join_through_place_and_topic(
    undated: dict[str, Any], articles: str | None, together: bool
) -> None:
    claims = [
        make_claim(
            "a",
            1,
            5300,
            group="people",
            locations=("Derna",),
            period=("2023-09-10", "2023-09-11"),
            stated="2023-09-12",
        ),
        make_claim(
            undated["doc"],
            2,
            11300,
            group="people",
            locations=undated["locations"],
            stated=undated["stated"],
        ),
    ]
    metas = None
    if articles is not None:
        title_b = (
            "Derna flood death toll rises as aid arrives"
            if articles == "same-topic"
            else "Benghazi football league resumes"
        )
        metas = [
            Article(
                id="a", text="...", title="Flood death toll climbs in Derna", published="2023-09-12"
            ),
            Article(id="b", text="...", title=title_b, published="2023-09-14"),
        ]
    groups = compare_claims(claims, articles=metas)
    assert _together(groups, "a:1", f"{undated['doc']}:2") is together


def test_compare_undated_claims_of_two_articles_group_together() -> None:
    articles = [
        Article(id="a", text="...", title="Derna displacement grows", published="2023-09-14"),
        Article(
            id="b", text="...", title="In Derna, a week after the flood", published="2023-09-19"
        ),
    ]
    groups = compare_claims(
        [
            make_claim(
                "a",
                1,
                30000,
                outcome="displaced",
                group="people",
                speakers=("International Organization for Migration",),
                locations=("Derna",),
            ),
            make_claim(
                "b",
                1,
                43059,
                outcome="displaced",
                group="people",
                speakers=("International Organization for Migration",),
                locations=("Libya",),
            ),
        ],
        articles=articles,
    )
    assert _together(groups, "a:1", "b:1")


@pytest.mark.parametrize(("join_unplaced", "together"), [(False, False), (True, True)])
def test_compare_unplaced_claims_stay_in_their_article_unless_asked(
    join_unplaced: bool, together: bool
) -> None:
    period = ("2024-06-18", "2024-07-01")
    groups = compare_claims(
        [
            make_claim("a", 1, 39, group="people", locations=("Kenya",), period=period),
            make_claim("b", 1, 50, group="people", period=period),
        ],
        options=CompareOptions(join_unplaced=join_unplaced, infer_places=False),
    )
    assert _together(groups, "a:1", "b:1") is together


@pytest.mark.parametrize(
    ("infer", "title", "places", "together"),
    [
        (True, "Kenya counts its dead", ("Kenya",), True),
        (False, "Kenya counts its dead", (), False),
        (True, "Protests continue", (), False),
    ],
)
def test_compare_infer_places_from_the_title(
    infer: bool, title: str, places: tuple[str, ...], together: bool
) -> None:
    period = ("2024-06-18", "2024-07-01")
    groups = compare_claims(
        [
            make_claim("a", 1, 39, group="people", locations=("Kenya",), period=period),
            make_claim("b", 1, 50, group="people", period=period),
        ],
        articles=[Article(id="b", text="They marched.", title=title)],
        options=CompareOptions(infer_places=infer),
    )
    assert _together(groups, "a:1", "b:1") is together
    member = next(m for m in _group_of(groups, "b:1").members if m.claim_id == "b:1")
    assert member.inferred is bool(places)
    assert member.places == frozenset(places)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thousands feared dead as dams burst above Libya's Derna", ["Libya", "Derna"]),
        ("Five weeks of protest, and still no agreed count of Kenya's dead", ["Kenya"]),
        ("Rights group says more were killed", []),
    ],
)
def test_compare_places_in_titles(text: str, expected: list[str]) -> None:
    assert places_in(text) == expected


def test_compare_article_meta_topic_words() -> None:
    meta = article_meta(
        Article(
            id="x",
            text="body",
            title="In Derna, three different death tolls",
            published="2023-09-19",
        )
    )
    assert meta.places == ("Derna",)
    assert {"derna", "different", "death", "toll"} <= set(meta.words)
    assert "in" not in meta.words


def test_compare_vague_figures_do_not_set_the_spread() -> None:
    period = ("2017-06-01", "2017-10-31")
    groups = compare_claims(
        [
            make_claim("a", 1, 1600, locations=("Raqqa",), period=period, speakers=("Airwars",)),
            make_claim("a", 2, 1257, locations=("Raqqa",), period=period, speakers=("Coalition",)),
            make_claim(
                "b",
                1,
                100,
                qualifier="vague",
                low=100,
                high=999,
                text="hundreds",
                locations=("Raqqa",),
                period=period,
                speakers=("Amnesty International",),
            ),
        ]
    )
    [group] = groups
    assert group.spread is not None
    assert (group.spread["lowest"]["value"], group.spread["highest"]["value"]) == (1257, 1600)
    assert group.spread["basis"] == "counts"


def _figure(value: int, speaker: str, number: int, **extra: Any) -> dict[str, Any]:
    period = ("2023-09-10", "2023-09-11")
    return make_claim(
        f"doc-{speaker}-{number}",
        1,
        value,
        locations=("Derna",),
        period=period,
        speakers=(speaker,),
        **extra,
    )


MORE_THAN_1000 = {"qualifier": "more_than", "low": 1000, "text": "more than 1,000"}
UP_TO_20000 = {"qualifier": "at_most", "high": 20000, "text": "up to 20,000"}


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        # two counts: the larger over the smaller
        ([(11300, "Red Crescent", {}), (3958, "OCHA", {})], (11300, 3958, 2.855, "counts")),
        # a lower bound above a count: at least that far apart
        (
            [(1000, "Minister", MORE_THAN_1000), (400, "Ministry", {})],
            (1000, 400, 2.5, "bounds"),
        ),
        # an upper bound against a lower bound says nothing: no disagreement
        (
            [(20000, "Mayor", UP_TO_20000), (1000, "Minister", MORE_THAN_1000)],
            (1000, 20000, 0.05, "bounds"),
        ),
    ],
)
def test_compare_spread_sets_like_against_like(
    figures: list[tuple[int, str, dict[str, Any]]], expected: tuple[int, int, float, str]
) -> None:
    claims = [_figure(v, who, n, **extra) for n, (v, who, extra) in enumerate(figures)]
    [group] = compare_claims(claims)
    assert group.spread is not None
    high, low, ratio, basis = expected
    assert (group.spread["highest"]["value"], group.spread["lowest"]["value"]) == (high, low)
    assert group.spread["ratio"] == pytest.approx(ratio, abs=1e-3)
    assert group.spread["basis"] == basis
    assert group.spread["agree"] is (ratio <= 1)


def _sentence_claim(doc: str, sentence: str, figure: str, value: int, **extra: Any) -> dict:
    claim = make_claim(doc, 1, value, text=figure, **extra)
    at = sentence.index(figure)
    claim["sentence"] = sentence
    claim["sentence_span"] = [1000, 1000 + len(sentence)]
    claim["span"] = [1000 + at, 1000 + at + len(figure)]
    return claim


@pytest.mark.parametrize(
    ("sentence", "figure", "projected"),
    [
        ("The mayor warned the toll could reach 20,000 in the coming days.", "20,000", True),
        ("Officials said the number of dead is expected to rise to 300.", "300", True),
        ("The death toll might climb above 500, a doctor said.", "500", True),
        ("The ministry said 3,958 people had died.", "3,958", False),
        ("On 3 May 1,200 people were killed in the town.", "1,200", False),
        ("May brought no relief: 1,200 people were killed in the town.", "1,200", False),
    ],
)
def test_compare_projection_is_kept_apart_from_counts(
    sentence: str, figure: str, projected: bool
) -> None:
    place = {"locations": ("Derna",), "period": ("2023-09-10", "2023-09-11")}
    claims = [
        _sentence_claim(
            "a", sentence, figure, int(figure.replace(",", "")), speakers=("Mayor",), **place
        ),
        make_claim("b", 1, 3958, speakers=("OCHA",), **place),
    ]
    [group] = compare_claims(claims)
    assert [p["value"] for p in group.projections] == (
        [int(figure.replace(",", ""))] if projected else []
    )
    assert group.spread is not None
    spread_values = {group.spread["highest"]["value"], group.spread["lowest"]["value"]}
    assert (int(figure.replace(",", "")) in spread_values) is (not projected)


def test_compare_toll_updates_are_a_series_with_the_latest_marked() -> None:
    place = {"locations": ("Nairobi",), "group": "people"}
    claims = [
        make_claim(
            "wire",
            1,
            22,
            speakers=("KNCHR",),
            stated="2024-06-26",
            period=("2024-06-25", "2024-06-25"),
            **place,
        ),
        make_claim(
            "release",
            1,
            39,
            speakers=("KNCHR",),
            stated="2024-07-01",
            period=("2024-06-18", "2024-07-01"),
            **place,
        ),
        make_claim(
            "analysis",
            1,
            50,
            speakers=("KNCHR",),
            stated="2024-07-22",
            period=("2024-06-18", "2024-07-22"),
            **place,
        ),
        make_claim(
            "wire",
            2,
            19,
            speakers=("President",),
            stated="2024-06-30",
            stance="acknowledges",
            period=("2024-06-25", "2024-06-30"),
            **place,
        ),
    ]
    random.Random(3).shuffle(claims)
    [group] = compare_claims(claims)
    by_name = {s["name"]: s for s in group.speakers}
    commission = by_name["KNCHR"]
    assert [(p["date"], p["value"]) for p in commission["series"]] == [
        ("2024-06-26", 22),
        ("2024-07-01", 39),
        ("2024-07-22", 50),
    ]
    assert [f["value"] for f in commission["figures"] if f["latest"]] == [50]
    assert by_name["President"]["series"] == []
    # the spread sets the latest figures against each other, not a speaker's old ones
    assert group.spread is not None
    assert (group.spread["highest"]["value"], group.spread["lowest"]["value"]) == (50, 19)


@pytest.mark.parametrize("event", EVENTS)
def test_compare_event_sets_group_as_a_reader_would(event: str) -> None:
    groups = compare_claims(gold_claims(event))
    values = {g.group_id: _values(g) for g in groups}

    def holding(claim_value: int, outcome: str) -> set[int]:
        group = next(
            g for g in groups if g.outcome == outcome and claim_value in values[g.group_id]
        )
        return values[group.group_id]

    if event == "derna-flood-2023":
        # every toll for the city's dead, from the mayor's 20,000 down to the first
        # 1,000 bodies, and none of the partial counts (74 Egyptians, 12 bodies
        # from the port, one family's 11, three volunteers, the other towns' dead)
        assert holding(11300, "killed") == {
            20000,
            18000,
            11300,
            5300,
            3958,
            3283,
            3166,
            3000,
            2000,
            1000,
        }
        assert holding(10100, "missing") == {10100, 10000, 9000, 5000, 1000}
        assert holding(30000, "displaced") == {30000, 43059}
        assert 3000 not in holding(30000, "displaced")  # the other towns' displaced
    elif event == "kenya-protests-2024":
        assert holding(39, "killed") == {50, 39, 24, 23, 22, 19, 13}
        assert holding(413, "injured") >= {413, 361, 300, 160, 40, 30, 21, 4}
        assert holding(682, "detained") == {1200, 682, 627, 300}
        assert holding(59, "missing") == {59, 32}
        security = next(g for g in groups if g.victims == "security_forces")
        assert _values(security) == {100, 37}
    else:
        # Herat: every body's province-wide toll over nine days, from the UN's first 320 to
        # the disaster ministry's 2,445 and the health ministry's revision; the counts of
        # one district or one village (spelt Zindajan or Zenda Jan) are parts, apart
        assert holding(1482, "killed") == {2053, 500, 320, 2445, 1294, 1482, 1480}
        assert holding(1047, "killed") == {1047}
        assert holding(12, "killed") == {12}  # one street's dead: a part of the harm
        assert holding(9240, "injured") == {9240, 1688}


def test_compare_parquet_and_jsonl_give_the_same_groups(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from claimx.io.writers import parquet_row, parquet_schema

    claims = raqqa_claims()
    jsonl = tmp_path / "claims.jsonl"
    jsonl.write_text("".join(json.dumps(c) + "\n" for c in claims), encoding="utf-8")
    parquet = tmp_path / "claims.parquet"
    pq.write_table(
        __import__("pyarrow").Table.from_pylist(
            [parquet_row(c) for c in claims], schema=parquet_schema()
        ),
        parquet,
    )
    from_jsonl = [g.to_dict() for g in compare([jsonl])]
    from_parquet = [g.to_dict() for g in compare([parquet])]
    assert from_jsonl == from_parquet
    assert len(from_jsonl) == 2


def _write_claims(path: Path, claims: list[dict[str, Any]], *, rules: bool) -> None:
    """Claims as JSON Lines or Parquet, with or without ``rules`` (files older than the field)."""
    rows = [{k: v for k, v in c.items() if rules or k != "rules"} for c in claims]
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    from claimx.contract.schema import arrow_schema

    schema = pa.schema([f for f in arrow_schema() if f.name in rows[0]])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
@pytest.mark.parametrize("rules", [True, False])
def test_compare_reads_claims_with_or_without_rules(
    tmp_path: Path, suffix: str, rules: bool
) -> None:
    claims = raqqa_claims()
    for claim in claims:
        claim["rules"] = ["digits", "cue:verb:say"]
    expected = [g.to_dict() for g in compare_claims(raqqa_claims())]
    path = tmp_path / f"claims{suffix}"
    _write_claims(path, claims, rules=rules)
    assert [g.to_dict() for g in compare([path])] == expected
    # an older file beside a newer one
    newer = tmp_path / "newer" / f"claims{suffix}"
    newer.parent.mkdir()
    _write_claims(newer, claims[:3], rules=not rules)
    older = tmp_path / "older" / f"claims{suffix}"
    older.parent.mkdir()
    _write_claims(older, claims[3:], rules=rules)
    assert [g.to_dict() for g in compare([newer, older])] == expected


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ('{"text": "an article, not a claim"}\n', "lack doc_id"),
        ("not json at all\n", "cannot read the claims"),
    ],
)
def test_compare_rejects_what_is_not_claims(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "claims.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CompareError, match=message):
        list(compare([path]))


def test_compare_empty_claims_file_gives_no_group(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text("", encoding="utf-8")
    stats = CompareStats()
    assert list(compare([path], stats=stats)) == []
    assert stats.claims == 0


@pytest.mark.parametrize(
    "options",
    [
        {"tolerance_days": -1},
        {"min_ratio": 1.5},
        {"topic_min": -2},
        {"threads": 0},
    ],
)
def test_compare_options_are_checked(options: dict[str, Any]) -> None:
    with pytest.raises(CompareError):
        CompareOptions(**options)
