"""Stage 3, validate: the pydantic records that cross into the database.

Extraction is heuristic; this boundary is not. Every span must index into the
body and reproduce the words it claims, every enumeration must be one the
schema accepts, so a bug in an extractor rejects one article with a reason
instead of storing a wrong fact or aborting the run.

Matched words (mentions, sectors, targets, topics) are the body's own
characters: ``body[start:end] == text``. Initiative clauses and statements
are stored normalized (whitespace collapsed, the "wait." translation artifact
read as "etc."), so for them ``normalize(body[start:end]) == text``; a
quotation continued after "he said," joins its parts, each a range of the body.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from db.models import EVENT_KINDS, MENTION_ROLES, STATEMENT_KINDS
from etl.extract.article import ArticleFacts, SectorHit
from etl.extract.text import normalize
from etl.read import ArticleFile


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SpanRecord(_Record):
    text: str
    start: int = Field(ge=0)
    end: int

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end <= self.start:
            raise ValueError(f"span {self.start}-{self.end} is empty or reversed")
        return self


class SectorRecord(SpanRecord):
    slug: str | None  # None: words the taxonomy does not know, kept unmapped


class TopicRecord(SpanRecord):
    slug: str


class TargetRecord(SpanRecord):
    quantity: Decimal = Field(gt=0)
    is_approximate: bool


class MentionRecord(SpanRecord):
    province: str
    role: str
    city: str | None


class InitiativeRecord(SpanRecord):
    province: str
    city: str | None
    event_kind: str
    event_on: dt.date | None
    event_text: str | None
    sentence_index: int = Field(ge=0)
    sentence_text: str
    sectors: list[SectorRecord]
    targets: list[TargetRecord]
    # The start of the statement that announced it, one of the article's statements.
    statement_start: int | None = None


class ExpertRecord(_Record):
    name: str = Field(min_length=2)
    title: str | None
    organization: str | None
    parent_organization: str | None
    aliases: list[str]


class StatementRecord(SpanRecord):
    speaker_text: str = Field(min_length=1)
    expert_name: str | None
    verb: str
    kind: Literal["direct", "indirect"]
    topics: list[TopicRecord]
    # The ranges whose words make text, when not the one range start-end.
    parts: list[tuple[int, int]] = []


class ArticleRecord(_Record):
    content_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    source_path: str
    url: str | None
    outlet: str | None
    dateline_city: str | None
    published_on: dt.date | None
    is_date_inferred: bool
    reporter: str | None
    headline: str | None
    language: str
    body: str
    mentions: list[MentionRecord]
    initiatives: list[InitiativeRecord]
    experts: list[ExpertRecord]
    statements: list[StatementRecord]

    @model_validator(mode="after")
    def _spans_match_body(self) -> Self:
        exact: list[SpanRecord] = [*self.mentions]
        for initiative in self.initiatives:
            exact += [*initiative.sectors, *initiative.targets]
            if initiative.event_kind not in EVENT_KINDS:
                raise ValueError(f"unknown event kind {initiative.event_kind!r}")
        for statement in self.statements:
            exact += statement.topics
            if statement.kind not in STATEMENT_KINDS:
                raise ValueError(f"unknown statement kind {statement.kind!r}")
        for mention in self.mentions:
            if mention.role not in MENTION_ROLES:
                raise ValueError(f"unknown mention role {mention.role!r}")
        spans: list[SpanRecord] = [*exact, *self.initiatives, *self.statements]
        for span in spans:
            if span.end > len(self.body):
                raise ValueError(f"span {span.start}-{span.end} is outside the body")
        for span in exact:
            if self.body[span.start : span.end] != span.text:
                raise ValueError(
                    f"span {span.start}-{span.end} reads {self.body[span.start : span.end]!r}, "
                    f"not {span.text!r}"
                )
        statement_starts = {statement.start for statement in self.statements}
        for initiative in self.initiatives:
            _check_normalized(self.body, initiative, [(initiative.start, initiative.end)])
            if (
                initiative.statement_start is not None
                and initiative.statement_start not in statement_starts
            ):
                raise ValueError(
                    f"initiative {initiative.start}-{initiative.end} names a statement at "
                    f"{initiative.statement_start}, and no statement starts there"
                )
        for statement in self.statements:
            parts = statement.parts or [(statement.start, statement.end)]
            if any(
                not statement.start <= s < e <= statement.end for s, e in parts
            ) or parts != sorted(parts):
                raise ValueError(
                    f"statement parts {parts} are not ordered ranges inside "
                    f"{statement.start}-{statement.end}"
                )
            _check_normalized(self.body, statement, parts)
        return self


def _check_normalized(body: str, span: SpanRecord, parts: list[tuple[int, int]]) -> None:
    read = normalize(" ".join(body[s:e] for s, e in parts))
    if read != span.text:
        raise ValueError(
            f"span {span.start}-{span.end} reads {read[:80]!r}, not {span.text[:80]!r}"
        )


def build_record(article: ArticleFile, facts: ArticleFacts, source_path: str) -> ArticleRecord:
    meta = facts.metadata
    overrides = article.meta
    body = article.text

    def sector(hit: SectorHit) -> SectorRecord:
        return SectorRecord(slug=hit.slug, text=hit.text, start=hit.start, end=hit.end)

    return ArticleRecord(
        content_sha256=article.sha256,
        source_path=source_path,
        url=overrides.get("url"),
        outlet=overrides.get("outlet", meta.outlet),
        dateline_city=meta.dateline_city,
        published_on=overrides.get("published_on", meta.published_on),
        is_date_inferred=meta.is_date_inferred and "published_on" not in overrides,
        reporter=meta.reporter,
        headline=overrides.get("headline", meta.headline),
        language=overrides.get("language", meta.language),
        body=body,
        mentions=[
            MentionRecord(
                province=m.province, role=m.role, city=m.city, text=m.text, start=m.start, end=m.end
            )
            for m in facts.mentions
        ],
        initiatives=[
            InitiativeRecord(
                province=i.province,
                city=i.city,
                event_kind=i.event.kind,
                event_on=i.event.on,
                event_text=i.event.words,
                text=i.clause_text,
                start=i.start,
                end=i.end,
                sentence_index=i.sentence_index,
                sentence_text=i.sentence_text,
                sectors=[sector(h) for h in i.sectors],
                targets=[
                    TargetRecord(
                        quantity=Decimal(str(t.quantity)),
                        is_approximate=t.is_approximate,
                        text=t.text,
                        start=t.start,
                        end=t.end,
                    )
                    for t in i.targets
                ],
                statement_start=i.statement_start,
            )
            for i in facts.initiatives
        ],
        experts=[
            ExpertRecord(
                name=e.name,
                title=e.title,
                organization=e.organization,
                parent_organization=e.parent_organization,
                aliases=sorted(e.aliases),
            )
            for e in facts.experts.values()
        ],
        statements=[
            StatementRecord(
                speaker_text=s.fact.speaker_text,
                expert_name=s.fact.expert_name,
                verb=s.fact.verb,
                kind=s.fact.kind,  # type: ignore[arg-type]
                text=s.fact.text,
                start=s.fact.start,
                end=s.fact.end,
                topics=[
                    TopicRecord(slug=h.slug, text=h.text, start=h.start, end=h.end)
                    for h in s.topics
                    if h.slug is not None
                ],
                parts=list(s.fact.parts),
            )
            for s in facts.statements
        ],
    )
