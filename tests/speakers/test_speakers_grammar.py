"""The sentence-level grammar: pure functions over one parsed sentence, returning tokens.

The parses are written down (``PARSES``, at the end; the model's analysis, checked by hand), so
these tests read the rules alone, whatever model is installed; the speakers component and the seed
articles run the model.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc, Token

from claimx.pipeline.agents.phrases import agent_phrase
from claimx.pipeline.speakers.cues import (
    according_to,
    cue_chain,
    hedge_of,
    report_source,
    statement_cue,
    trailing_cue,
    verb_speakers,
)

Parsed = Callable[[str, str], Doc]


def token(doc: Doc, text: str) -> Token:
    """The first token whose text is ``text``."""
    found = [t for t in doc if t.text == text]
    assert found, f"{text!r} not in {doc.text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "trigger", "cue", "stance", "speaker"),
    [
        # tenses
        (
            "The health ministry says 14 people were killed in the strike.",
            "killed",
            "says",
            "asserts",
            "ministry",
        ),
        (
            "The health ministry said 14 people were killed in the strike.",
            "killed",
            "said",
            "asserts",
            "ministry",
        ),
        (
            "The health ministry has said that 14 people were killed.",
            "killed",
            "said",
            "asserts",
            "ministry",
        ),
        (
            "UNICEF estimates that 300 children have died of cholera.",
            "died",
            "estimates",
            "asserts",
            "UNICEF",
        ),
        (
            "The monitor reported that 9 fighters died in the clashes.",
            "died",
            "reported",
            "asserts",
            "monitor",
        ),
        (
            "Police told reporters that 6 people were injured.",
            "injured",
            "told",
            "asserts",
            "Police",
        ),
        (
            "Investigators found that 28 prisoners had died in custody.",
            "died",
            "found",
            "asserts",
            "Investigators",
        ),
        # stance from the verb
        (
            "The army admitted that 3 civilians died during the operation.",
            "died",
            "admitted",
            "acknowledges",
            "army",
        ),
        (
            "The Pentagon conceded that two civilians were killed in the raid.",
            "killed",
            "conceded",
            "acknowledges",
            "Pentagon",
        ),
        (
            "The ministry denied that 20 civilians were killed in the strike.",
            "killed",
            "denied",
            "disputes",
            "ministry",
        ),
        # a report noun with no owner does not stop the climb: the dispute is the cue
        (
            "The military rejected reports that 35 civilians had died.",
            "died",
            "rejected",
            "disputes",
            "military",
        ),
        # a report noun with an owner speaks
        (
            "The army dismissed Amnesty's claim that 35 civilians had died.",
            "died",
            "claim",
            "asserts",
            "Amnesty",
        ),
        # passive reporting verb: the "by" agent speaks
        (
            "The deaths of 40 villagers were documented by Human Rights Watch.",
            "deaths",
            "documented",
            "asserts",
            "Watch",
        ),
    ],
)
def test_speakers_cue_chain_climbs_to_the_reporting_word(
    parsed: Parsed, sentence: str, trigger: str, cue: str, stance: str, speaker: str
) -> None:
    doc = parsed(sentence, PARSES[sentence])
    chain = cue_chain(token(doc, trigger))
    assert chain
    found = chain[0]
    assert (found.text, found.stance) == (cue, stance)
    assert speaker in [t.text for t in found.speakers]


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("More than 300 people were killed in the earthquake on Tuesday.", "killed"),
        ("Gunmen killed 3 soldiers near the border.", "killed"),
    ],
)
def test_speakers_cue_chain_empty_in_own_voice(parsed: Parsed, sentence: str, trigger: str) -> None:
    assert cue_chain(token(parsed(sentence, PARSES[sentence]), trigger)) == []


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        (
            "According to Amnesty International and Airwars, 1,600 civilians were killed.",
            ["International", "Airwars"],
        ),
        ("At least 50 people died, according to the World Health Organization.", ["Organization"]),
        ("According to ministry figures, 80 people were wounded.", ["ministry"]),
    ],
)
def test_speakers_according_to_anywhere_in_the_sentence(
    parsed: Parsed, sentence: str, speakers: list[str]
) -> None:
    found = according_to(next(iter(parsed(sentence, PARSES[sentence]).sents)))
    assert found is not None and found.text == "according to"
    assert [t.text for t in found.speakers] == speakers


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("Amnesty's report found 1,600 deaths.", "Amnesty"),
        ("A report by Human Rights Watch found 40 deaths.", "Watch"),
        ("UN figures show 400 deaths.", "UN"),
    ],
)
def test_speakers_report_source_is_the_owner(parsed: Parsed, sentence: str, owner: str) -> None:
    doc = parsed(sentence, PARSES[sentence])
    noun = next(t for t in doc if t.lower_ in ("report", "figures"))
    assert [t.text for t in report_source(noun)][-1:] == [owner]


@pytest.mark.parametrize(
    ("sentence", "trigger", "speaker"),
    [
        ("In a statement, the ministry put the number of dead at 45.", "dead", "ministry"),
    ],
)
def test_speakers_statement_cue_frames_the_clause(
    parsed: Parsed, sentence: str, trigger: str, speaker: str
) -> None:
    found = statement_cue(token(parsed(sentence, PARSES[sentence]), trigger))
    assert found is not None and found.text == "statement"
    assert [t.text for t in found.speakers] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "trigger", "figure"),
    [("Twelve people were killed in the blast on Monday, police said.", "killed", "Twelve")],
)
def test_speakers_trailing_cue_after_the_news(
    parsed: Parsed, sentence: str, trigger: str, figure: str
) -> None:
    doc = parsed(sentence, PARSES[sentence])
    trig = token(doc, trigger)
    fig = doc[token(doc, figure).i : token(doc, figure).i + 1]
    chain = cue_chain(trig)
    found = chain[0] if chain else trailing_cue(trig, fig)
    assert found is not None and found.text == "said"
    assert [t.text for t in found.speakers] == ["police"]


@pytest.mark.parametrize(
    ("sentence", "trigger", "hedge"),
    [
        ("The rebels reportedly killed 14 soldiers near the border.", "killed", "reportedly"),
        ("Troops allegedly shot 5 protesters.", "shot", "allegedly"),
        ("The rebels killed 14 soldiers near the border.", "killed", None),
    ],
)
def test_speakers_hedge_of_the_harm(
    parsed: Parsed, sentence: str, trigger: str, hedge: str | None
) -> None:
    found = hedge_of(token(parsed(sentence, PARSES[sentence]), trigger))
    assert (found.text if found is not None else None) == hedge


@pytest.mark.parametrize(
    ("sentence", "trigger", "figure", "head", "rule"),
    [
        (
            "The US-led coalition killed more than 1,600 civilians.",
            "killed",
            "1,600",
            "coalition",
            "agent:subject",
        ),
        (
            "Russian shelling killed 11 civilians in Kharkiv.",
            "killed",
            "11",
            "shelling",
            "agent:subject",
        ),
        (
            "Eleven people were killed by Russian shelling.",
            "killed",
            "Eleven",
            "shelling",
            "agent:by",
        ),
        (
            "Only 1,257 civilians were killed in their bombardments.",
            "killed",
            "1,257",
            "bombardments",
            "agent:in-attack",
        ),
        # the subject that died is the victim, not an agent
        ("45 migrants died at sea.", "died", "45", None, None),
        # a relative clause's noun is the phrase to look in (it names no actor here)
        (
            "An airstrike that killed four families hit the building.",
            "killed",
            "four",
            "airstrike",
            "agent:relative",
        ),
    ],
)
def test_speakers_agent_phrase(
    parsed: Parsed, sentence: str, trigger: str, figure: str, head: str | None, rule: str | None
) -> None:
    doc = parsed(sentence, PARSES[sentence])
    fig_tok = token(doc, figure)
    found = agent_phrase(token(doc, trigger), doc[fig_tok.i : fig_tok.i + 1])
    if head is None:
        assert found is None
    else:
        assert found is not None and (found[0].text, found[1]) == (head, rule)


@pytest.mark.parametrize(
    ("sentence", "verb", "speakers"),
    [
        ("Human Rights Watch and Amnesty said it happened.", "said", ["Watch", "Amnesty"]),
        ("The officer who said it was a mistake resigned.", "said", ["officer"]),
        ("The claim was made by the governor.", "made", ["governor"]),
    ],
)
def test_speakers_verb_speakers_conjuncts_relatives_agents(
    parsed: Parsed, sentence: str, verb: str, speakers: list[str]
) -> None:
    assert [
        t.text for t in verb_speakers(token(parsed(sentence, PARSES[sentence]), verb))
    ] == speakers


# The parses the cases hinge on: en_core_web_sm 3.8.0's analysis, checked by hand
# (python tests/parse_table.py --python TEXT prints a new one).
PARSES = {
    "The health ministry says 14 people were killed in the strike.": """
 0 The      the      DET   DT  2  det
 1 health   health   NOUN  NN  2  compound
 2 ministry ministry NOUN  NN  3  nsubj
 3 says     say      VERB  VBZ 3  ROOT
 4 14       14       NUM   CD  5  nummod    B-CARDINAL
 5 people   people   NOUN  NNS 7  nsubjpass
 6 were     be       AUX   VBD 7  auxpass
 7 killed   kill     VERB  VBN 3  ccomp
 8 in       in       ADP   IN  7  prep
 9 the      the      DET   DT  10 det
