from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest
import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
from spacy.util import filter_spans

from claimx.contract.claim import SPEAKER_KINDS
from claimx.lexicon import gazetteer as gz
from claimx.lexicon.rules import Rules, using

BODY_NAMES = [body.name for body in gz.bodies()]
PLACE_NAMES = [place.name for place in gz.places()]


# -- sizes and shape of the data ----------------------------------------------------------


@pytest.mark.parametrize(
    ("what", "minimum"),
    [("bodies", 180), ("places", 150), ("countries", 193), ("descriptors", 40), ("demonyms", 60)],
)
def test_gazetteer_has_enough_entries(what: str, minimum: int) -> None:
    counts = {
        "bodies": len(gz.bodies()),
        "places": sum(place.kind != "country" for place in gz.places()),
        "countries": sum(place.kind == "country" for place in gz.places()),
        "descriptors": len(gz.descriptors()),
        "demonyms": len(gz.gazetteer().demonyms),
    }
    assert counts[what] >= minimum


@pytest.mark.parametrize("kind", gz.BODY_KINDS)
def test_gazetteer_every_body_kind_is_used(kind: str) -> None:
    assert any(body.kind == kind for body in gz.bodies())


@pytest.mark.parametrize("kind", gz.PLACE_KINDS)
def test_gazetteer_every_place_kind_is_used(kind: str) -> None:
    assert any(place.kind == kind for place in gz.places())


@pytest.mark.parametrize("table", ["bodies", "places", "descriptors"])
def test_gazetteer_kinds_are_allowed(table: str) -> None:
    if table == "bodies":
        bad = [b.name for b in gz.bodies() if b.kind not in gz.BODY_KINDS or b.kind == "person"]
    elif table == "places":
        bad = [p.name for p in gz.places() if p.kind not in gz.PLACE_KINDS]
    else:
        bad = [d.text for d in gz.descriptors() if not set(d.kinds) <= set(SPEAKER_KINDS)]
    assert bad == []


@pytest.mark.parametrize("name", BODY_NAMES)
def test_gazetteer_body_name_resolves_to_itself(name: str) -> None:
    body = gz.lookup_body(name)
    assert body is not None
    assert body.name == name
    assert body.parent is None or gz.lookup_body(body.parent) is not None
    assert body.country is None or gz.lookup_place(body.country) is not None


@pytest.mark.parametrize("name", PLACE_NAMES)
def test_gazetteer_place_name_resolves_to_itself(name: str) -> None:
    place = gz.lookup_place(name)
    assert place is not None
    assert place.name == name
    country = gz.lookup_place(place.country)
    assert country is not None
    assert country.kind == "country"


@pytest.mark.parametrize("table", ["bodies", "places"])
def test_gazetteer_no_alias_names_two_things(table: str) -> None:
    entries = gz.bodies() if table == "bodies" else gz.places()
    lookup = gz.lookup_body if table == "bodies" else gz.lookup_place
    wrong = []
    for entry in entries:
        for alias in entry.aliases:
            hit = lookup(alias)
            if hit is None or hit.name != entry.name:
                wrong.append((alias, entry.name, hit and hit.name))
    assert wrong == []


