"""The article's text layout, read from characters: datelines and possessives.

One detector of datelines serves every stage: the dateline names where and when the reporter
filed ("BEIRUT (Reuters) -", "DNIPRO, Ukraine, Jan 16 (Eastbridge Wire) -", "AMMAN, 20
February 2020 -", "Geneva, 20 February 2020 -"), so its place is no place of harm, its name no
body, and its date dates the text, not a claim.
"""

from __future__ import annotations

import re

# A place in capitals, or in title case ("Port-au-Prince", "Dar es Salaam") when a date ("8
# October 2024", "Oct. 8") follows it; then an optional country, an optional date, an optional
# bracketed agency or date, and a dash.
DATELINE = re.compile(
    r"[ \t]*(?:"
    r"[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+)*"
    r"(?:,[ \t]*[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*)*)?"
    r"(?:,[ \t]*[\w .]{1,30}?)?"
    r"|"
    r"[A-Z][\w'’.]+(?:[ -](?:[a-z]{1,3}[ -])?[A-Z][\w'’.]+)*"
    r"(?:,[ \t]*[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*)*)?"
    r",[ \t]*(?:\d{1,2} [A-Z][a-z]+\.?|[A-Z][a-z]+\.? \d{1,2})(?:,? \d{4})?"
    r")"
    r"[ \t]*(?:\([^()\n]{1,60}\))?"
    r"[ \t]*[-–—]{1,2}[ \t]"
)
# "the UN's", "the Khan Younis'": a possessive ending
POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


def datelines(text: str) -> list[tuple[int, int]]:
    """Character spans of the datelines opening the paragraphs of ``text``."""
    found = []
    start = 0
    while start < len(text):
        match = DATELINE.match(text, start)
        if match is not None:
            found.append((match.start(), match.end()))
        newline = text.find("\n", start)
        if newline < 0:
            break
        start = newline + 1
    return found


def strip_possessive(text: str) -> str:
    """``text`` without a possessive ending ("the ministry's" -> "the ministry")."""
    return POSSESSIVE.sub("", text)