10 strike   strike   NOUN  NN  8  pobj
11 .        .        PUNCT .   3  punct
""",
    "The health ministry said 14 people were killed in the strike.": """
 0 The      the      DET   DT  2  det
 1 health   health   NOUN  NN  2  compound
 2 ministry ministry NOUN  NN  3  nsubj
 3 said     say      VERB  VBD 3  ROOT
 4 14       14       NUM   CD  5  nummod    B-CARDINAL
 5 people   people   NOUN  NNS 7  nsubjpass
 6 were     be       AUX   VBD 7  auxpass
 7 killed   kill     VERB  VBN 3  ccomp
 8 in       in       ADP   IN  7  prep
 9 the      the      DET   DT  10 det
10 strike   strike   NOUN  NN  8  pobj
11 .        .        PUNCT .   3  punct
""",
    "The health ministry has said that 14 people were killed.": """
 0 The      the      DET   DT  2 det
 1 health   health   NOUN  NN  2 compound
 2 ministry ministry NOUN  NN  4 nsubj
 3 has      have     AUX   VBZ 4 aux
 4 said     say      VERB  VBN 4 ROOT
 5 that     that     SCONJ IN  9 mark
 6 14       14       NUM   CD  7 nummod    B-CARDINAL
 7 people   people   NOUN  NNS 9 nsubjpass
 8 were     be       AUX   VBD 9 auxpass
 9 killed   kill     VERB  VBN 4 ccomp