# -- lookups ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Amnesty", "Amnesty International", "ngo"),
        ("AI", "Amnesty International", "ngo"),
        ("Amnesty's", "Amnesty International", "ngo"),
        ("AMNESTY INTERNATIONAL", "Amnesty International", "ngo"),
        ("Amnesty UK", "Amnesty International UK", "ngo"),
        ("HRW", "Human Rights Watch", "ngo"),
        ("the Syrian Observatory", "Syrian Observatory for Human Rights", "ngo"),
        ("the Britain-based SOHR", "Syrian Observatory for Human Rights", "ngo"),
        ("Btselem", "B'Tselem", "ngo"),
        ("B’Tselem", "B'Tselem", "ngo"),
        ("Armed Conflict Location & Event Data Project", "ACLED", "ngo"),
        ("Euro-Med Monitor", "Euro-Mediterranean Human Rights Monitor", "ngo"),
        ("AAPP", "Assistance Association for Political Prisoners", "ngo"),
        ("Hengaw", "Hengaw Organization for Human Rights", "ngo"),
        ("the UN", "United Nations", "un"),
        ("the U.N.", "United Nations", "un"),
        ("UN human rights office", "Office of the UN High Commissioner for Human Rights", "un"),
        ("HRMMU", "UN Human Rights Monitoring Mission in Ukraine", "un"),
        ("Unama", "UN Assistance Mission in Afghanistan", "un"),
        ("the UN refugee agency", "UN Refugee Agency", "un"),
        ("WHO", "World Health Organization", "un"),
        ("IOM's Displacement Tracking Matrix", "Displacement Tracking Matrix", "un"),
        ("the coalition", "US-led coalition", "military"),
        ("Coalition forces", "US-led coalition", "military"),
        ("CJTF-OIR", "US-led coalition", "military"),
        ("U.S.-led coalition", "US-led coalition", "military"),
        ("US led coalition", "US-led coalition", "military"),
        ("the Pentagon", "Pentagon", "military"),
        ("Centcom", "US Central Command", "military"),
        ("Russia’s Defense Ministry", "Russian Ministry of Defence", "military"),
        ("the Tatmadaw", "Myanmar military", "military"),
        ("Ansar Allah", "Houthis", "military"),
        ("ISIL", "Islamic State", "military"),
        ("RSF", "Rapid Support Forces", "military"),
        ("Iran-backed Houthis", "Houthis", "military"),
        ("the Hamas-run health ministry", "Gaza Health Ministry", "government"),
        ("Gaza's Health Ministry", "Gaza Health Ministry", "government"),
        (
            "Ukraine's Prosecutor General's Office",
            "Office of the Prosecutor General of Ukraine",
            "government",
        ),
        ("AFAD", "Disaster and Emergency Management Presidency", "government"),
        ("Libya's eastern administration", "Government of National Stability", "government"),
        ("Kenyan police", "National Police Service", "government"),
        ("MSF", "Doctors Without Borders", "medical"),
        ("Médecins Sans Frontières", "Doctors Without Borders", "medical"),
        ("the White Helmets", "Syria Civil Defence", "medical"),
        ("Kizilay", "Turkish Red Crescent", "medical"),
        ("The Associated Press", "Associated Press", "media"),
        ("AFP", "Agence France-Presse", "media"),
        ("the New York Times", "The New York Times", "media"),
        ("Tass", "TASS", "media"),
        ("the Guardian", "The Guardian", "media"),
    ],
)
def test_gazetteer_lookup_body_resolves_aliases(text: str, name: str, kind: str) -> None:
    body = gz.lookup_body(text)
    assert body is not None, text
    assert (body.name, body.kind) == (name, kind)


@pytest.mark.parametrize(
    "text",
    [
        "who",
        "Who",
        "is",
        "ai",
        "memorial",
        "guardian",
        "health ministry",
        "the",
        "",
        "Raqqa",
        "Save the Children charity",
    ],
)
def test_gazetteer_lookup_body_rejects_common_words_and_generic_phrases(text: str) -> None:
    assert gz.lookup_body(text) is None


@pytest.mark.parametrize(
    ("name", "parent"),
    [
        ("Amnesty International UK", "Amnesty International"),
        ("US Central Command", "US Department of Defense"),
        ("Pentagon", "US Department of Defense"),
        (
            "UN Human Rights Monitoring Mission in Ukraine",
            "Office of the UN High Commissioner for Human Rights",
        ),
        ("Amnesty International", None),
    ],
)
def test_gazetteer_body_parent(name: str, parent: str | None) -> None:
    body = gz.lookup_body(name)
    assert body is not None
    assert body.parent == parent


