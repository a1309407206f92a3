"""What a document says about itself: title, outlet, URL and publication date.

Front matter wins over the text; the text's own dateline or byline comes next; a file's
modification time is never a publication date."""
from __future__ import annotations

import datetime as dt
from collections import Counter

from pipeline.dates import find_published_date, has_ambiguous_numeric_date, numeric_date_order
from pipeline.places import find_countries
from pipeline.read import RawDocument
from pipeline.text import find_title


_HEAD_CHARS = 2000


def parse_front_matter_date(value: str) -> dt.date | None:
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        found = find_published_date(value)
        return found[0] if found else None


def describe(raw: RawDocument) -> dict:
    """Row of the raw_documents table for one document."""
    fm = raw.front_matter
    published, source = None, None
    if fm.get("published_date") or fm.get("date"):
        published = parse_front_matter_date(fm.get("published_date") or fm.get("date"))
        source = "front_matter" if published else None
    if published is None:
        found = find_published_date(raw.text)
        if found is None and "/" in raw.text[:_HEAD_CHARS] and has_ambiguous_numeric_date(raw.text[:_HEAD_CHARS]):
            # "05/11/2024": which way it reads depends on who wrote it
            countries = [code for code, _ in Counter(m.code for m in find_countries(raw.text)).most_common()]
            found = find_published_date(raw.text, numeric_date_order(raw.text, countries))
        if found:
            published, source = found[0], "text"
    title = (fm.get("title") or "").strip() or find_title(raw.text)
    return {
        "doc_id": raw.doc_id, "source_file": raw.source_file, "text": raw.text, "title": title,
        "outlet": fm.get("outlet") or None, "url": fm.get("url") or None,
        "published_date": published, "published_date_source": source,
        "encoding": raw.encoding, "size_bytes": raw.size_bytes,
    }