10 .        .        PUNCT .   4 punct
""",
    "UNICEF estimates that 300 children have died of cholera.": """
0 UNICEF    unicef   NOUN  NN  1 nsubj  B-ORG
1 estimates estimate VERB  VBZ 1 ROOT
2 that      that     SCONJ IN  6 mark
3 300       300      NUM   CD  4 nummod B-CARDINAL
4 children  child    NOUN  NNS 6 nsubj
5 have      have     AUX   VBP 6 aux
6 died      die      VERB  VBN 1 ccomp
7 of        of       ADP   IN  6 prep
8 cholera   cholera  NOUN  NN  7 pobj
9 .         .        PUNCT .   1 punct
""",
    "The monitor reported that 9 fighters died in the clashes.": """
 0 The      the     DET   DT  1 det
 1 monitor  monitor NOUN  NN  2 nsubj
 2 reported report  VERB  VBD 2 ROOT
 3 that     that    SCONJ IN  6 mark
 4 9        9       NUM   CD  5 nummod B-CARDINAL
 5 fighters fighter NOUN  NNS 6 nsubj
 6 died     die     VERB  VBD 2 ccomp
 7 in       in      ADP   IN  6 prep
 8 the      the     DET   DT  9 det
 9 clashes  clash   NOUN  NNS 7 pobj
