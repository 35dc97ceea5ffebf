"""Stage 3, validate: the one record of an article's facts, from extraction to load.

Each record's fields are named as the columns they fill (``span_start``,
``clause_text``, ``matched_text``), so the loader copies a record's fields
into the table's columns of the same name (etl/load.py) and ``extract
--json`` prints exactly what is loaded (``model_dump``). Records are read
from extraction's facts by attribute (``from_attributes``): where an
extraction attribute has another name (``start``, ``text``, ``event.kind``),
the field says so once, in its ``validation_alias``. Fields that name a row
elsewhere (``province``, ``slug``, ``expert_name``, ``statement_start``) are
resolved to ids by the loader.

Extraction is heuristic; this boundary is not. Every span must index into the
body and reproduce the words it claims, every enumeration must be one the
schema accepts, so a bug in an extractor rejects one article with a reason
instead of storing a wrong fact or aborting the run.

Matched words (mentions, sectors, targets, topics) are the body's own
characters: ``body[span_start:span_end] == matched_text``. Initiative clauses
and statements are stored normalized (whitespace collapsed, the "wait."
translation artifact read as "etc."), so for them ``normalize(body[...])`` is
the text; a quotation continued after "he said," joins its parts, each a range
of the body.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal, Self

from pydantic import (
    AliasChoices,
    AliasPath,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from db.vocabulary import EVENT_KINDS, MENTION_ROLES, STATEMENT_KINDS
from etl.extract.article import ArticleFacts
from etl.extract.metadata import outlet_of_url
from etl.extract.text import normalize
from etl.read import ArticleFile


def _named(column: str, *extraction: str | AliasPath) -> Any:
    """A field filled from the column's own name or extraction's attribute."""
    return AliasChoices(column, *extraction)


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, from_attributes=True)


class SpanRecord(_Record):
    span_start: int = Field(ge=0, validation_alias=_named("span_start", "start"))
    span_end: int = Field(validation_alias=_named("span_end", "end"))

    @property
    def text(self) -> str:
        raise NotImplementedError

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.span_end <= self.span_start:
            raise ValueError(f"span {self.span_start}-{self.span_end} is empty or reversed")
        return self


class _Matched(SpanRecord):
    matched_text: str = Field(validation_alias=_named("matched_text", "text"))

    @property
    def text(self) -> str:
        return self.matched_text


class SectorRecord(_Matched):
    slug: str | None  # None: words the taxonomy does not know, kept unmapped


class TopicRecord(_Matched):
    slug: str


class MentionRecord(_Matched):
    province: str
    role: str
    city: str | None


class TargetRecord(SpanRecord):
    quantity: Decimal = Field(gt=0)
    is_approximate: bool
    target_text: str = Field(validation_alias=_named("target_text", "text"))

    @property
    def text(self) -> str:
        return self.target_text


class InitiativeRecord(SpanRecord):
    province: str
    city: str | None
    event_kind: str = Field(validation_alias=_named("event_kind", AliasPath("event", "kind")))
    event_on: dt.date | None = Field(validation_alias=_named("event_on", AliasPath("event", "on")))
    event_text: str | None = Field(
        validation_alias=_named("event_text", AliasPath("event", "words"))
    )
    clause_text: str
    sentence_index: int = Field(ge=0)
    sentence_text: str
    sectors: list[SectorRecord]
    targets: list[TargetRecord]
    # The start of the statement that announced it, one of the article's statements.
    statement_start: int | None = None

    @property
    def text(self) -> str:
        return self.clause_text


class ExpertRecord(_Record):
    name: str = Field(min_length=2)
    title: str | None
    organization: str | None
    parent_organization: str | None
    aliases: list[str]

    @model_validator(mode="before")
    @classmethod
    def _sorted_aliases(cls, data: Any) -> Any:
        # Extraction keeps a set; the record keeps an order, so a dump is stable.
        aliases = data.get("aliases") if isinstance(data, dict) else getattr(data, "aliases", None)
        if isinstance(aliases, set | frozenset):
            fields = (
                data if isinstance(data, dict) else {n: getattr(data, n) for n in cls.model_fields}
            )
            return {**fields, "aliases": sorted(aliases)}
        return data


class StatementRecord(SpanRecord):
    speaker_text: str = Field(min_length=1)
    expert_name: str | None
    verb: str
    kind: Literal["direct", "indirect"]
    statement_text: str = Field(validation_alias=_named("statement_text", "text"))
    topics: list[TopicRecord]
    # The ranges whose words make text, when not the one range start-end.
    parts: list[tuple[int, int]] = []

    @property
    def text(self) -> str:
        return self.statement_text

    @field_validator("topics", mode="before")
    @classmethod
    def _mapped_topics(cls, topics: Any) -> Any:
        # A topic is a taxonomy sector; words it does not know are no topic.
        return [t for t in topics if getattr(t, "slug", None) is not None or isinstance(t, dict)]


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
        exact: list[_Matched | TargetRecord] = [*self.mentions]
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
            if span.span_end > len(self.body):
                raise ValueError(f"span {span.span_start}-{span.span_end} is outside the body")
        for span in exact:
            read = self.body[span.span_start : span.span_end]
            if read != span.text:
                raise ValueError(
                    f"span {span.span_start}-{span.span_end} reads {read!r}, not {span.text!r}"
                )
        statement_starts = {statement.span_start for statement in self.statements}
        for initiative in self.initiatives:
            _check_normalized(self.body, initiative, [(initiative.span_start, initiative.span_end)])
            if (
                initiative.statement_start is not None
                and initiative.statement_start not in statement_starts
            ):
                raise ValueError(
                    f"initiative {initiative.span_start}-{initiative.span_end} names a statement "
                    f"at {initiative.statement_start}, and no statement starts there"
                )
        for statement in self.statements:
            parts = statement.parts or [(statement.span_start, statement.span_end)]
            if any(
                not statement.span_start <= s < e <= statement.span_end for s, e in parts
            ) or parts != sorted(parts):
                raise ValueError(
                    f"statement parts {parts} are not ordered ranges inside "
                    f"{statement.span_start}-{statement.span_end}"
                )
            _check_normalized(self.body, statement, parts)
        return self


def _check_normalized(body: str, span: SpanRecord, parts: list[tuple[int, int]]) -> None:
    read = normalize(" ".join(body[s:e] for s, e in parts))
    if read != span.text:
        raise ValueError(
            f"span {span.span_start}-{span.span_end} reads {read[:80]!r}, not {span.text[:80]!r}"
        )


# Metadata a sidecar (<name>.meta.json) may set over what the text gives.
_OVERRIDABLE = ("outlet", "published_on", "headline", "language")


def build_record(article: ArticleFile, facts: ArticleFacts, source_path: str) -> ArticleRecord:
    meta = facts.metadata
    overrides = {k: v for k, v in article.meta.items() if k in _OVERRIDABLE}
    url = article.meta.get("url")
    return ArticleRecord.model_validate(
        {
            "content_sha256": article.sha256,
            "source_path": source_path,
            "url": url,
            # The credit in the text first: a page may be another outlet's copy.
            "outlet": meta.outlet or (outlet_of_url(url) if url else None),
            "dateline_city": meta.dateline_city,
            "published_on": meta.published_on,
            "is_date_inferred": meta.is_date_inferred and "published_on" not in overrides,
            "reporter": meta.reporter,
            "headline": meta.headline,
            "language": meta.language,
            **overrides,
            "body": article.text,
            "mentions": facts.mentions,
            "initiatives": facts.initiatives,
            "experts": list(facts.experts.values()),
            "statements": facts.statements,
        }
    )
