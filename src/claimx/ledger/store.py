"""The claims in a DuckDB database: how a ledger run reads any number of claims in bounded memory.

Claims are loaded into a DuckDB database in a temporary folder, which keeps
memory bounded (``memory_limit``) and spills to disk: a first pass streams the
claims article by article (roll-ups, places, time anchors), a second streams
them sorted by harm key and **block** (countries linked by claims that name
several), and the grouping runs on one block at a time. Python memory is that
of the largest block plus the groups kept for display.

The claims table has the columns of the claim contract
(:func:`claimx.contract.schema.duckdb_types`), read from JSON Lines or Parquet.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from claimx.contract.article import Article
from claimx.contract.schema import CLAIM_FIELDS, duckdb_types
from claimx.ledger.articles import ArticleMeta, article_meta
from claimx.ledger.links import UnionFind
from claimx.ledger.members import Member, PlaceNames, derive_article, period_days
from claimx.ledger.options import CompareError, CompareOptions, CompareStats

_CLAIM_SUFFIXES = (".jsonl", ".ndjson", ".json")
_PARQUET_SUFFIXES = (".parquet", ".pq")
_FETCH = 4096
_INSERT_BATCH = 20000

# what the passes read back of a claim: the ledger never shows the rules that made it, so they
# stay in the database, out of the blocks held in memory
_MEMBER_FIELDS = tuple(f for f in CLAIM_FIELDS if f != "rules")
# what the first pass reads: sentences and speakers stay in the database until the second
_DERIVE_FIELDS = tuple(
    f for f in _MEMBER_FIELDS if f not in ("sentence", "speakers", "cue", "agent", "sentence_span")
)
# the claims in the order the passes read them: article by article, in text order
_TEXT_ORDER = "c.doc_id, c.span[1], c.claim_id"


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _quoted(name: str) -> str:
    return f'"{name}"'


class Store:
    """A DuckDB database in a temporary folder (gone when the ``with`` block ends): claims,
    derived fields and blocks."""

    def __init__(self, options: CompareOptions) -> None:
        import duckdb

        self._dir = tempfile.TemporaryDirectory(prefix="claimx-compare-")
        self.con = duckdb.connect(str(Path(self._dir.name) / "ledger.duckdb"))
        self.con.execute(f"SET memory_limit = {_sql_string(options.memory_limit)}")
        self.con.execute(f"SET threads = {int(options.threads)}")
        self.con.execute(f"SET temp_directory = {_sql_string(str(Path(self._dir.name) / 'tmp'))}")
        self.con.execute("SET preserve_insertion_order = false")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        try:
            self.con.close()
        finally:
            self._dir.cleanup()

    def insert(self, table: str, columns: dict[str, list[Any]], types: dict[str, Any]) -> None:
        import pyarrow as pa

        batch = pa.table({k: pa.array(v, type=types[k]) for k, v in columns.items()})
        self.con.register("_batch", batch)
        try:
            self.con.execute(f"INSERT INTO {table} SELECT * FROM _batch")
        finally:
            self.con.unregister("_batch")

    def stream(self, sql: str) -> Iterator[tuple[list[str], tuple[Any, ...]]]:
        import duckdb

        cursor = self.con.cursor()
        try:
            cursor.execute(sql)
        except duckdb.OutOfMemoryException as err:
            raise CompareError(
                "DuckDB ran out of memory; raise --memory-limit (memory_limit) "
                f"or lower --threads: {str(err).splitlines()[0]}"
            ) from err
        names = [d[0] for d in cursor.description or ()]
        while rows := cursor.fetchmany(_FETCH):
            for row in rows:
                yield names, row
        cursor.close()


# -- loading ----------------------------------------------------------------------------------


STORE_SUFFIXES = (".duckdb", ".db")


def claim_files(paths: Sequence[str | Path]) -> tuple[list[str], list[str], list[str]]:
    """The claims files at ``paths`` (files or folders): JSON Lines, Parquet, and claim stores
    (DuckDB files that ``claimx load`` wrote)."""
    jsonl: list[str] = []
    parquet: list[str] = []
    stores: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            found = [path]
        else:
            raise CompareError(f"{raw}: no such file or folder")
        for item in found:
            suffix = item.suffix.lower()
            if suffix in _PARQUET_SUFFIXES:
                parquet.append(str(item))
            elif suffix in STORE_SUFFIXES:
                stores.append(str(item))
            elif suffix in _CLAIM_SUFFIXES or path.is_file():
                jsonl.append(str(item))
    if not jsonl and not parquet and not stores:
        raise CompareError(
            "no claims file (.jsonl, .parquet or a .duckdb store) in " + ", ".join(map(str, paths))
        )
    return jsonl, parquet, stores


def source_sql(
    con: Any, jsonl: Sequence[str], parquet: Sequence[str], stores: Sequence[str] = ()
) -> str:
    """A SELECT of the contract's columns over claims files and stores (attached read-only as
    ``store0``, ``store1``... on ``con``)."""
    types = duckdb_types()
    names = ", ".join(_quoted(name) for name in types)
    selects = []
    if jsonl:
        columns = ", ".join(f"{_sql_string(k)}: {_sql_string(v)}" for k, v in types.items())
        files = "[" + ", ".join(_sql_string(p) for p in jsonl) + "]"
        selects.append(
            f"SELECT {names} FROM read_json({files}, format='newline_delimited', "
            f"columns={{{columns}}})"
        )
    if parquet:
        files = "[" + ", ".join(_sql_string(p) for p in parquet) + "]"
        source = f"read_parquet({files}, union_by_name=true)"
        described = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
        present = {str(row[0]).lower() for row in described}
        # a field older files lack (``rules``) reads as NULL, as a key missing in JSON Lines does
        casts = ", ".join(
            f"CAST({_quoted(k) if k in present else 'NULL'} AS {v}) AS {_quoted(k)}"
            for k, v in types.items()
        )
        selects.append(f"SELECT {casts} FROM {source}")
    for number, path in enumerate(stores):
        con.execute(f"ATTACH {_sql_string(path)} AS store{number} (READ_ONLY)")
        selects.append(f"SELECT {names} FROM store{number}.claims")
    return " UNION ALL ".join(selects)


def load_claims(store: Store, paths: Sequence[str | Path]) -> int:
    """The claims in ``paths`` (JSON Lines or Parquet files, or folders of them) as table
    ``claims``; how many."""
    import duckdb

    jsonl, parquet, stores = claim_files(paths)
    try:
        store.con.execute(
            "CREATE TABLE claims AS SELECT * FROM ("
            + source_sql(store.con, jsonl, parquet, stores)
            + ")"
        )
    except duckdb.Error as err:
        raise CompareError(f"cannot read the claims: {str(err).splitlines()[0]}") from err
    missing = store.con.execute(
        "SELECT count(*) FROM claims WHERE doc_id IS NULL OR claim_id IS NULL "
        "OR figure.value IS NULL OR outcome IS NULL"
    ).fetchone()
    if missing and missing[0]:
        raise CompareError(
            f"{missing[0]} claims lack doc_id, claim_id, figure.value or outcome "
            "(is this a claims file? `claimx extract` writes one)"
        )
    count = store.con.execute("SELECT count(*) FROM claims").fetchone()
    return int(count[0]) if count else 0


def load_articles(store: Store, articles: Iterable[Article | ArticleMeta]) -> int:
    """The articles' dates and topics as table ``meta``; how many articles were given."""
    import pyarrow as pa

    types = {
        "doc_id": pa.string(),
        "published": pa.string(),
        "places": pa.list_(pa.string()),
        "words": pa.list_(pa.string()),
    }
    store.con.execute(
        "CREATE TABLE meta_raw (doc_id VARCHAR, published VARCHAR, places VARCHAR[], "
        "words VARCHAR[], seq BIGINT)"
    )
    count = 0
    batch: dict[str, list[Any]] = {k: [] for k in (*types, "seq")}
    types["seq"] = pa.int64()
    for item in articles:
        meta = item if isinstance(item, ArticleMeta) else article_meta(item)
        batch["doc_id"].append(meta.doc_id)
        batch["published"].append(meta.published)
        batch["places"].append(list(meta.places))
        batch["words"].append(list(meta.words))
        batch["seq"].append(count)
        count += 1
        if len(batch["doc_id"]) >= _INSERT_BATCH:
            store.insert("meta_raw", batch, types)
            batch = {k: [] for k in batch}
    if batch["doc_id"]:
        store.insert("meta_raw", batch, types)
    # the first article of an id wins, as with claimx's readers
    store.con.execute(
        "CREATE TABLE meta AS SELECT doc_id, arg_min(published, seq) AS published, "
        "arg_min(places, seq) AS places, arg_min(words, seq) AS words FROM meta_raw GROUP BY doc_id"
    )
    return count