10 .        .       PUNCT .   2 punct
""",
    "Police told reporters that 6 people were injured.": """
0 Police    Police   NOUN  NNS 1 nsubj
1 told      tell     VERB  VBD 1 ROOT
2 reporters reporter NOUN  NNS 1 dobj
3 that      that     SCONJ IN  7 mark
4 6         6        NUM   CD  5 nummod    B-CARDINAL
5 people    people   NOUN  NNS 7 nsubjpass
6 were      be       AUX   VBD 7 auxpass
7 injured   injure   VERB  VBN 1 ccomp
8 .         .        PUNCT .   1 punct
""",
    "Investigators found that 28 prisoners had died in custody.": """
0 Investigators investigator NOUN  NNS 1 nsubj
1 found         find         VERB  VBD 1 ROOT
2 that          that         SCONJ IN  6 mark
3 28            28           NUM   CD  4 nummod B-CARDINAL
4 prisoners     prisoner     NOUN  NNS 6 nsubj
5 had           have         AUX   VBD 6 aux
6 died          die          VERB  VBN 1 ccomp
7 in            in           ADP   IN  6 prep
8 custody       custody      NOUN  NN  7 pobj
9 .             .            PUNCT .   1 punct
""",
    "The army admitted that 3 civilians died during the operation.": """
 0 The       the       DET   DT  1 det
 1 army      army      NOUN  NN  2 nsubj
 2 admitted  admit     VERB  VBD 2 ROOT
 3 that      that      SCONJ IN  6 mark
 4 3         3         NUM   CD  5 nummod B-CARDINAL
 5 civilians civilian  NOUN  NNS 6 nsubj
 6 died      die       VERB  VBD 2 ccomp
 7 during    during    ADP   IN  6 prep
 8 the       the       DET   DT  9 det
 9 operation operation NOUN  NN  7 pobj
10 .         .         PUNCT .   2 punct
""",
    "The Pentagon conceded that two civilians were killed in the raid.": """
 0 The       the      DET   DT  1  det
 1 Pentagon  Pentagon PROPN NNP 2  nsubj     B-ORG
 2 conceded  concede  VERB  VBD 2  ROOT
 3 that      that     SCONJ IN  7  mark
 4 two       two      NUM   CD  5  nummod    B-CARDINAL
 5 civilians civilian NOUN  NNS 7  nsubjpass
 6 were      be       AUX   VBD 7  auxpass
 7 killed    kill     VERB  VBN 2  ccomp
 8 in        in       ADP   IN  7  prep
 9 the       the      DET   DT  10 det
10 raid      raid     NOUN  NN  8  pobj
11 .         .        PUNCT .   2  punct
""",
    "The ministry denied that 20 civilians were killed in the strike.": """
 0 The       the      DET   DT  1  det
 1 ministry  ministry NOUN  NN  2  nsubj
 2 denied    deny     VERB  VBD 2  ROOT
 3 that      that     SCONJ IN  7  mark
 4 20        20       NUM   CD  5  nummod    B-CARDINAL
 5 civilians civilian NOUN  NNS 7  nsubjpass
 6 were      be       AUX   VBD 7  auxpass
 7 killed    kill     VERB  VBN 2  ccomp
 8 in        in       ADP   IN  7  prep
 9 the       the      DET   DT  10 det
