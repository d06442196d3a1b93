"""The constructions real reporting uses for tolls, updates, totals and parts, on the team's own
sentences: each test says what a user reads off the claims."""

from __future__ import annotations

import pytest


def _claims(doc):
    ids = [c.claim_id for c in doc._.claims]
    return [
        (
            c.figure.text,
            c.figure.value,
            c.outcome,
            c.victims.group,
            ids.index(c.part_of) if c.part_of else None,
        )
        for c in doc._.claims
    ]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a change verb and a preposition put the figure on the toll, whatever the verb
        ("Officials revised the toll to 57 after counting again.", [("57", 57, "killed")]),
        ("The ministry later scaled down the number of dead to 41.", [("41", 41, "killed")]),
        ("Health officials updated the casualty count to 212.", [("212", 212, "casualties")]),
        ("The agency reduced the death toll to 19 on Monday.", [("19", 19, "killed")]),
        ("Police put the toll at 17.", [("17", 17, "killed")]),
        ("The governor gave the toll as 230.", [("230", 230, "killed")]),
        ("The district chief estimated the death toll at 125.", [("125", 125, "killed")]),
        ("Rescuers gave a figure of 80 dead.", [("80", 80, "killed")]),
        ("The new tally replaced the previous count of 212 deaths.", [("212", 212, "killed")]),
        ("Officials said the total of the dead would be 1,200.", [("1,200", 1200, "killed")]),
        ("The number of injured rose to 64 overnight.", [("64", 64, "injured")]),
        # a total with no harm word of its own totals its sentence's harm
        (
            "Two more bodies were found, bringing the total to 45.",
            [("Two", 2, "killed"), ("45", 45, "killed")],
        ),
        ("A total of 412 people were killed in the fighting.", [("A total of 412", 412, "killed")]),
    ],
)
def test_casualties_toll_under_any_verb_gives_its_value(parse, sentence, expected):
    claims = parse(sentence)._.claims
    assert [(c.figure.text, c.figure.value, c.outcome) for c in claims] == expected


@pytest.mark.parametrize(
    "sentence,qualifier,low",
    [
        ("The death toll from the floods passed the 300 mark on Friday.", "more_than", 300),
        ("The toll surpassed 1,000 late on Sunday.", "more_than", 1000),
    ],
)
def test_casualties_toll_past_a_mark_is_more_than(parse, sentence, qualifier, low):
    claim = parse(sentence)._.claims[0]
    assert (claim.outcome, claim.figure.qualifier, claim.figure.low) == ("killed", qualifier, low)


@pytest.mark.parametrize(
    "sentence",
    [
        "The number of schools rose to 40 after the floods killed dozens.",
        "It was one of the highest death tolls recorded in a decade of floods.",
    ],
)
def test_casualties_aggregates_of_things_count_no_one(parse, sentence):
    doc = parse(sentence)
    assert all(c.figure.value not in (40, 1) for c in doc._.claims)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Of the 150 dead, 96 were civilians and 31 were soldiers.",
            [
                ("150", 150, "killed", "people", None),
                ("96", 96, "killed", "civilians", None),
                ("31", 31, "killed", "security_forces", 1),
            ],
        ),
        (
            "The ministry said 212 people died. Of them, 40 were children.",
            [("212", 212, "killed", "people", None), ("40", 40, "killed", "children", 0)],
        ),
        (
            "The army said 60 people were wounded. Among them were 12 women.",
            [("60", 60, "injured", "people", None), ("12", 12, "injured", "women", 0)],
        ),
        (
            "Three soldiers were wounded. Two among them were flown to a base hospital.",
            [
                ("Three", 3, "injured", "security_forces", None),
                ("Two", 2, "injured", "security_forces", 0),
            ],
        ),
        (
            "Two people were killed. One of the victims was a teacher.",
            [("Two", 2, "killed", "people", None), ("One", 1, "killed", "people", 0)],
        ),
        (
            "The toll rose to 80, including 30 children.",
            [("80", 80, "killed", "people", None), ("30", 30, "killed", "children", 0)],
        ),
        (
            "The quake left 57 dead, 20 in the north and 9 in the port.",
            [
                ("57", 57, "killed", "people", None),
                ("20", 20, "killed", "people", 0),
                ("9", 9, "killed", "people", 0),
            ],
        ),
        (
            "Some 52,000 people were displaced, with 30,500 staying in shelters, "
            "while 21,500 found refuge with relatives.",
            [
                ("Some 52,000", 52000, "displaced", "people", None),
                ("30,500", 30500, "displaced", "people", 0),
                ("21,500", 21500, "displaced", "people", 0),
            ],
        ),
        (
            "The consulate said 31 of the dead were Kenyan, while six came from Uganda.",
            [("31", 31, "killed", "people", None), ("six", 6, "killed", "people", 0)],
        ),
        (
            "Relief officials counted 9,100 displaced people, most of them in Tarik (4,200) "
            "and Lusa (2,600).",
            [
                ("9,100", 9100, "displaced", "people", None),
                ("4,200", 4200, "displaced", "people", 0),
                ("2,600", 2600, "displaced", "people", 0),
            ],
        ),
        (
            "Gunmen took away 27 students, along with three teachers.",
            [
                ("27", 27, "detained", "civilians", None),
                ("three", 3, "detained", "civilians", None),
            ],
        ),
    ],
)
def test_casualties_parts_link_to_the_nearest_total(parse, text, expected):
    assert _claims(parse(text)) == expected


def test_casualties_a_share_of_things_is_no_part(parse):
    doc = parse(
        "The storm killed 12 people. The coast guard found three boats, and one of them had sunk."
    )
    assert [c.figure.value for c in doc._.claims] == [12]


