"""The claim table, declared once: the Parquet writer, the DuckDB store and the CSV writer read it.

:data:`CLAIM_SCHEMA` gives each field of ``Claim.to_dict()`` its type: ``"string"``, ``"int"``,
a list (``("list", item)``) or a struct (a tuple of ``(name, type)`` pairs). :func:`arrow_schema`
and :func:`duckdb_types` are built from it, so the three outputs cannot drift apart.
:data:`CSV_COLUMNS` flattens the same fields into one scalar column each: its path into the claim
dict, and lists joined with :data:`LIST_SEPARATOR`.
"""

from __future__ import annotations

import functools
from typing import Any

# A field type: a scalar name, ("list", item type) or a struct's (name, type) pairs.
FieldType = str | tuple[Any, ...]

_FIGURE = (
    ("text", "string"),
    ("value", "int"),
    ("low", "int"),
    ("high", "int"),
    ("qualifier", "string"),
    ("unit", "string"),
)
_SPEAKER = (("text", "string"), ("name", "string"), ("kind", "string"))

#: every field of ``Claim.to_dict()``, in its order, with its type
CLAIM_SCHEMA: tuple[tuple[str, FieldType], ...] = (
    ("doc_id", "string"),
    ("claim_id", "string"),
    ("sentence", "string"),
    ("span", ("list", "int")),
    ("figure", _FIGURE),
    ("outcome", "string"),
    ("victims", (("text", "string"), ("group", "string"))),
    ("speakers", ("list", _SPEAKER)),
    ("cue", "string"),
    ("stance", "string"),
    ("agent", (("text", "string"), ("name", "string"))),
    ("locations", ("list", "string")),
    ("period", (("text", "string"), ("start", "string"), ("end", "string"))),
    ("stated", (("text", "string"), ("date", "string"))),
    ("part_of", "string"),
    ("sentence_span", ("list", "int")),
    ("rules", ("list", "string")),
    ("published", "string"),
    ("url", "string"),
    ("title", "string"),
)

#: the keys of ``Claim.to_dict()``: the contract's fields, then claimx's additions
CLAIM_FIELDS: tuple[str, ...] = tuple(name for name, _type in CLAIM_SCHEMA)

#: the column where tabular outputs keep top-level fields this version does not know
EXTRA_COLUMN = "extra"

LIST_SEPARATOR = "; "

#: CSV columns: (column, path into the claim dict); a path through a list ("speakers", "*",
#: "name") joins the list's values with LIST_SEPARATOR; the path "extra" is EXTRA_COLUMN
CSV_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("doc_id", ("doc_id",)),
    ("claim_id", ("claim_id",)),
    ("figure_text", ("figure", "text")),
    ("value", ("figure", "value")),
    ("low", ("figure", "low")),
    ("high", ("figure", "high")),
    ("qualifier", ("figure", "qualifier")),
    ("unit", ("figure", "unit")),
    ("outcome", ("outcome",)),
    ("group", ("victims", "group")),
    ("victims_text", ("victims", "text")),
    ("speakers", ("speakers", "*", "name")),
    ("speaker_kinds", ("speakers", "*", "kind")),
    ("cue", ("cue",)),
    ("stance", ("stance",)),
    ("agent", ("agent", "name")),
    ("agent_text", ("agent", "text")),
    ("locations", ("locations", "*")),
    ("period_start", ("period", "start")),
    ("period_end", ("period", "end")),
    ("period_text", ("period", "text")),
    ("stated_date", ("stated", "date")),
    ("stated_text", ("stated", "text")),
    ("part_of", ("part_of",)),
    ("span_start", ("span", "0")),
    ("span_end", ("span", "1")),
    ("sentence_start", ("sentence_span", "0")),
    ("sentence_end", ("sentence_span", "1")),
    ("sentence", ("sentence",)),
    ("rules", ("rules", "*")),
    ("published", ("published",)),
    ("url", ("url",)),
    ("title", ("title",)),
    (EXTRA_COLUMN, (EXTRA_COLUMN,)),
)


#: what a spreadsheet reads as the start of a formula (OWASP, CSV injection): "=", "+", "-",
#: "@", and a tab or carriage return before them
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: a string that would start a formula gets a
    leading apostrophe (OWASP's rule for CSV injection); numbers and other strings pass."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_value(claim: dict[str, Any], path: tuple[str, ...]) -> Any:
    """The scalar a CSV column holds for ``claim``: None where the path finds nothing."""
    value: Any = claim
    for number, step in enumerate(path):
        if step == "*":
            items = [_follow(item, path[number + 1 :]) for item in value or ()]
            texts = [str(item) for item in items if item is not None]
            return LIST_SEPARATOR.join(texts) if texts else None
        value = _step(value, step)
        if value is None:
            return None
    return value


def _follow(value: Any, path: tuple[str, ...]) -> Any:
    for step in path:
        value = _step(value, step)
        if value is None:
            return None
    return value


def _step(value: Any, step: str) -> Any:
    if isinstance(value, dict):
        return value.get(step)
    if isinstance(value, list | tuple) and step.isdigit():
        index = int(step)
        return value[index] if index < len(value) else None
    return None


@functools.cache
def arrow_schema() -> Any:
    """The pyarrow schema of a claim table, with the ``extra`` column last (pyarrow is imported
    on first use: it is slow to import)."""
    import pyarrow as pa

    def arrow(kind: FieldType) -> Any:
        if kind == "string":
            return pa.string()
        if kind == "int":
            return pa.int64()
        if isinstance(kind, tuple) and kind[:1] == ("list",):
            return pa.list_(arrow(kind[1]))
        assert isinstance(kind, tuple)
        return pa.struct([(name, arrow(sub)) for name, sub in kind])

    return pa.schema(
        [*((name, arrow(kind)) for name, kind in CLAIM_SCHEMA), (EXTRA_COLUMN, pa.string())]
    )


def duckdb_types() -> dict[str, str]:
    """Each contract field's DuckDB column type."""

    def sql(kind: FieldType) -> str:
        if kind == "string":
            return "VARCHAR"
        if kind == "int":
            return "BIGINT"
        if isinstance(kind, tuple) and kind[:1] == ("list",):
            return f"{sql(kind[1])}[]"
        assert isinstance(kind, tuple)
        return "STRUCT(" + ", ".join(f'"{name}" {sql(sub)}' for name, sub in kind) + ")"

    return {name: sql(kind) for name, kind in CLAIM_SCHEMA}
