from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from claimx.contract.article import Article
from claimx.contract.published import iso_date
from claimx.io import readers
from claimx.io.readers import Reader, ReadWarning, Rejected

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="{charset}">
<title>Strike kills 12 in Raqqa | Example News</title>
<meta property="og:title" content="Strike kills 12 in Raqqa">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2017-06-09T10:00:00Z">
<link rel="canonical" href="https://news.example.org/raqqa-strike">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe now</nav>
<article><h1>Strike kills 12 in Raqqa</h1>
<p>An air strike killed 12 civilians in Raqqa on Thursday, according to local activists
who spoke to reporters by telephone from the {cafe} where they were sheltering.</p>
<p>The coalition said it was investigating the reports and that it takes every allegation
of civilian harm seriously, a spokesman told journalists at a briefing.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>
"""


def read_all(*paths: str | Path, **kwargs: object) -> tuple[list[Article], list[Rejected], Reader]:
    reader = Reader(**kwargs)  # type: ignore[arg-type]
    items = list(reader.read([str(p) for p in paths]))
    articles = [i for i in items if isinstance(i, Article)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    return articles, rejected, reader


def _write(data: bytes, name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _broken_link(folder: Path) -> Path:
    path = folder / "gone.txt"
    path.symlink_to(folder / "nowhere.txt")
    return path


def _missing(folder: Path) -> Path:
    return folder / "missing.txt"


@pytest.mark.parametrize(
    ("make", "reason", "suffix"),
    [
        (_write(b"", "empty.txt"), "empty", ""),
        (_write(b"  \n\t\n", "blank.md"), "empty", ""),
        (_write(b"---\ntitle: x\n---\n\n", "only-front.md"), "empty", ""),
        (_write(b"text\x00with\x00nul", "nul.txt"), "binary", ""),
        (_write(b"\x89PNG\r\n\x1a\n" + b"a" * 50, "image.txt"), "binary", ""),
        (_write(b"%PDF-1.7 something", "doc.html"), "binary", ""),
        (_write(b"\x81\x8d\x8f\x90\x9d\xfe\xff" * 8, "noise.txt"), "encoding", ""),
        (_write(b"x" * 2048, "big.txt"), "too_large", ""),
        (_write(b"a pdf", "report.pdf"), "unsupported", ""),
        (
            _write(
                b"<html><head><title>T</title></head><body><script>x=1</script></body></html>",
                "script.html",
            ),
            "no_text",
            "",
        ),
        (_broken_link, "broken_link", ""),
        (_missing, "not_found", ""),
        (_write(b'{"text": "ok"}\n{"text": "broken\n', "bad.jsonl"), "json", ":2"),
        (_write(b'{"text": "ok"}\n[1, 2]\n', "array.jsonl"), "json", ":2"),
        (_write(b'{"title": "no text here"}\n', "notext.jsonl"), "no_text", ":1"),
        (_write(b'{"text": 12}\n', "number.jsonl"), "no_text", ":1"),
        (_write(b'{"text": "  "}\n', "blanktext.jsonl"), "empty", ":1"),
        (
            _write(b'{"text": "' + b"y" * 2048 + b'"}\n{"text": "ok"}\n', "long.jsonl"),
            "too_large",
            ":1",
        ),
        (_write(b"\x00\x01\x02\x03" * 10, "blob.jsonl"), "binary", ""),
        (_write(b"", "nothing.jsonl"), "empty", ""),
    ],
)
def test_readers_rejects_bad_input_with_one_named_reason(
    tmp_path: Path, make: Callable[[Path], Path], reason: str, suffix: str
) -> None:
    path = make(tmp_path)
    _, rejected, _ = read_all(path, max_bytes=1024)
    assert [(r.origin, r.reason) for r in rejected] == [(f"{path}{suffix}", reason)]
    assert rejected[0].detail
    assert str(rejected[0]).startswith(f"{path}{suffix}: {reason}: ")


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied")])
def test_readers_rejects_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError
) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Twelve people were killed.")
    path.chmod(0)
    if os.geteuid() == 0:
        # root reads a mode-000 file anyway; make open() fail as it would for a user.
        real_open = open

        def guarded(file: object, *args: object, **kwargs: object) -> object:
            if str(file) == str(path):
                raise error
            return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr("builtins.open", guarded)
    articles, rejected, _ = read_all(path)
    assert articles == []
    assert [(r.origin, r.reason) for r in rejected] == [(str(path), "permission")]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le café était fermé quand 12 civils ont été tués.", "latin-1"),
        ("“Twelve civilians were killed,” the activist said — it’s the group’s count.", "cp1252"),
        ("It’s “bad”", "cp1252"),
        ("Düsseldorf: Größe, Übung, Straße.", "cp1252"),
        ("¿Qué pasó? El niño y la señora en el café.", "latin-1"),
        ("Zażółć gęślą jaźń. W Rakce zginęło dwunastu cywilów, podali aktywiści.", "cp1250"),
        ("В Ракке погибли двенадцать мирных жителей, сообщили активисты.", "cp1251"),
        ("A café in Raqqa.", "utf-8-sig"),
        ("A café in Raqqa.", "utf-16"),
    ],
)
def test_readers_decodes_legacy_encodings(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    articles, rejected, _ = read_all(path)
    assert rejected == []
    assert [a.text for a in articles] == [text]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"line one\r\nline two\r\n", "line one\nline two\n"),
        (b"old mac\rline", "old mac\nline"),
    ],
)
def test_readers_normalises_newlines_in_files(tmp_path: Path, raw: bytes, text: str) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw)
    articles, _, _ = read_all(path)
    assert articles[0].text == text


@pytest.mark.parametrize(
    ("content", "expected", "body"),
    [
        (
            '---\ntitle: "Raqqa: the toll"\npublished: 2019-04-26\nurl: https://x.org/a\n'
            "source: Amnesty\n---\n\nThe coalition killed 1,600 civilians.\n",
            {
                "title": "Raqqa: the toll",
                "published": "2019-04-26",
                "url": "https://x.org/a",
                "source": "Amnesty",
            },
            "The coalition killed 1,600 civilians.\n",
        ),
        (
            "---\ndate: 2019-04-26T08:00:00Z\nTitle: 'Quoted'\ntags: war\n---\nBody text.",
            {"title": "Quoted", "published": "2019-04-26", "url": None, "source": None},
            "Body text.",
        ),
        (
            "---\nThis is a rule, not front matter.\n---\nBody.",
            {"title": None, "published": None, "url": None, "source": None},
            "---\nThis is a rule, not front matter.\n---\nBody.",
        ),
        (
            "---\ntitle: never closed\nBody without a closing fence.",
            {"title": None, "published": None, "url": None, "source": None},
            "---\ntitle: never closed\nBody without a closing fence.",
        ),
    ],
)
def test_readers_front_matter(
    tmp_path: Path, content: str, expected: dict[str, str | None], body: str
) -> None:
    path = tmp_path / "raqqa-report.txt"
    path.write_text(content, encoding="utf-8")
    articles, rejected, _ = read_all(path)
    assert rejected == []
    (article,) = articles
    assert article.id == "raqqa-report"
    assert article.origin == str(path)
    assert article.text == body
    got = {k: getattr(article, k) for k in expected}
    assert got == expected


@pytest.mark.parametrize(
    ("content", "title"),
    [("# The toll in Raqqa\n\nTwelve were killed.", "The toll in Raqqa"), ("Plain start.", None)],
)
def test_readers_markdown_heading_is_the_title(tmp_path: Path, content: str, title: str) -> None:
    path = tmp_path / "story.md"
    path.write_text(content)
    articles, _, _ = read_all(path)
    assert articles[0].title == title
    assert articles[0].text == content


@pytest.mark.parametrize("published", ["2019-13-45", "yesterday", "26/04/2019"])
def test_readers_invalid_published_warns_and_keeps_article(tmp_path: Path, published: str) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\npublished: {published}\n---\nTwelve people were killed.")
    warnings: list[readers.ReadWarning] = []
    articles, rejected, _ = read_all(path, on_warning=warnings.append)
    assert rejected == []
    assert [a.published for a in articles] == [None]
    assert [(w.origin, w.reason) for w in warnings] == [(str(path), "published")]


@pytest.mark.parametrize(("charset", "encoding"), [("utf-8", "utf-8"), ("windows-1252", "cp1252")])
def test_readers_html_main_text_and_metadata(tmp_path: Path, charset: str, encoding: str) -> None:
    path = tmp_path / "raqqa-strike.html"
    path.write_bytes(PAGE.format(charset=charset, cafe="café").encode(encoding))
    articles, rejected, _ = read_all(path)
    assert rejected == []
    (article,) = articles
    assert article.id == "raqqa-strike"
    assert article.title == "Strike kills 12 in Raqqa"
    assert article.published == "2017-06-09"
    assert article.source == "Example News"
    assert article.url == "https://news.example.org/raqqa-strike"
    assert "killed 12 civilians in Raqqa" in article.text
    assert "café" in article.text
    assert "Subscribe" not in article.text
    assert "Copyright" not in article.text


@pytest.mark.parametrize("stem", ["wire"])
def test_readers_jsonl_ids_origins_and_fields(tmp_path: Path, stem: str) -> None:
    path = tmp_path / f"{stem}.jsonl"
    lines = [
        json.dumps({"text": "First.", "published": "2019-04-26T23:30:00-05:00"}),
        "",
        json.dumps({"id": "given", "text": "Second.", "title": "T", "url": "u", "source": "s"}),
        json.dumps({"id": 7, "text": "Third.", "published": "not a date", "title": 3}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    warnings: list[readers.ReadWarning] = []
    articles, rejected, _ = read_all(path, on_warning=warnings.append)
    assert rejected == []
    assert [(a.id, a.origin) for a in articles] == [
        (f"{stem}:1", f"{path}:1"),
        ("given", f"{path}:3"),
        ("7", f"{path}:4"),
    ]
    assert articles[0].published == "2019-04-26"
    assert (articles[1].title, articles[1].url, articles[1].source) == ("T", "u", "s")
    assert articles[2].published is None and articles[2].title is None
    assert sorted((w.origin, w.reason) for w in warnings) == [
        (f"{path}:4", "field"),
        (f"{path}:4", "published"),
    ]


@pytest.mark.parametrize("data", [b'{"text": "caf\xe9 in Raqqa"}\n'])
def test_readers_jsonl_line_in_legacy_encoding_is_read_with_a_warning(
    tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(data)
    warnings: list[readers.ReadWarning] = []
    articles, rejected, _ = read_all(path, on_warning=warnings.append)
    assert rejected == []
    assert [a.text for a in articles] == ["café in Raqqa"]
    assert [w.reason for w in warnings] == ["encoding"]


@pytest.mark.parametrize("lines", [[b'{"text": "one"}', b"{oops", b'{"id": "x", "text": "two"}']])
def test_readers_stdin_is_json_lines(lines: list[bytes]) -> None:
    reader = Reader(stdin=io.BytesIO(b"\n".join(lines) + b"\n"))
    items = list(reader.read(["-"]))
    assert [(type(i).__name__, i.origin) for i in items] == [
        ("Article", "<stdin>:1"),
        ("Rejected", "<stdin>:2"),
        ("Article", "<stdin>:3"),
    ]
    assert [i.id for i in items if isinstance(i, Article)] == ["stdin:1", "x"]


def test_readers_folders_sorted_recursive_and_counted(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "b" / "deep").mkdir(parents=True)
    (corpus / ".git").mkdir()
    (corpus / ".git" / "notes.txt").write_text("hidden folder")
    (corpus / ".draft.txt").write_text("hidden file")
    (corpus / "z.txt").write_text("Z.")
    (corpus / "a.md").write_text("A.")
    (corpus / "b" / "deep" / "c.htm").write_text(PAGE.format(charset="utf-8", cafe="cafe"))
    (corpus / "b" / "b.jsonl").write_text('{"text": "B1."}\n{"text": "B2."}\n')
    (corpus / "b" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (corpus / "b" / "README").write_text("no extension")
    (corpus / "loop").symlink_to(corpus)
    extra = tmp_path / "extra.txt"
    extra.write_text("Extra.")
    articles, rejected, reader = read_all(extra, corpus, corpus / "a.md")
    assert rejected == []
    assert [a.origin for a in articles] == [
        str(extra),
        str(corpus / "a.md"),
        str(corpus / "b" / "b.jsonl") + ":1",
        str(corpus / "b" / "b.jsonl") + ":2",
        str(corpus / "b" / "deep" / "c.htm"),
        str(corpus / "z.txt"),
    ]
    assert reader.skipped == {"hidden": 2, "unsupported": 2, "loop": 1, "duplicate": 1}
    assert reader.estimate([extra, corpus]) == 6


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-04-26", "2019-04-26"),
        (" 2019-04-26 ", "2019-04-26"),
        ("2019-04-26T10:00:00Z", "2019-04-26"),
        ("2019-04-26T23:30:00-05:00", "2019-04-26"),
        ("2019-02-30", None),
        ("April 26, 2019", None),
        ("", None),
    ],
)
def test_contract_iso_date_reads_published(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize("max_bytes", [0, -5])
def test_readers_rejects_nonpositive_limit(max_bytes: int) -> None:
    with pytest.raises(ValueError, match="max_bytes"):
        Reader(max_bytes=max_bytes)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"north/report.txt": "N.", "south/report.txt": "S.", "report.md": "R."},
            ["north/report", "report", "south/report"],
        ),
        (
            {"wire.jsonl": '{"id": "x", "text": "1"}\n{"id": "x", "text": "2"}\n'
             '{"id": "x~2", "text": "3"}\n{"text": "4"}\n'},
            ["x", "x~2", "x~2~2", "wire:4"],
        ),
        ({"2019/a.txt": "A.", "2019/b/a.txt": "B."}, ["2019/a", "2019/b/a"]),
    ],
)  # fmt: skip
def test_readers_ids_unique_and_relative_to_the_folder(
    tmp_path: Path, files: dict[str, str], expected: list[str]
) -> None:
    corpus = tmp_path / "corpus"
    for name, text in files.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text)
    warnings: list[ReadWarning] = []
    items = list(Reader(on_warning=warnings.append).read([corpus]))
    assert [i.id for i in items if isinstance(i, Article)] == expected
    renamed = [i.id for i in items if isinstance(i, Article) and "~" in i.id]
    assert [w.reason for w in warnings] == ["duplicate_id"] * len(renamed)


@pytest.mark.parametrize("names", [("a/report.txt", "b/report.txt")])
def test_readers_same_name_given_twice_gets_a_suffix(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    paths = []
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Text.")
        paths.append(tmp_path / name)
    warnings: list[ReadWarning] = []
    items = list(Reader(on_warning=warnings.append).read(paths))
    assert [i.id for i in items if isinstance(i, Article)] == ["report", "report~2"]
    assert "is already used by" in warnings[0].detail


@pytest.mark.parametrize(
    ("first_line", "skipped"),
    [
        ('{"doc_id": "a", "claim_id": "a:1", "span": [0, 2], "figure": {"value": 12}}', True),
        ('{"id": "a", "text": "12 people were killed.", "claim_id": "x", "span": [], "figure": 1}',
         False),
        ('{"id": "a", "text": "Plain article."}', False),
    ],
)  # fmt: skip
def test_readers_skip_a_claims_file_with_a_note(
    tmp_path: Path, first_line: str, skipped: bool
) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(first_line + "\n")
    warnings: list[ReadWarning] = []
    reader = Reader(on_warning=warnings.append)
    items = list(reader.read([tmp_path]))
    assert (items == [], reader.skipped.get("claims_file", 0)) == (skipped, int(skipped))
    assert [w.reason for w in warnings] == (["claims_file"] if skipped else [])


@pytest.mark.parametrize(
    ("name", "content", "text"),
    [
        ("a.md", "---\ntitle: T\npublished: 2019-04-26\n---\n\r\nBody\r\nline.", "Body\nline."),
        ("b.txt", "Plain\r\ntext.", "Plain\ntext."),
    ],
)
def test_readers_read_article_gives_the_text_spans_index(
    tmp_path: Path, name: str, content: str, text: str
) -> None:
    import claimx

    path = tmp_path / name
    path.write_bytes(content.encode())
    article = claimx.read_article(path)
    assert article.text == text


@pytest.mark.parametrize(
    ("content", "article_id", "match"),
    [
        ("", None, "empty"),
        ('{"id": "x", "text": "A."}\n', "y", "no article with id 'y'"),
    ],
)
def test_readers_read_article_names_the_file_and_reason(
    tmp_path: Path, content: str, article_id: str | None, match: str
) -> None:
    from claimx.io.article import ReadError, read_article

    path = tmp_path / "a.jsonl"
    path.write_text(content)
    with pytest.raises(ReadError, match=match) as info:
        read_article(path, article_id)
    assert str(path) in str(info.value)
