"""Outcome, victim group, unit and breakdowns, through the full pipeline (the English model);
test_casualties_sentence.py reads the same rules on parses written down."""

from __future__ import annotations

import pytest

CASES = [
    # (sentence, [(figure text, value, outcome, group, unit, part_of index or None)])
    (
        "At least 45 people were killed in the attack, officials said.",
        [("At least 45", 45, "killed", "people", "people", None)],
    ),
    ("The death toll rose to 45 on Sunday.", [("45", 45, "killed", "people", "people", None)]),
    (
        "Three army men were wounded in the exchange of fire.",
        [("Three", 3, "injured", "security_forces", "people", None)],
    ),
    # "this year 37": a time before the figure, not a label; a share "fatally" is killed
    (
        "So far this year 37 people have been shot in the city, nine of them fatally.",
        [
            ("37", 37, "casualties", "people", "people", None),
            ("nine", 9, "killed", "people", "people", 0),
        ],
    ),
    # a second object the parser joins to the verb is still its object
    (
        "A suicide bombing had killed 13 American service members and at least 170 Afghan"
        " civilians.",
        [
            ("13", 13, "killed", "security_forces", "people", None),
            ("at least 170", 170, "killed", "civilians", "people", None),
        ],
    ),
    # a joined clause with its own subject says nothing of the first verb's object
    (
        '"We lost dozens of men at the ford and many more are hurt," a militia leader said.',
        [("dozens", 24, "killed", "men", "people", None)],
    ),
    # a relative clause's harm outranks the noun's
    (
        "Security forces killed 30 people last month, among them six prisoners who died in"
        " custody.",
        [
            ("30", 30, "killed", "people", "people", None),
            ("six", 6, "killed", "people", "people", 0),
        ],
    ),
    # a vague part hangs on its total like a number does
    (
        "Jets struck a wedding, killing about 170 people, including dozens of children.",
        [
            ("about 170", 170, "killed", "people", "people", None),
            ("dozens", 24, "killed", "children", "people", 0),
        ],
    ),
    # "others" joined to a clause that counts people are people
    (
        "Rights groups said 23 people had been killed and 30 others were being treated for"
        " gunshot wounds.",
        [
            ("23", 23, "killed", "people", "people", None),
            ("30", 30, "injured", "people", "people", None),
        ],
    ),
    # a participle on a toll noun says what it counts
    (
        "The group's figures put the number detained at more than 18,000.",
        [("more than 18,000", 18000, "detained", "people", "people", None)],
    ),
    # a share of "them" opening its sentence takes the last total before it
    (
        "Ten people died in the blast. Seven of them were children.",
        [
            ("Ten", 10, "killed", "people", "people", None),
            ("Seven", 7, "killed", "children", "people", 0),
        ],
    ),
    # "one of those witnesses" counts witnesses
    (
        "Ten villagers died, said one of those witnesses.",
        [("Ten", 10, "killed", "civilians", "people", None)],
    ),
    # a dateline opening the sentence is not its subject
    (
        "KHARTOUM (Nile Wire) - Between 40 and 50 civilians were killed in the city, officials"
        " said.",
        [("Between 40 and 50", 40, "killed", "civilians", "people", None)],
    ),
    # treatment says injured unless it names another cause
    (
        "Doctors said 50 people received treatment in hospital.",
        [("50", 50, "injured", "people", "people", None)],
    ),
    ("50 people received treatment for dehydration.", []),
    # custody named by a compound or over a passive subject
    (
        "The police have sent 400 protesters into detention centres.",
        [("400", 400, "detained", "civilians", "people", None)],
    ),
    (
        "About 300 were sent into detention.",
        [("About 300", 300, "detained", "people", "people", None)],
    ),
    # a people, however the model labels it
    (
        "Troops killed 12 Kurds near the border.",
        [("12", 12, "killed", "people", "people", None)],
    ),
    (
        "Monitors believe 300,000 ethnic Uygurs are being held in guarded camps.",
        [("300,000", 300000, "detained", "people", "people", None)],
    ),
    # "the lives of": the people the lives were of
    (
        "The fire claimed the lives of 40 people.",
        [("40", 40, "killed", "people", "people", None)],
    ),
    (
        "The flooding cost the lives of 13 civilians waiting at the station.",
        [("13", 13, "killed", "civilians", "people", None)],
    ),
    # lives saved are no one harmed
    ("Rescuers saved the lives of 20 children.", []),
    ("The new shelters saved 300 lives.", []),
    # a toll's own words narrow its group
    (
        "Local officials put the civilian death toll at 48.",
        [("48", 48, "killed", "civilians", "people", None)],
    ),
    (
        "The number of civilian casualties rose to 310 by Friday.",
        [("310", 310, "casualties", "civilians", "people", None)],
    ),
    (
        "The army's own tally of soldiers killed since March stands at 95.",
        [("95", 95, "killed", "security_forces", "people", None)],
    ),
    (
        "Rescuers said 45 dead had been pulled from the rubble.",
        [("45", 45, "killed", "people", "people", None)],
    ),
    (
        "A further 12 civilians died in hospital overnight.",
        [("A further 12", 12, "killed", "civilians", "people", None)],
    ),
    (
        "Another 20 people were wounded, the ministry said.",
        [("Another 20", 20, "injured", "people", "people", None)],
    ),
    (
        "Nearly 500 people have been injured since the protests began.",
        [("Nearly 500", 500, "injured", "people", "people", None)],
    ),
    (
        "Up to 300 people remain missing after the floods.",
        [("Up to 300", 300, "missing", "people", "people", None)],
    ),
    (
        "Between 5 and 10 soldiers were killed in the ambush.",
        [("Between 5 and 10", 5, "killed", "security_forces", "people", None)],
    ),
    (
        "Police arrested 25 to 30 protesters on Friday.",
        [("25 to 30", 25, "detained", "civilians", "people", None)],
    ),
    (
        "Tens of thousands of people have fled their homes.",
        [("Tens of thousands", 10000, "displaced", "people", "people", None)],
    ),
    (
        "The fighting forced 10,000 families from their homes.",
        [("10,000", 10000, "displaced", "people", "families", None)],
    ),
    (
        "Twenty-one fishermen were abducted by gunmen.",
        [("Twenty-one", 21, "detained", "civilians", "people", None)],
    ),
    (
        "Some 200 migrants drowned when the boat capsized.",
        [("Some 200", 200, "killed", "people", "people", None)],
    ),
    (
        "The army said 12 militants were killed in the raid.",
        [("12", 12, "killed", "combatants", "people", None)],
    ),
    (
        "Gunmen killed 3 soldiers, the army said.",
        [("3", 3, "killed", "security_forces", "people", None)],
    ),
    (
        "Five people lost their lives in the collapse.",
        [("Five", 5, "killed", "people", "people", None)],
    ),
    ("The attack claimed 45 lives.", [("45", 45, "killed", "people", "people", None)]),
    ("Among the dead were 11 children.", [("11", 11, "killed", "children", "people", None)]),
    (
        "The bodies of 23 migrants were recovered from the sea.",
        [("23", 23, "killed", "people", "people", None)],
    ),
    (
        "More than 200 casualties were reported after the blast.",
        [("More than 200", 200, "casualties", "people", "people", None)],
    ),
    (
        "The blast killed four and injured 20.",
        [
            ("four", 4, "killed", "people", "people", None),
            ("20", 20, "injured", "people", "people", None),
        ],
    ),
    (
        "The militants killed hundreds and injured thousands of civilians.",
        [
            ("hundreds", 100, "killed", "civilians", "people", None),
            ("thousands", 1000, "injured", "civilians", "people", None),
        ],
    ),
    (
        "The strike killed 17 people, including eight children and six women.",
        [
            ("17", 17, "killed", "people", "people", None),
            ("eight", 8, "killed", "children", "people", 0),
            ("six", 6, "killed", "women", "people", 0),
        ],
    ),
    (
        "The Pentagon conceded that two non-combatants were killed.",
        [("two", 2, "killed", "civilians", "people", None)],
    ),
    (
        "Seven people, among them three police officers, were injured.",
        [
            ("Seven", 7, "injured", "people", "people", None),
            ("three", 3, "injured", "security_forces", "people", 0),
        ],
    ),
]