10 strike    strike   NOUN  NN  8  pobj
11 .         .        PUNCT .   2  punct
""",
    "The military rejected reports that 35 civilians had died.": """
0 The       the      DET   DT  1 det
1 military  military NOUN  NN  2 nsubj
2 rejected  reject   VERB  VBD 2 ROOT
3 reports   report   NOUN  NNS 2 dobj
4 that      that     SCONJ IN  8 mark
5 35        35       NUM   CD  6 nummod B-CARDINAL
6 civilians civilian NOUN  NNS 8 nsubj
7 had       have     AUX   VBD 8 aux
8 died      die      VERB  VBN 3 acl
9 .         .        PUNCT .   2 punct
""",
    "The army dismissed Amnesty's claim that 35 civilians had died.": """
 0 The       the      DET   DT  1  det
 1 army      army     NOUN  NN  2  nsubj
 2 dismissed dismiss  VERB  VBD 2  ROOT
 3 Amnesty   Amnesty  PROPN NNP 5  poss   B-ORG
 4 's        's       PART  POS 3  case
 5 claim     claim    NOUN  NN  2  dobj
 6 that      that     SCONJ IN  10 mark
 7 35        35       NUM   CD  8  nummod B-CARDINAL
 8 civilians civilian NOUN  NNS 10 nsubj
 9 had       have     AUX   VBD 10 aux
10 died      die      VERB  VBN 5  acl
11 .         .        PUNCT .   2  punct
""",
    "The deaths of 40 villagers were documented by Human Rights Watch.": """
 0 The        the      DET   DT   1  det
 1 deaths     death    NOUN  NNS  6  nsubjpass
 2 of         of       ADP   IN   1  prep
 3 40         40       NUM   CD   4  nummod    B-CARDINAL
 4 villagers  villager NOUN  NNS  2  pobj
 5 were       be       AUX   VBD  6  auxpass
 6 documented document VERB  VBN  6  ROOT
 7 by         by       ADP   IN   6  agent
 8 Human      Human    PROPN NNP  9  compound  B-ORG
 9 Rights     Rights   PROPN NNPS 10 compound  I-ORG
10 Watch      Watch    PROPN NNP  7  pobj      I-ORG
11 .          .        PUNCT .    6  punct
""",
    "More than 300 people were killed in the earthquake on Tuesday.": """
 0 More       More       ADJ   JJR 2 amod      B-CARDINAL
 1 than       than       ADP   IN  2 quantmod  I-CARDINAL
 2 300        300        NUM   CD  3 nummod    I-CARDINAL
 3 people     people     NOUN  NNS 5 nsubjpass
 4 were       be         AUX   VBD 5 auxpass
 5 killed     kill       VERB  VBN 5 ROOT
 6 in         in         ADP   IN  5 prep
 7 the        the        DET   DT  8 det
 8 earthquake earthquake NOUN  NN  6 pobj
 9 on         on         ADP   IN  5 prep
10 Tuesday    Tuesday    PROPN NNP 9 pobj      B-DATE
11 .          .          PUNCT .   5 punct
""",
    "Gunmen killed 3 soldiers near the border.": """
0 Gunmen   gunman  NOUN  NNS 1 nsubj
1 killed   kill    VERB  VBD 1 ROOT
2 3        3       NUM   CD  3 nummod B-CARDINAL
3 soldiers soldier NOUN  NNS 1 dobj
4 near     near    ADP   IN  1 prep
5 the      the     DET   DT  6 det
6 border   border  NOUN  NN  4 pobj
7 .        .       PUNCT .   1 punct
""",
    "According to Amnesty International and Airwars, 1,600 civilians were killed.": """
 0 According     accord        VERB  VBG 10 prep
 1 to            to            ADP   IN  0  prep
 2 Amnesty       Amnesty       PROPN NNP 3  compound  B-ORG
 3 International International PROPN NNP 1  pobj      I-ORG
 4 and           and           CCONJ CC  3  cc
 5 Airwars       Airwars       PROPN NNP 3  conj      B-ORG
 6 ,             ,             PUNCT ,   10 punct
 7 1,600         1,600         NUM   CD  8  nummod    B-CARDINAL
 8 civilians     civilian      NOUN  NNS 10 nsubjpass
 9 were          be            AUX   VBD 10 auxpass