def _claim_from_row(names: Sequence[str], row: Sequence[Any]) -> dict[str, Any]:
    claim = dict(zip(names, row, strict=True))
    claim["speakers"] = claim.get("speakers") or []
    claim["locations"] = claim.get("locations") or []
    return claim


def claims_by_article(store: Store) -> Iterator[list[dict[str, Any]]]:
    """The loaded claims, article by article, in text order."""
    fields = ", ".join(f"c.{_quoted(name)}" for name in _MEMBER_FIELDS)
    sql = f"SELECT {fields} FROM claims c ORDER BY {_TEXT_ORDER}"
    current: str | None = None
    claims: list[dict[str, Any]] = []
    for names, row in store.stream(sql):
        claim = _claim_from_row(names, row)
        if claim["doc_id"] != current and claims:
            yield claims
            claims = []
        current = claim["doc_id"]
        claims.append(claim)
    if claims:
        yield claims


# -- the two passes ---------------------------------------------------------------------------


def _block_keys(member: Member, options: CompareOptions, places: PlaceNames) -> list[str]:
    """Keys whose sharing puts two claims of a harm key in one block.

    Countries, and places the gazetteer does not know (they have no country);
    a claim with no place is a block of its article unless ``join_unplaced``,
    which makes the whole harm key one block.
    """
    harm = "|".join(member.harm)
    if options.join_unplaced:
        return [harm]
    if not member.places:
        return [f"{harm}|doc:{member.doc_id}"]
    keys = [f"{harm}|{c}" for c in sorted(member.countries)]
    keys += [f"{harm}|place:{p}" for p in sorted(member.places) if places.resolve(p)[1] is None]
    return keys


