"""What `python -m etl extract --json` prints: the record that would be loaded,
and the summaries an analyst (and `make quality`) reads first, both from it.

``record`` is ``ArticleRecord.model_dump`` without the body (the file is the
body): exactly the fields the loader copies into their columns. The other
keys summarize that record; nothing here reads extraction's own types.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from etl.extract.article import extract_article, story_provinces
from etl.read import ArticleFile, read_article
from etl.validate import ArticleRecord, InitiativeRecord, build_record

EVENT_LABELS = {"government_work_report": "government work report"}
ARTICLE_FIELDS = (
    "outlet", "dateline_city", "published_on", "is_date_inferred", "reporter", "headline",
    "language",
)  # fmt: skip


def summarize_record(record: ArticleRecord) -> dict[str, Any]:
    """The record's facts as analysts read them, one key per question."""
    article = record.model_dump(mode="json", include=set(ARTICLE_FIELDS))
    speakers = {s.span_start: s.expert_name or s.speaker_text for s in record.statements}
    return {
        "article": {name: article[name] for name in ARTICLE_FIELDS},
        "provinces": _provinces(record),
        "events": _events(record.initiatives),
        "province_sectors": _province_sectors(record.initiatives),
        "quantitative_targets": _targets(record.initiatives),
        "initiatives": [
            {
                "province": i.province,
                "city": i.city,
                "event": EVENT_LABELS.get(i.event_kind, i.event_kind),
                "text": i.clause_text,
                "span": [i.span_start, i.span_end],
                "sectors": [h.slug for h in i.sectors],
                "announced_by": speakers.get(i.statement_start)
                if i.statement_start is not None
                else None,
            }
            for i in record.initiatives
        ],
        "experts": record.model_dump(mode="json", include={"experts"})["experts"],
        "statements": [
            {
                "speaker": s.expert_name or s.speaker_text,
                "speaker_text": s.speaker_text,
                "is_resolved": s.expert_name is not None,
                "verb": s.verb,
                "kind": s.kind,
                "text": s.statement_text,
                "span": [s.span_start, s.span_end],
                "topics": sorted({t.slug for t in s.topics}),
            }
            for s in record.statements
        ],
    }


def _provinces(record: ArticleRecord) -> list[str]:
    return story_provinces((m.span_start, m.province, m.role) for m in record.mentions)


def _province_sectors(initiatives: list[InitiativeRecord]) -> list[list[str | None]]:
    """A pair is a province and a sector: "NEVs" and "new energy vehicles" in two
    sentences are one pair (the first words kept); unmapped words are their own."""
    pairs: list[list[str | None]] = []
    seen: set[tuple[str, str]] = set()
    for initiative in initiatives:
        for hit in initiative.sectors:
            pair = (initiative.province, hit.slug or hit.matched_text.lower())
            if pair not in seen:
                seen.add(pair)
                pairs.append([initiative.province, hit.matched_text.lower(), hit.slug])
    return pairs


def _targets(initiatives: list[InitiativeRecord]) -> list[dict[str, Any]]:
    targets = []
    seen: set[tuple[str, int]] = set()
    for initiative in initiatives:
        for target in initiative.targets:
            # Two clauses of one sentence may both hold the same figure.
            if (initiative.province, target.span_start) in seen:
                continue
            seen.add((initiative.province, target.span_start))
            quantity = target.quantity
            targets.append(
                {
                    "province": initiative.province,
                    "quantity": int(quantity)
                    if quantity == quantity.to_integral_value()
                    else float(quantity),
                    "approximate": target.is_approximate,
                    "words": target.target_text,
                }
            )
    return targets


def _events(initiatives: list[InitiativeRecord]) -> list[dict[str, Any]]:
    events = []
    seen: set[tuple[str, str, str | None]] = set()
    for initiative in initiatives:
        key = (initiative.province, initiative.event_kind, initiative.event_text)
        if initiative.event_kind != "other" and key not in seen:
            seen.add(key)
            events.append(
                {
                    "province": initiative.province,
                    "kind": EVENT_LABELS.get(initiative.event_kind, initiative.event_kind),
                    "on": initiative.event_on.isoformat() if initiative.event_on else None,
                    "words": initiative.event_text,
                }
            )
    return events


def record_of(text: str, path: str = "-") -> ArticleRecord:
    """The record an article's text gives, with no file behind it (tests, notebooks)."""
    return build_record(ArticleFile(Path(path), "0" * 64, text), extract_article(text), path)


def inspect_file(path: Path) -> dict[str, Any]:
    article = read_article(path)
    record = build_record(article, extract_article(article.text), str(path))
    return {
        "path": str(path),
        **summarize_record(record),
        "record": record.model_dump(mode="json", exclude={"body"}),
    }