@pytest.mark.parametrize(
    ("text", "name", "kind", "country"),
    [
        ("Al-Raqqa", "Raqqa", "city", "Syria"),
        ("Ar-Raqqah", "Raqqa", "city", "Syria"),
        ("Rakka", "Raqqa", "city", "Syria"),
        ("Al-Fashir", "El Fasher", "city", "Sudan"),
        ("Darnah", "Derna", "city", "Libya"),
        ("Kiev", "Kyiv", "city", "Ukraine"),
        ("the Gaza Strip", "Gaza Strip", "region", "Palestine"),
        ("Donetsk Oblast", "Donetsk region", "region", "Ukraine"),
        ("Kahramanmaras", "Kahramanmaraş", "city", "Turkey"),
        ("Adiyaman", "Adıyaman", "city", "Turkey"),
        ("al-Hol", "Al-Hol camp", "camp", "Syria"),
        ("Marrakech", "Marrakesh", "city", "Morocco"),
        ("Burma", "Myanmar", "country", "Myanmar"),
        ("Türkiye", "Turkey", "country", "Turkey"),
        ("U.S.", "United States", "country", "United States"),
        ("DRC", "Democratic Republic of the Congo", "country", "Democratic Republic of the Congo"),
        ("Côte d’Ivoire", "Ivory Coast", "country", "Ivory Coast"),
        ("Syria's", "Syria", "country", "Syria"),
    ],
)
def test_gazetteer_lookup_place_resolves_spellings(
    text: str, name: str, kind: str, country: str
) -> None:
    place = gz.lookup_place(text)
    assert place is not None, text
    assert (place.name, place.kind, place.country) == (name, kind, country)


@pytest.mark.parametrize("text", ["us", "turkey", "sour", "Syrian", "Amnesty", "northern"])
def test_gazetteer_lookup_place_rejects_words(text: str) -> None:
    assert gz.lookup_place(text) is None


@pytest.mark.parametrize(
    ("text", "base", "kinds", "plural"),
    [
        ("the London-based rights group", "rights group", {"ngo"}, False),
        ("the New York-based human rights group", "human rights group", {"ngo"}, False),
        ("the British monitor", "monitor", {"ngo", "un"}, False),
        ("the UK-based war monitor", "war monitor", {"ngo"}, False),
        ("the charity", "charity", {"ngo", "medical"}, False),
        ("the charity's", "charity", {"ngo", "medical"}, False),
        ("the independent monitoring group", "monitoring group", {"ngo"}, False),
        ("the UN agency", "UN agency", {"un"}, False),
        ("the Hamas-run health ministry", "health ministry", {"government"}, False),
        ("Gaza's health ministry", "health ministry", {"government"}, False),
        ("the military", "military", {"military"}, False),
        ("the hospital", "hospital", {"medical"}, False),
        ("the two groups", "groups", {"ngo", "other", "military", "medical"}, True),
        ("both organisations", "organisations", {"ngo", "un", "medical", "other"}, True),
        ("the organisations", "organisations", {"ngo", "un", "medical", "other"}, True),
        ("the groups", "groups", {"ngo", "other", "military", "medical"}, True),
    ],
)
def test_gazetteer_descriptor_strips_modifiers(
    text: str, base: str, kinds: set[str], plural: bool
) -> None:
    found = gz.descriptor(text)
    assert found is not None, text
    assert (found.text, set(found.kinds), found.plural) == (base, kinds, plural)


@pytest.mark.parametrize(
    "text", ["Save the Children charity", "Amnesty International", "the report", "killed", ""]
)
def test_gazetteer_descriptor_rejects_names_and_other_words(text: str) -> None:
    assert gz.descriptor(text) is None


@pytest.mark.parametrize(
    ("text", "country", "agent"),
    [
        ("Russian", "Russia", "Russian armed forces"),
        ("russian", "Russia", "Russian armed forces"),
        ("Israeli", "Israel", "Israel Defense Forces"),
        ("US", "United States", "US military"),
        ("U.S.", "United States", "US military"),
        ("Houthi", "Yemen", "Houthis"),
        ("Palestinian", "Palestine", None),
        ("Kurdish", None, None),
    ],
)
def test_gazetteer_demonym(text: str, country: str | None, agent: str | None) -> None:
    found = gz.demonym(text)
    assert found is not None
    assert (found.country, found.agent) == (country, agent)