_DERIVED_SQL = (
    "CREATE TABLE derived (rid BIGINT, harm VARCHAR, family VARCHAR, places VARCHAR[], "
    "countries VARCHAR[], country_places VARCHAR[], inferred BOOLEAN, anchor BIGINT, "
    "topic VARCHAR[], total VARCHAR, token VARCHAR, published VARCHAR)"
)


def derive(store: Store, options: CompareOptions, stats: CompareStats, has_meta: bool) -> None:
    """First pass: article by article, the fields of :class:`Member`; then the blocks."""
    import pyarrow as pa

    store.con.execute(_DERIVED_SQL)
    strings = pa.list_(pa.string())
    types = {
        "rid": pa.int64(),
        "harm": pa.string(),
        "family": pa.string(),
        "places": strings,
        "countries": strings,
        "country_places": strings,
        "inferred": pa.bool_(),
        "anchor": pa.int64(),
        "topic": strings,
        "total": pa.string(),
        "token": pa.string(),
        "published": pa.string(),
    }
    fields = ", ".join(f"c.{_quoted(name)}" for name in _DERIVE_FIELDS)
    if has_meta:
        sql = (
            f"SELECT c.rowid AS rid, {fields}, m.doc_id AS meta_id, m.published AS meta_published, "
            "m.places AS meta_places, m.words AS meta_words FROM claims c "
            f"LEFT JOIN meta m ON m.doc_id = c.doc_id ORDER BY {_TEXT_ORDER}"
        )
    else:
        sql = f"SELECT c.rowid AS rid, {fields} FROM claims c ORDER BY {_TEXT_ORDER}"
    places = PlaceNames()
    union = UnionFind()
    batch: dict[str, list[Any]] = {k: [] for k in types}

    def flush_doc(rows: list[tuple[int, dict[str, Any]]], meta: ArticleMeta | None) -> None:
        members = derive_article([claim for _rid, claim in rows], meta, options, places)
        stats.articles += 1
        for (rid, _claim), member in zip(rows, members, strict=True):
            tokens = _block_keys(member, options, places)
            for token in tokens[1:]:
                union.union(tokens[0], token)
            union.find(tokens[0])
            stats.places_inferred += member.inferred
            batch["rid"].append(rid)
            batch["harm"].append("|".join(member.harm))
            batch["family"].append(member.harm[2])
            batch["places"].append(sorted(member.places))
            batch["countries"].append(sorted(member.countries))
            batch["country_places"].append(sorted(member.country_places))
            batch["inferred"].append(member.inferred)
            batch["anchor"].append(member.anchor)
            batch["topic"].append(sorted(member.topic))
            batch["total"].append(member.total)
            batch["token"].append(tokens[0])
            batch["published"].append(member.published)

    current: str | None = None
    rows: list[tuple[int, dict[str, Any]]] = []
    meta: ArticleMeta | None = None
    for names, row in store.stream(sql):
        rid = int(row[0])
        claim = _claim_from_row(
            names[1 : 1 + len(_DERIVE_FIELDS)], row[1 : 1 + len(_DERIVE_FIELDS)]
        )
        if claim["doc_id"] != current:
            if rows:
                flush_doc(rows, meta)
            current, rows = claim["doc_id"], []
            meta = None
            if has_meta and row[1 + len(_DERIVE_FIELDS)] is not None:
                extra = row[1 + len(_DERIVE_FIELDS) :]
                meta = ArticleMeta(
                    doc_id=str(extra[0]),
                    published=extra[1],
                    places=tuple(extra[2] or ()),
                    words=tuple(extra[3] or ()),
                )
        rows.append((rid, claim))
        if len(batch["rid"]) >= _INSERT_BATCH:
            store.insert("derived", batch, types)
            batch = {k: [] for k in types}
    if rows:
        flush_doc(rows, meta)
    if batch["rid"]:
        store.insert("derived", batch, types)
    blocks: dict[Any, int] = {}
    mapping: dict[str, list[Any]] = {"token": [], "block": []}
    for token in list(union.parent):
        root = union.find(token)
        mapping["token"].append(token)
        mapping["block"].append(blocks.setdefault(root, len(blocks)))
    store.con.execute("CREATE TABLE blocks (token VARCHAR, block BIGINT)")
    store.insert("blocks", mapping, {"token": pa.string(), "block": pa.int64()})


