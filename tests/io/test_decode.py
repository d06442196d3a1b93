from __future__ import annotations

import pytest

from claimx.io.decode import DecodeError, decode_bytes, sniff_binary
from claimx.io.html import declared_charset


@pytest.mark.parametrize(
    ("text", "encoding", "detected"),
    [
        ("plain ASCII", "ascii", "utf-8"),
        ("naïve café", "utf-8", "utf-8"),
        ("naïve café", "utf-8-sig", "utf-8-sig"),
        ("naïve café", "utf-16", "utf-16"),
        ("Le café était fermé.", "latin-1", "cp1252"),
        ("“Quoted” — it’s €5 …", "cp1252", "cp1252"),
        ("A ação humanitária não começou", "latin-1", "cp1252"),
        ("Zażółć gęślą jaźń. W Rakce zginęło dwunastu cywilów.", "cp1250", "cp1250"),
        ("В Ракке погибли двенадцать мирных жителей, сообщили активисты.", "cp1251", "cp1251"),
    ],
)
def test_decode_picks_the_right_encoding(text: str, encoding: str, detected: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert (decoded.text, decoded.encoding) == (text, detected)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"abc\x00def", "binary"),
        (b"PK\x03\x04rest of a zip", "binary"),
        (b"\x1f\x8b\x08compressed", "binary"),
        (b"a\x01b\x02c\x03d\x04e\x05f\x06", "binary"),
        (b"\x81\x8d\x8f\x90\x9d\xfe\xff" * 5, "encoding"),
        (b"\xff\xfe\x00\xd8", "encoding"),
    ],
)
def test_decode_rejects_what_is_not_text(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert info.value.reason == reason


@pytest.mark.parametrize(
    ("data", "binary"),
    [(b"text\twith\ttabs\r\n\x0c", False), (b"\x00", True), (b"%PDF-1.4", True)],
)
def test_decode_sniff_binary(data: bytes, binary: bool) -> None:
    assert (sniff_binary(data) is not None) == binary


@pytest.mark.parametrize(
    ("html", "charset"),
    [
        (b'<meta charset="windows-1252">', "windows-1252"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "iso-8859-1"),
        (b"<p>no declaration</p>", None),
    ],
)
def test_decode_declared_html_charset(html: bytes, charset: str | None) -> None:
    assert declared_charset(html) == charset


@pytest.mark.parametrize("data", ["caf\xe9".encode("latin-1")])
def test_decode_declared_charset_wins_over_guessing(data: bytes) -> None:
    assert decode_bytes(data, declared="iso-8859-15").encoding == "iso8859-15"