@pytest.mark.parametrize("text", ["Syrian", "Russian", "Israeli", "Ukrainian", "Houthi", "Afghan"])
def test_gazetteer_demonyms_are_not_places(text: str) -> None:
    assert gz.demonym(text) is not None
    assert gz.lookup_place(text) is None


@pytest.mark.parametrize("text", ["us", "Russia", "Amnesty"])
def test_gazetteer_demonym_rejects_non_demonyms(text: str) -> None:
    assert gz.demonym(text) is None


@pytest.mark.parametrize("demonym", gz.gazetteer().demonyms, ids=lambda d: d.demonym)
def test_gazetteer_demonym_agents_are_bodies(demonym: gz.Demonym) -> None:
    assert demonym.agent is None or gz.lookup_body(demonym.agent) is not None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The U.S.-led Coalition", "us led coalition"),
        ("B’Tselem", "btselem"),
        ("Kahramanmaraş", "kahramanmaras"),
        ("Armed Conflict Location & Event Data", "armed conflict location and event data"),
        ("the", "the"),
    ],
)
def test_gazetteer_normalise(text: str, key: str) -> None:
    assert gz.normalise(text) == key


# -- loading --------------------------------------------------------------------------------


@pytest.mark.parametrize("calls", [1, 200])
def test_gazetteer_loads_once_per_rules(tmp_path: Path, calls: int) -> None:
    rules = Rules(folder=_copy_resources(tmp_path))
    reads: list[str] = []
    real = rules.text

    def counting(name: str) -> str:
        reads.append(name)
        return real(name)

    rules.text = counting  # type: ignore[method-assign]
    with using(rules):
        for _ in range(calls):
            assert gz.lookup_body("Amnesty") is not None
            assert gz.lookup_place("Raqqa") is not None
            assert gz.descriptor("the charity") is not None
    assert sorted(reads) == sorted(gz.FILES)


def _copy_resources(directory: Path) -> Path:
    package = resources.files("claimx.resources")
    for name in gz.FILES:
        with resources.as_file(package.joinpath(name)) as source:
            shutil.copy(source, directory / name)
    return directory


@pytest.mark.parametrize("unused", [None])
def test_gazetteer_from_rules_folder_matches_package(tmp_path: Path, unused: None) -> None:
    copy = gz.Gazetteer(Rules(folder=_copy_resources(tmp_path)))
    assert copy.bodies == gz.bodies()
    assert copy.places == gz.places()
    assert copy.body_patterns() == gz.body_patterns()


BAD_ROWS = [
    (
        gz.SPEAKERS_FILE,
        {"name": "X", "aliases": [], "kind": "ngo", "country": None, "parent": None, "url": "x"},
        r"unknown key",
    ),
    (
        gz.SPEAKERS_FILE,
        {"name": "X", "aliases": [], "kind": "person", "country": None, "parent": None},
        r"kind 'person' is not one of",
    ),
    (
        gz.SPEAKERS_FILE,
        {"name": "X", "aliases": ["Amnesty"], "kind": "ngo", "country": None, "parent": None},
        r"'Amnesty' of 'X' already names the body 'Amnesty International'",
    ),
    (
        gz.SPEAKERS_FILE,
        {"name": "X", "aliases": ["the amnesty"], "kind": "ngo", "country": None, "parent": None},
        r"already names the body 'Amnesty International'",
    ),
    (
        gz.SPEAKERS_FILE,
        {"name": "X", "aliases": ["AMNESTY"], "kind": "ngo", "country": None, "parent": None},
        r"'AMNESTY' of 'X' differs only in case from a name of the body 'Amnesty International'",
    ),
    (
        gz.SPEAKERS_FILE,
        {"name": "X", "aliases": [], "kind": "ngo", "country": "Narnia", "parent": None},
        r"country 'Narnia' is not a country",
    ),
    (
        gz.SPEAKERS_FILE,
        {"name": "X", "aliases": [], "kind": "ngo", "country": None, "parent": "Nobody"},
        r"parent 'Nobody' of 'X'",
    ),
    (
        gz.SPEAKERS_FILE,
        {"name": "Airwars", "aliases": [], "kind": "ngo", "country": None, "parent": None},
        r"listed twice",
    ),
    (
        gz.PLACES_FILE,
        {"name": "X", "aliases": ["Raqqah"], "country": "Syria", "kind": "city"},
        r"already names the place 'Raqqa'",
    ),
    (
        gz.PLACES_FILE,
        {"name": "X", "aliases": [], "country": "Syria", "kind": "village"},
        r"kind 'village'",
    ),
    (gz.DESCRIPTORS_FILE, {"text": "outfit", "kinds": ["band"]}, r"kind 'band'"),
    (gz.DESCRIPTORS_FILE, {"text": "outfit", "kinds": ["ngo"], "plural": "yes"}, r"plural"),
    (
        gz.DEMONYMS_FILE,
        {"demonym": "Narnian", "country": None, "agent": "Narnian army"},
        r"agent 'Narnian army'",
    ),
]