10 killed        kill          VERB  VBN 10 ROOT
11 .             .             PUNCT .   10 punct
""",
    "At least 50 people died, according to the World Health Organization.": """
 0 At           at           ADV   RB  1  advmod   B-CARDINAL
 1 least        least        ADJ   JJS 2  advmod   I-CARDINAL
 2 50           50           NUM   CD  3  nummod   I-CARDINAL
 3 people       people       NOUN  NNS 4  nsubj
 4 died         die          VERB  VBD 4  ROOT
 5 ,            ,            PUNCT ,   4  punct
 6 according    accord       VERB  VBG 4  prep
 7 to           to           ADP   IN  6  prep
 8 the          the          DET   DT  11 det      B-ORG
 9 World        World        PROPN NNP 11 compound I-ORG
10 Health       Health       PROPN NNP 11 compound I-ORG
11 Organization Organization PROPN NNP 7  pobj     I-ORG
12 .            .            PUNCT .   4  punct
""",
    "According to ministry figures, 80 people were wounded.": """
0 According accord   VERB  VBG 8 prep
1 to        to       ADP   IN  0 prep
2 ministry  ministry NOUN  NN  3 compound
3 figures   figure   NOUN  NNS 1 pobj
4 ,         ,        PUNCT ,   8 punct
5 80        80       NUM   CD  6 nummod    B-CARDINAL
6 people    people   NOUN  NNS 8 nsubjpass
7 were      be       AUX   VBD 8 auxpass
8 wounded   wound    VERB  VBN 8 ROOT
9 .         .        PUNCT .   8 punct
""",
    "Amnesty's report found 1,600 deaths.": """
0 Amnesty Amnesty PROPN NNP 2 poss   B-ORG
1 's      's      PART  POS 0 case
2 report  report  NOUN  NN  3 nsubj
3 found   find    VERB  VBD 3 ROOT
4 1,600   1,600   NUM   CD  5 nummod B-CARDINAL
5 deaths  death   NOUN  NNS 3 dobj
6 .       .       PUNCT .   3 punct
""",
    "A report by Human Rights Watch found 40 deaths.": """
0 A      a      DET   DT   1 det
1 report report NOUN  NN   6 nsubj
2 by     by     ADP   IN   1 prep
3 Human  Human  PROPN NNP  4 compound B-ORG
4 Rights Rights PROPN NNPS 5 compound I-ORG
5 Watch  Watch  PROPN NNP  2 pobj     I-ORG
6 found  find   VERB  VBD  6 ROOT
7 40     40     NUM   CD   8 nummod   B-CARDINAL
8 deaths death  NOUN  NNS  6 dobj
9 .      .      PUNCT .    6 punct
""",
    "UN figures show 400 deaths.": """
0 UN      UN     PROPN NNP 1 compound B-ORG
1 figures figure NOUN  NNS 2 nsubj
2 show    show   VERB  VBP 2 ROOT
3 400     400    NUM   CD  4 nummod   B-CARDINAL
4 deaths  death  NOUN  NNS 2 dobj
5 .       .      PUNCT .   2 punct
""",
    "In a statement, the ministry put the number of dead at 45.": """
 0 In        in        ADP   IN  6  prep
 1 a         a         DET   DT  2  det
 2 statement statement NOUN  NN  0  pobj
 3 ,         ,         PUNCT ,   6  punct
 4 the       the       DET   DT  5  det
 5 ministry  ministry  NOUN  NN  6  nsubj
 6 put       put       VERB  VBD 6  ROOT
 7 the       the       DET   DT  8  det
 8 number    number    NOUN  NN  6  dobj
 9 of        of        ADP   IN  8  prep
