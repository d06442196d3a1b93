"""Publication dates: every reader, the API and the stages normalise them here, one way."""

from __future__ import annotations

import datetime as dt


def published_date(value: object) -> dt.date | None:
    """``value`` as a date, or None when absent or not an ISO 8601 date (or date-time).

    A date-time keeps the date as written (``2019-04-26T23:30:00-05:00`` is 2019-04-26): that is
    the day the newsroom dated the article.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    # Python 3.10 does not read a trailing "Z" (UTC) in fromisoformat.
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None


def iso_date(value: object) -> str | None:
    """``value`` as ``YYYY-MM-DD``, or None when absent or unreadable (:func:`published_date`)."""
    day = published_date(value)
    return day.isoformat() if day is not None else None
