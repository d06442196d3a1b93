"""Bytes to text: encoding detection that gets legacy Western news right.

Order of tries, cheapest and surest first: a byte-order mark; strict UTF-8;
a binary check (NUL bytes, control characters, well-known file signatures);
Windows-1252 when the result reads like Western text; charset-normalizer for
everything else. Windows-1252 goes before charset-normalizer because on short
texts the detector ranks look-alike code pages arbitrarily: it reads the
Latin-1 bytes of "Le café était fermé." as Mac Central European ("cafť").
Windows-1252 is a superset of the printable part of Latin-1, so it reads
both.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Files that are never text even when they start with printable bytes.
_SIGNATURES = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"BZh",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf",
    b"\xd0\xcf\x11\xe0",
    b"\x7fELF",
    b"SQLite format 3\x00",
    b"PAR1",
)

# Control characters that do occur in text files (tab, newlines, form feed,
# vertical tab, escape in terminal captures).
_TEXT_CONTROLS = b"\t\n\r\x0b\x0c\x1b"
# bytes.translate(None, _NOT_CONTROL) leaves only the suspicious control bytes.
_NOT_CONTROL = bytes(b for b in range(256) if b >= 0x20 or b in _TEXT_CONTROLS)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.01
# Non-ASCII characters that Western news in Windows-1252 is made of besides
# accented letters: typographic quotes, dashes, ellipsis, currency, symbols.
_WESTERN_PUNCTUATION = frozenset("‘’‚“”„–—…•€£¥¢©®™°±·¡¿«»§¶×÷\u00a0½¼¾²ªº")
_MAX_ODD_SHARE = 0.1
# Beyond this share of mojibake-like characters a detected decoding is noise.
_MAX_CHAOS = 0.2


class DecodeError(ValueError):
    """The bytes are not text; ``reason`` is ``binary`` or ``encoding``."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def sniff_binary(data: bytes) -> str | None:
    """Why ``data`` looks binary, or None when it may be text (BOM-less input)."""
    for signature in _SIGNATURES:
        if data.startswith(signature):
            return f"file signature {signature[:4]!r} (not a text file)"
    if b"\x00" in data:
        return "contains NUL bytes (not a text file)"
    if data:
        controls = len(data.translate(None, _NOT_CONTROL))
        if controls / len(data) > _MAX_CONTROL_SHARE:
            return f"{controls} control bytes in {len(data)} (not a text file)"
    return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode ``data`` as text, or raise :class:`DecodeError`.

    ``declared`` is an encoding the container names (an HTML ``<meta
    charset>``); it is tried right after UTF-8. Line ends are left alone.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise DecodeError(
                    "encoding",
                    f"invalid {encoding} after its byte-order mark: "
                    f"{err.reason} at byte {err.start}",
                ) from None
            if _has_controls(text):
                raise DecodeError(
                    "binary", f"control characters after a {encoding} byte-order mark"
                )
            return Decoded(text, encoding)
    why = sniff_binary(data)
    if why is not None:
        raise DecodeError("binary", why)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            return Decoded(text, codecs.lookup(declared).name)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if _reads_as_western(text):
            return Decoded(text, "cp1252")
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise DecodeError("encoding", "not UTF-8 and no text encoding fits the bytes")
    text = str(best)
    if _has_controls(text):
        raise DecodeError("encoding", f"decoding as {best.encoding} gives control characters")
    return Decoded(text, best.encoding)


def _has_controls(text: str) -> bool:
    controls = len(_CONTROL_CHARS.findall(text))
    return controls / max(len(text), 1) > _MAX_CONTROL_SHARE


def _reads_as_western(text: str) -> bool:
    """True when ``text`` (decoded as Windows-1252) looks like Western prose.

    Mojibake of other code pages shows either symbols where letters belong
    (Polish in cp1250 read as cp1252 gives "Za¿ó³æ") or whole words of
    accented letters (Russian in cp1251 gives "Ïðèâåò"); real French, German,
    Spanish or English has isolated accented letters and typographic quotes.
    """
    odd = 0
    non_ascii = 0
    for word in text.split():
        letters = [ch for ch in word if ch.isalpha()]
        accented = [ch for ch in letters if not ch.isascii()]
        # "été" has two accented letters of three; "Ïðèâåò" six of six.
        if len(accented) >= 3 and len(accented) * 2 > len(letters):
            odd += len(accented)
        for ch in word:
            if ch.isascii():
                continue
            non_ascii += 1
            if not ch.isalpha() and ch not in _WESTERN_PUNCTUATION:
                odd += 1
    return non_ascii == 0 or odd <= _MAX_ODD_SHARE * non_ascii