10 dead      dead      NOUN  NN  9  pobj
11 at        at        ADP   IN  6  prep
12 45        45        NUM   CD  11 pobj  B-CARDINAL
13 .         .         PUNCT .   6  punct
""",
    "Twelve people were killed in the blast on Monday, police said.": """
 0 Twelve twelve NUM   CD  1  nummod    B-CARDINAL
 1 people people NOUN  NNS 3  nsubjpass
 2 were   be     AUX   VBD 3  auxpass
 3 killed kill   VERB  VBN 11 ccomp
 4 in     in     ADP   IN  3  prep
 5 the    the    DET   DT  6  det
 6 blast  blast  NOUN  NN  4  pobj
 7 on     on     ADP   IN  3  prep
 8 Monday Monday PROPN NNP 7  pobj      B-DATE
 9 ,      ,      PUNCT ,   11 punct
10 police police NOUN  NNS 11 nsubj
11 said   say    VERB  VBD 11 ROOT
12 .      .      PUNCT .   11 punct
""",
    "The rebels reportedly killed 14 soldiers near the border.": """
0 The        the        DET   DT  1 det
1 rebels     rebel      NOUN  NNS 3 nsubj
2 reportedly reportedly ADV   RB  3 advmod
3 killed     kill       VERB  VBD 3 ROOT
4 14         14         NUM   CD  5 nummod B-CARDINAL
5 soldiers   soldier    NOUN  NNS 3 dobj
6 near       near       ADP   IN  3 prep
7 the        the        DET   DT  8 det
8 border     border     NOUN  NN  6 pobj
9 .          .          PUNCT .   3 punct
""",
    "Troops allegedly shot 5 protesters.": """
0 Troops     troop     NOUN  NNS 2 nsubj
1 allegedly  allegedly ADV   RB  2 advmod
2 shot       shoot     VERB  VBD 2 ROOT
3 5          5         NUM   CD  4 nummod B-CARDINAL
4 protesters protester NOUN  NNS 2 dobj
5 .          .         PUNCT .   2 punct
""",
    "The rebels killed 14 soldiers near the border.": """
0 The      the     DET   DT  1 det
1 rebels   rebel   NOUN  NNS 2 nsubj
2 killed   kill    VERB  VBD 2 ROOT
3 14       14      NUM   CD  4 nummod B-CARDINAL
4 soldiers soldier NOUN  NNS 2 dobj
5 near     near    ADP   IN  2 prep
6 the      the     DET   DT  7 det
7 border   border  NOUN  NN  5 pobj
8 .        .       PUNCT .   2 punct
""",
    "The US-led coalition killed more than 1,600 civilians.": """
 0 The       the       DET   DT   4 det
 1 US        US        PROPN NNP  3 npadvmod B-GPE
 2 -         -         PUNCT HYPH 3 punct
 3 led       lead      VERB  VBN  4 amod
 4 coalition coalition NOUN  NN   5 nsubj
 5 killed    kill      VERB  VBD  5 ROOT
 6 more      more      ADJ   JJR  8 amod     B-CARDINAL
 7 than      than      ADP   IN   8 quantmod I-CARDINAL
 8 1,600     1,600     NUM   CD   9 nummod   I-CARDINAL
 9 civilians civilian  NOUN  NNS  5 dobj
10 .         .         PUNCT .    5 punct
""",
    "Russian shelling killed 11 civilians in Kharkiv.": """
0 Russian   russian  ADJ   JJ  1 amod   B-NORP
1 shelling  shelling NOUN  NN  2 nsubj
2 killed    kill     VERB  VBD 2 ROOT
3 11        11       NUM   CD  4 nummod B-CARDINAL
4 civilians civilian NOUN  NNS 2 dobj
5 in        in       ADP   IN  2 prep
6 Kharkiv   Kharkiv  PROPN NNP 5 pobj   B-LOC
7 .         .        PUNCT .   2 punct
""",
    "Eleven people were killed by Russian shelling.": """
