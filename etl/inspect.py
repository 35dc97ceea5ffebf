"""The inspection view of an extraction: what `python -m etl extract --json` prints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from etl.extract.article import ArticleFacts, extract_article
from etl.read import read_article

EVENT_LABELS = {"government_work_report": "government work report"}


def facts_as_json(facts: ArticleFacts) -> dict[str, Any]:
    meta = facts.metadata
    province_sectors: list[list[str | None]] = []
    # A pair is a province and a sector: "NEVs" and "new energy vehicles" in two
    # sentences are one pair (the first words kept); unmapped words are their own.
    seen_pairs: set[tuple[str, str]] = set()
    events: list[dict[str, Any]] = []
    seen_events: set[tuple[str, str, str | None]] = set()
    targets = []
    seen_targets: set[tuple[str, int]] = set()
    for initiative in facts.initiatives:
        for hit in initiative.sectors:
            key = (initiative.province, hit.text.lower(), hit.slug)
            pair = (initiative.province, hit.slug or hit.text.lower())
            if pair not in seen_pairs:
                seen_pairs.add(pair)
                province_sectors.append(list(key))
        for target in initiative.targets:
            # Two clauses of one sentence may both hold the same figure.
            if (initiative.province, target.start) in seen_targets:
                continue
            seen_targets.add((initiative.province, target.start))
            targets.append(
                {
                    "province": initiative.province,
                    "quantity": target.quantity,
                    "approximate": target.is_approximate,
                    "words": target.text,
                }
            )
        event = initiative.event
        event_key = (initiative.province, event.kind, event.words)
        if event.kind != "other" and event_key not in seen_events:
            seen_events.add(event_key)
            events.append(
                {
                    "province": initiative.province,
                    "kind": EVENT_LABELS.get(event.kind, event.kind),
                    "on": event.on.isoformat() if event.on else None,
                    "words": event.words,
                }
            )
    speakers = {s.fact.start: s.fact.expert_name or s.fact.speaker_text for s in facts.statements}
    return {
        "article": {
            "outlet": meta.outlet,
            "dateline_city": meta.dateline_city,
            "published_on": meta.published_on.isoformat() if meta.published_on else None,
            "is_date_inferred": meta.is_date_inferred,
            "reporter": meta.reporter,
            "headline": meta.headline,
            "language": meta.language,
        },
        "provinces": facts.provinces,
        "events": events,
        "province_sectors": province_sectors,
        "quantitative_targets": targets,
        "initiatives": [
            {
                "province": i.province,
                "city": i.city,
                "event": EVENT_LABELS.get(i.event.kind, i.event.kind),
                "text": i.clause_text,
                "span": [i.start, i.end],
                "sectors": [h.slug for h in i.sectors],
                "announced_by": speakers.get(i.statement_start)
                if i.statement_start is not None
                else None,
            }
            for i in facts.initiatives
        ],
        "experts": [
            {
                "name": e.name,
                "title": e.title,
                "organization": e.organization,
                "parent_organization": e.parent_organization,
                "aliases": sorted(e.aliases),
            }
            for e in facts.experts.values()
        ],
        "statements": [
            {
                "speaker": s.fact.expert_name or s.fact.speaker_text,
                "speaker_text": s.fact.speaker_text,
                "is_resolved": s.fact.expert_name is not None,
                "verb": s.fact.verb,
                "kind": s.fact.kind,
                "text": s.fact.text,
                "span": [s.fact.start, s.fact.end],
                "topics": sorted({t.slug for t in s.topics}),
            }
            for s in facts.statements
        ],
    }


def inspect_file(path: Path) -> dict[str, Any]:
    article = read_article(path)
    facts = extract_article(article.text)
    result = {"path": str(path), **facts_as_json(facts)}
    if article.meta:
        # The sidecar overrides what the text gives; dates printed as ISO strings.
        result["article"].update(
            {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in article.meta.items()}
        )
    return result