@pytest.mark.parametrize("sentence,expected", CASES)
def test_casualties_link_outcome_and_victims(parse, sentence, expected):
    doc = parse(sentence)
    got = []
    for claim in doc._.claims:
        part = None
        if claim.part_of is not None:
            part = [c.claim_id for c in doc._.claims].index(claim.part_of)
        got.append(
            (
                claim.figure.text,
                claim.figure.value,
                claim.outcome,
                claim.victims.group,
                claim.figure.unit,
                part,
            )
        )
    assert got == expected


@pytest.mark.parametrize(
    "sentence,figure,reason_start",
    [
        ("The storm destroyed 200 homes and killed 5.", "200", "counts"),
        ("Soldiers fired 40 rounds, killing two protesters.", "40", "counts"),
        (
            "Investigators interviewed more than 400 witnesses about the deaths.",
            "more than 400",
            "",
        ),
        ("The coalition carried out 500 airstrikes that killed civilians.", "500", "counts"),
        ("Researchers visited 42 sites where civilians died.", "42", ""),
        ("A 12-year-old boy was among those killed.", "12", "age"),
        (
            "More than 80 percent of the city was destroyed and people died.",
            "More than 80",
            "percentage",
        ),
        ("The 2023 earthquake killed many people.", "2023", "year"),
    ],
)
def test_casualties_non_claims_stay_out_with_a_reason(parse, sentence, figure, reason_start):
    doc = parse(sentence)
    assert all(c.figure.text != figure for c in doc._.claims)
    reasons = [r["reason"] for r in doc._.rejected_figures if r["text"] == figure]
    assert reasons, doc._.rejected_figures
    assert reasons[0].startswith(reason_start)


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # "others" take the group of the figure before them
        (
            "Gunmen killed 44 civilians and seriously wounded 13 others in an attack.",
            [("44", "killed", "civilians"), ("13", "injured", "civilians")],
        ),
        # a gapped second verb: "and 1,449 injured"
        (
            "The ministry said 812 people had been killed and 1,449 injured.",
            [("812", "killed", "people"), ("1,449", "injured", "people")],
        ),
        # a share with its own outcome word
        (
            "Air strikes caused 1,045 civilian casualties, 700 of them fatal.",
            [("1,045", "casualties", "civilians"), ("700", "killed", "civilians")],
        ),
        # the predicate names the group
        (
            "The paper said that as many as 64 of those killed were civilians.",
            [("as many as 64", "killed", "civilians")],
        ),
        # one figure for two outcomes
        ("Dozens of children had been killed or injured.", [("Dozens", "casualties", "children")]),
    ],
)
def test_casualties_context_rules(parse, sentence, expected):
    doc = parse(sentence)
    assert [(c.figure.text, c.outcome, c.victims.group) for c in doc._.claims] == expected


@pytest.mark.parametrize(
    "sentence,qualifier,low,high",
    [
        ("Overall, the toll rose above 3,400 on Monday.", "more_than", 3400, None),
        ("It was the sixth year in a row that the toll passed 10,000.", "more_than", 10000, None),
        ("The mayor said the toll could reach 20,000.", "at_most", None, 20000),
    ],
)
def test_casualties_toll_verbs_set_bounds(parse, sentence, qualifier, low, high):
    claim = parse(sentence)._.claims[0]
    assert (claim.figure.qualifier, claim.figure.low, claim.figure.high) == (qualifier, low, high)


@pytest.mark.parametrize(
    "sentence",
    [
        "She warned that as many as 250,000 people could lose their lives.",
        "Officials fear that hundreds might die if the dam breaks.",
    ],
)
def test_casualties_hypothetical_harm_is_left_out(parse, sentence):
    doc = parse(sentence)
    assert doc._.claims == []
    assert any(r["reason"] == "hypothetical harm" for r in doc._.rejected_figures)