0 Eleven   eleven   NUM   CD  1 nummod    B-CARDINAL
1 people   people   NOUN  NNS 3 nsubjpass
2 were     be       AUX   VBD 3 auxpass
3 killed   kill     VERB  VBN 3 ROOT
4 by       by       ADP   IN  3 agent
5 Russian  russian  ADJ   JJ  6 amod      B-NORP
6 shelling shelling NOUN  NN  4 pobj
7 .        .        PUNCT .   3 punct
""",
    "Only 1,257 civilians were killed in their bombardments.": """
0 Only         only        ADV   RB   1 advmod    B-CARDINAL
1 1,257        1,257       NUM   CD   2 nummod    I-CARDINAL
2 civilians    civilian    NOUN  NNS  4 nsubjpass
3 were         be          AUX   VBD  4 auxpass
4 killed       kill        VERB  VBN  4 ROOT
5 in           in          ADP   IN   4 prep
6 their        their       PRON  PRP$ 7 poss
7 bombardments bombardment NOUN  NNS  5 pobj
8 .            .           PUNCT .    4 punct
""",
    "45 migrants died at sea.": """
0 45       45      NUM   CD  1 nummod B-CARDINAL
1 migrants migrant NOUN  NNS 2 nsubj
2 died     die     VERB  VBD 2 ROOT
3 at       at      ADP   IN  2 prep
4 sea      sea     NOUN  NN  3 pobj
5 .        .       PUNCT .   2 punct
""",
    "An airstrike that killed four families hit the building.": """
0 An        an        DET   DT  1 det
1 airstrike airstrike NOUN  NN  6 nsubj
2 that      that      PRON  WDT 3 nsubj
3 killed    kill      VERB  VBD 1 relcl
4 four      four      NUM   CD  5 nummod B-CARDINAL
5 families  family    NOUN  NNS 3 dobj
6 hit       hit       VERB  VBD 6 ROOT
7 the       the       DET   DT  8 det
8 building  building  NOUN  NN  6 dobj
9 .         .         PUNCT .   6 punct
""",
    "Human Rights Watch and Amnesty said it happened.": """
0 Human    Human   PROPN NNP  1 compound
1 Rights   Rights  PROPN NNPS 2 compound
2 Watch    Watch   PROPN NNP  5 nsubj
3 and      and     CCONJ CC   2 cc
4 Amnesty  Amnesty PROPN NNP  2 conj     B-ORG
5 said     say     VERB  VBD  5 ROOT
6 it       it      PRON  PRP  7 nsubj
7 happened happen  VERB  VBD  5 ccomp
8 .        .       PUNCT .    5 punct
""",
    "The officer who said it was a mistake resigned.": """
0 The      the     DET   DT  1 det
1 officer  officer NOUN  NN  8 nsubj
2 who      who     PRON  WP  3 nsubj
3 said     say     VERB  VBD 1 relcl
4 it       it      PRON  PRP 5 nsubj
5 was      be      AUX   VBD 3 ccomp
6 a        a       DET   DT  7 det
7 mistake  mistake NOUN  NN  5 attr
8 resigned resign  VERB  VBD 8 ROOT
9 .        .       PUNCT .   8 punct
""",
    "The claim was made by the governor.": """
0 The      the      DET   DT  1 det
1 claim    claim    NOUN  NN  3 nsubjpass
2 was      be       AUX   VBD 3 auxpass
3 made     make     VERB  VBN 3 ROOT
4 by       by       ADP   IN  3 agent
5 the      the      DET   DT  6 det
6 governor governor NOUN  NN  4 pobj
7 .        .        PUNCT .   3 punct
""",
}