def test_casualties_a_cause_clause_is_no_part(parse):
    doc = parse("Twelve people died after two gunmen opened fire.")
    assert [c.figure.value for c in doc._.claims] == [12]


@pytest.mark.parametrize(
    "sentence,outcome,group",
    [
        # martyred: the word of the people who mourn them
        ("Six fighters were martyred in the raid.", "killed", "combatants"),
        ("Eleven social leaders were assassinated this year.", "killed", "civilians"),
        ("Two men were decapitated by the gang.", "killed", "men"),
        ("Investigators counted 20 murders in the district last month.", "killed", "people"),
        # lost lives, lost relatives
        ("Five people lost their lives in the collapse.", "killed", "people"),
        (
            "Since May, 27 security forces personnel have lost their lives.",
            "killed",
            "security_forces",
        ),
        # injuries suffered, nursed, treated
        ("Another 416 people suffered injuries in the raids.", "injured", "people"),
        ("More than 2,200 people sought treatment for injuries.", "injured", "people"),
        ("Some 40 villagers were left nursing wounds after the attack.", "injured", "civilians"),
        ("Two survivors remained in critical condition.", "injured", "people"),
        # states one clause down
        ("More than 900 protesters are believed to be dead.", "killed", "civilians"),
        # displacement
        ("The fighting forced 3,000 people to flee.", "displaced", "people"),
        ("About 2,000 families were forced from their homes.", "displaced", "people"),
        # detention
        ("Gunmen took 14 women against their will.", "detained", "women"),
        ("The campaign has sent thousands into detention.", "detained", "people"),
        ("Hundreds of civilians were buried by debris.", "killed", "civilians"),
        ("The shells buried two families in the rubble.", "killed", "people"),
    ],
)
def test_casualties_harm_vocabulary_by_meaning(parse, sentence, outcome, group):
    claims = parse(sentence)._.claims
    assert [(c.outcome, c.victims.group) for c in claims] == [(outcome, group)]


def test_casualties_a_reported_possibility_is_kept_and_marked(parse):
    claim = parse("At least 54 other people may have been killed in the blast.")._.claims[0]
    assert (claim.figure.value, claim.outcome) == (54, "killed")
    assert "hedge:modal-perfect" in claim.rules


@pytest.mark.parametrize(
    "sentence",
    [
        "Hundreds could die if the dam breaks.",
        "He said more than 200 people could have died had the troops stayed.",
    ],
)
def test_casualties_warnings_and_counterfactuals_stay_out(parse, sentence):
    doc = parse(sentence)
    assert doc._.claims == []
    assert any(r["reason"] == "hypothetical harm" for r in doc._.rejected_figures)


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Two men were shot dead outside the bar.", [(2, "killed")]),
        ("Three teenagers were shot to death on Friday.", [(3, "killed")]),
        ("Police fatally shot two suspects.", [(2, "killed")]),
        ("A gunman shot and killed four people at the mall.", [(4, "killed")]),
        ("Four people were shot, one fatally, on Elm Street.", [(4, "casualties"), (1, "killed")]),
        ("Five people were shot on Main Street late Saturday.", [(5, "casualties")]),
        ("Five people were shot and wounded on Main Street.", [(5, "injured")]),
        ("A mob beat three men to death.", [(3, "killed")]),
    ],
)
def test_casualties_shootings_carry_their_outcome(parse, sentence, expected):
    claims = parse(sentence)._.claims
    assert [(c.figure.value, c.outcome) for c in claims] == expected


def test_casualties_one_fatally_is_a_part_of_those_shot(parse):
    claims = parse("Four people were shot, one fatally, on Elm Street.")._.claims
    assert claims[1].part_of == claims[0].claim_id


@pytest.mark.parametrize(
    "sentence,figure,reason",
    [
        ("No one was injured in the blast.", "one", "no one"),
        ("No one was hurt, police said.", "one", "no one"),
        ("The missile landed in a field, killing no one.", "one", "no one"),
        ("Omar, 58, told reporters that the village was quiet after two died.", "58", "age"),
        ("Dana Reyes, 31, was shot and killed on Saturday.", "31", "age"),
        ("The shooting happened in the 1400 block of Elm Avenue, wounding two.", "1400", "address"),
        ("Two people were wounded at 1400 12th Street.", "1400", "address"),
        ("The massacre was one of the deadliest of the war.", "one", "pronoun one"),
        ("The hospital, one of the few still open, treated the wounded.", "one", "pronoun one"),
        ("The government freed 300 prisoners on Monday.", "300", "released"),
        ("Some 120 hostages were released after talks.", "Some 120", "released"),
    ],
)
def test_casualties_numbers_that_count_no_victim_stay_out(parse, sentence, figure, reason):
    doc = parse(sentence)
    assert all(c.figure.text != figure for c in doc._.claims)
    reasons = [r["reason"] for r in doc._.rejected_figures if r["text"] == figure]
    assert any(reason in said for said in reasons), reasons


def test_casualties_none_died_gives_no_claim(parse):
    assert parse("None of the passengers died.")._.claims == []


def test_casualties_one_of_whom_died_counts_one_killed_not_the_rescued(parse):
    claims = parse("Divers pulled out 9 people, one of whom later died.")._.claims
    assert [(c.figure.value, c.outcome) for c in claims if c.outcome == "killed"] == [(1, "killed")]


def test_casualties_a_family_of_seven_is_seven_people(parse):
    claims = parse("A family of seven died when the roof collapsed.")._.claims
    assert [(c.figure.value, c.outcome, c.figure.unit) for c in claims] == [(7, "killed", "people")]