def members_by_block(store: Store) -> Iterator[list[Member]]:
    """Second pass: the claims sorted by harm key and block, one block at a time."""
    fields = ", ".join(f"c.{_quoted(name)}" for name in _MEMBER_FIELDS)
    sql = (
        f"SELECT {fields}, d.harm, d.places, d.countries, d.country_places, d.inferred, "
        "d.anchor, d.topic, d.total, d.published, b.block FROM claims c "
        "JOIN derived d ON d.rid = c.rowid JOIN blocks b ON b.token = d.token "
        f"ORDER BY d.harm, b.block, {_TEXT_ORDER}"
    )
    width = len(_MEMBER_FIELDS)
    current: tuple[str, int] | None = None
    block: list[Member] = []
    for names, row in store.stream(sql):
        claim = _claim_from_row(names[:width], row[:width])
        (
            harm,
            places,
            countries,
            country_places,
            inferred,
            anchor,
            topic,
            total,
            published,
            number,
        ) = row[width:]
        key = (harm, number)
        if key != current and block:
            yield block
            block = []
        current = key
        start, end = period_days(claim)
        outcome, unit, family = harm.split("|")
        block.append(
            Member(
                claim=claim,
                harm=(outcome, unit, family),
                places=frozenset(places or ()),
                countries=frozenset(countries or ()),
                country_places=frozenset(country_places or ()),
                inferred=bool(inferred),
                start=start,
                end=end,
                anchor=anchor,
                topic=frozenset(topic or ()),
                total=total,
                published=published,
            )
        )
    if block:
        yield block