@pytest.mark.parametrize(("file", "row", "message"), BAD_ROWS)
def test_gazetteer_rejects_bad_rows_naming_file_and_line(
    tmp_path: Path, file: str, row: dict[str, object], message: str
) -> None:
    directory = _copy_resources(tmp_path)
    path = directory / file
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(json.dumps(row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"{file} line {len(lines)}: .*{message}"):
        gz.Gazetteer(Rules(folder=directory))


# -- PhraseMatcher patterns ----------------------------------------------------------------


@pytest.fixture(scope="module")
def matchers() -> tuple[spacy.language.Language, list[PhraseMatcher]]:
    nlp = spacy.blank("en")
    built = []
    for attr in ("ORTH", "LOWER"):
        matcher = PhraseMatcher(nlp.vocab, attr=attr)
        for pattern in gz.body_patterns() + gz.place_patterns():
            if pattern["attr"] == attr:
                key = f"{pattern['label']}|{pattern['id']}"
                matcher.add(key, [nlp.make_doc(pattern["pattern"])])
        built.append(matcher)
    return nlp, built


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S.-led coalition said Amnesty was wrong.",
            ["BODY|US-led coalition", "BODY|Amnesty International"],
        ),
        (
            "Airwars and the SOHR counted the dead in Al-Raqqa.",
            ["BODY|Airwars", "BODY|Syrian Observatory for Human Rights", "PLACE|Raqqa"],
        ),
        (
            "B’Tselem said troops entered Jenin refugee camp.",
            ["BODY|B'Tselem", "PLACE|Jenin refugee camp"],
        ),
        (
            "Officials who spoke to WHO in Kahramanmaras, Türkiye, said it is over.",
            ["BODY|World Health Organization", "PLACE|Kahramanmaraş", "PLACE|Turkey"],
        ),
        (
            "Russia’s Defense Ministry denied it; the memorial service was held.",
            ["BODY|Russian Ministry of Defence"],
        ),
    ],
)
def test_gazetteer_patterns_match_in_text(
    matchers: tuple[spacy.language.Language, list[PhraseMatcher]], text: str, expected: list[str]
) -> None:
    nlp, built = matchers
    doc = nlp(text)
    spans = [
        Span(doc, start, end, label=match_id)
        for matcher in built
        for match_id, start, end in matcher(doc)
    ]
    found = [span.label_ for span in sorted(filter_spans(spans), key=lambda span: span.start)]
    assert found == expected


@pytest.mark.parametrize("getter", [gz.body_patterns, gz.place_patterns])
def test_gazetteer_patterns_have_one_id_per_entry(getter: object) -> None:
    assert callable(getter)
    patterns = getter()
    names = BODY_NAMES if getter is gz.body_patterns else PLACE_NAMES
    assert {p["id"] for p in patterns} == set(names)
    assert {p["attr"] for p in patterns} == {"ORTH", "LOWER"}
    patterns[0]["id"] = "mutated"
    assert getter()[0]["id"] != "mutated"
