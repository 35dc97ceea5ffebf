"""Stage 4, load: a batch of whole articles per transaction, written with COPY.

A row-at-a-time insert costs a round trip per fact (about a hundred per
article); here a batch costs a fixed handful of statements whatever its size.
Ids of the rows that others point to (articles, initiatives, statements) are
drawn from their identity sequences up front, so parents and children are
built in memory and streamed with COPY in foreign-key order. Experts and
organizations are shared between articles: they are upserted in bulk with
``unnest`` and ``on conflict``.

The transaction holds whole articles, each with its etl_run_file row, so a
run killed between batches leaves whole articles or none. When a batch fails
(a constraint an article breaks), the pipeline loads its articles one by one
to reject only the culprit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from typing import Any

import psycopg
from pydantic import BaseModel
from sqlalchemy import Connection, select

from db.models import (
    Base,
    Initiative,
    InitiativeSector,
    Province,
    ProvinceMention,
    QuantitativeTarget,
    Sector,
    SourceArticle,
    Statement,
    StatementTopic,
)
from etl import summaries
from etl.validate import (
    ArticleRecord,
    ExpertRecord,
    InitiativeRecord,
    MentionRecord,
    SectorRecord,
    StatementRecord,
    TargetRecord,
    TopicRecord,
)


class ReferenceIds:
    """Province and sector ids by name and slug, read once per run."""

    def __init__(self, connection: Connection) -> None:
        self.province = dict(connection.execute(select(Province.name, Province.province_id)).all())
        self.sector = dict(connection.execute(select(Sector.slug, Sector.sector_id)).all())


@dataclass
class PendingFile:
    """One file of a batch: its outcome so far and, when new, its record."""

    path: str
    outcome: str  # loaded, unchanged, rejected; loaded may become replaced
    reason: str | None = None
    sha256: str | None = None
    record: ArticleRecord | None = None
    article_id: int | None = None
    # Unchanged because the same text is stored under another name.
    is_copy: bool = False


def existing_articles(
    cursor: psycopg.Cursor[Any], shas: Sequence[str]
) -> dict[str, tuple[int, str]]:
    """Articles already stored with these content hashes: sha -> (id, source path)."""
    if not shas:
        return {}
    cursor.execute(
        "select content_sha256, source_article_id, source_path from source_article"
        " where content_sha256 = any(%s)",
        [list(shas)],
    )
    return {sha: (article_id, path) for sha, article_id, path in cursor.fetchall()}


def _allocate_ids(cursor: psycopg.Cursor[Any], table: str, column: str, count: int) -> list[int]:
    if count == 0:
        return []
    cursor.execute(
        "select nextval(pg_get_serial_sequence(%s, %s)) from generate_series(1, %s)",
        [table, column, count],
    )
    return [row[0] for row in cursor.fetchall()]


def _copy(
    cursor: psycopg.Cursor[Any], table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    with cursor.copy(f"copy {table} ({', '.join(columns)}) from stdin") as copy:
        for row in rows:
            copy.write_row(row)


@dataclass
class _Rows:
    """The rows of one batch, table by table, in the order COPY needs them."""

    source_article: list[tuple[Any, ...]] = field(default_factory=list)
    province_mention: list[tuple[Any, ...]] = field(default_factory=list)
    # Statements before initiatives: an initiative may point at the statement that announced it.
    statement: list[tuple[Any, ...]] = field(default_factory=list)
    statement_topic: list[tuple[Any, ...]] = field(default_factory=list)
    initiative: list[tuple[Any, ...]] = field(default_factory=list)
    initiative_sector: list[tuple[Any, ...]] = field(default_factory=list)
    quantitative_target: list[tuple[Any, ...]] = field(default_factory=list)


@dataclass(frozen=True)
class _Table:
    """A table the loader copies into: the ids and references it supplies
    (``keys``), then every column that is a field of the record, by name."""

    model: type[Base]
    record: type[BaseModel]
    keys: tuple[str, ...]

    # Worked out once per table, not per row: a batch has tens of thousands of rows.
    @cached_property
    def fields(self) -> tuple[str, ...]:
        return tuple(
            column.name
            for column in self.model.__table__.columns
            if column.name in self.record.model_fields and column.name not in self.keys
        )

    @cached_property
    def columns(self) -> tuple[str, ...]:
        return (*self.keys, *self.fields)

    @cached_property
    def _values(self) -> Callable[[BaseModel], tuple[Any, ...]]:
        getter = attrgetter(*self.fields)
        return (lambda record: (getter(record),)) if len(self.fields) == 1 else getter

    def row(self, record: BaseModel, *keys: Any) -> tuple[Any, ...]:
        return (*keys, *self._values(record))


# In the order COPY needs them: statements before the initiatives that point at them.
TABLES = {
    "source_article": _Table(SourceArticle, ArticleRecord, ("source_article_id", "etl_run_id")),
    "province_mention": _Table(
        ProvinceMention, MentionRecord, ("source_article_id", "province_id")
    ),
    "statement": _Table(
        Statement, StatementRecord, ("statement_id", "source_article_id", "expert_id")
    ),
    "statement_topic": _Table(StatementTopic, TopicRecord, ("statement_id", "sector_id")),
    "initiative": _Table(
        Initiative,
        InitiativeRecord,
        ("initiative_id", "source_article_id", "province_id", "statement_id"),
    ),
    "initiative_sector": _Table(InitiativeSector, SectorRecord, ("initiative_id", "sector_id")),
    "quantitative_target": _Table(QuantitativeTarget, TargetRecord, ("initiative_id",)),
}


def _organization_ids(cursor: psycopg.Cursor[Any], experts: list[ExpertRecord]) -> dict[str, int]:
    parents: dict[str, str] = {}
    names: set[str] = set()
    for expert in experts:
        if expert.organization:
            names.add(expert.organization)
            parent = expert.parent_organization
            if parent and parent != expert.organization:
                names.add(parent)
                parents.setdefault(expert.organization, parent)
    if not names:
        return {}
    ordered = sorted(names)
    cursor.execute(
        "insert into organization (name) select unnest(%s::text[]) on conflict (name) do nothing",
        [ordered],
    )
    cursor.execute("select name, organization_id from organization where name = any(%s)", [ordered])
    ids: dict[str, int] = dict(cursor.fetchall())
    if parents:
        # The first parent an article gives is kept; a later one does not move it.
        children = sorted(parents)
        cursor.execute(
            """
            update organization set parent_organization_id = v.parent_id
            from unnest(%s::bigint[], %s::bigint[]) as v (id, parent_id)
            where organization.organization_id = v.id
              and organization.parent_organization_id is null
            """,
            [[ids[c] for c in children], [ids[parents[c]] for c in children]],
        )
    return ids


def _expert_ids(
    cursor: psycopg.Cursor[Any], experts: list[ExpertRecord], organizations: dict[str, int]
) -> dict[tuple[str, int | None], int]:
    if not experts:
        return {}
    titles: dict[tuple[str, int | None], str | None] = {}
    aliases: set[tuple[str, int | None, str]] = set()
    for expert in experts:
        key = (expert.name, organizations.get(expert.organization or ""))
        if titles.get(key) is None:
            titles[key] = expert.title
        aliases.update((key[0], key[1], alias) for alias in expert.aliases)
    keys = sorted(titles, key=lambda k: (k[0], k[1] or 0))
    names = [k[0] for k in keys]
    organization_ids = [k[1] for k in keys]
    cursor.execute(
        """
        insert into expert (name, organization_id, title)
        select * from unnest(%s::text[], %s::bigint[], %s::text[])
        on conflict (name, organization_id) do update
            set title = coalesce(expert.title, excluded.title)
            where expert.title is null and excluded.title is not null
        """,
        [names, organization_ids, [titles[k] for k in keys]],
    )
    cursor.execute(
        """
        select e.name, e.organization_id, e.expert_id
        from expert as e
        join unnest(%s::text[], %s::bigint[]) as k (name, organization_id)
          on e.name = k.name and e.organization_id is not distinct from k.organization_id
        """,
        [names, organization_ids],
    )
    ids = {(name, organization_id): expert_id for name, organization_id, expert_id in cursor}
    if aliases:
        ordered = sorted(aliases, key=lambda a: (a[0], a[1] or 0, a[2]))
        cursor.execute(
            """
            insert into expert_alias (expert_id, alias)
            select * from unnest(%s::bigint[], %s::text[])
            on conflict do nothing
            """,
            [[ids[(a[0], a[1])] for a in ordered], [a[2] for a in ordered]],
        )
    return {key: ids[key] for key in keys}


def _expert_keys(
    record: ArticleRecord, organizations: dict[str, int]
) -> dict[str, tuple[str, int | None]]:
    return {
        expert.name: (expert.name, organizations.get(expert.organization or ""))
        for expert in record.experts
    }


def load_batch(
    connection: psycopg.Connection[Any],
    files: list[PendingFile],
    refs: ReferenceIds,
    run_id: int,
    claimed: Mapping[int, str] | None = None,
) -> None:
    """Write the batch's new articles, their facts and every file's outcome.

    Runs inside the caller's transaction. Sets ``article_id`` on each file and
    turns ``loaded`` into ``replaced`` where an older version was at that path.
    ``claimed`` maps stored articles to another file of this run holding the
    same text: replacing their path moves them to that file instead of
    deleting them, so a copy made before an edit keeps its article.
    """
    cursor = connection.cursor()
    new = [f for f in files if f.outcome == "loaded" and f.record is not None]
    _retire_paths(cursor, files, new, claimed or {})
    _copy_facts(cursor, new, refs, run_id)
    _resolve_copies(cursor, files, new)
    _copy(
        cursor,
        "etl_run_file",
        ("etl_run_id", "path", "content_sha256", "outcome", "reason", "source_article_id"),
        ((run_id, f.path, f.sha256, f.outcome, f.reason, f.article_id) for f in files),
    )


def _retire_paths(
    cursor: psycopg.Cursor[Any],
    files: list[PendingFile],
    new: list[PendingFile],
    claimed: Mapping[int, str],
) -> None:
    """A file whose text is new, or now the same as another file's, no longer holds
    what was read from its path before: that article goes, unless another file of
    this run still holds its text (then it moves there)."""
    copies = [f for f in files if f.outcome == "unchanged" and f.is_copy]
    paths = [f.path for f in new] + [f.path for f in copies]
    if not paths:
        return
    in_use = [f.article_id for f in copies if f.article_id is not None]
    cursor.execute(
        "select source_article_id, source_path from source_article"
        " where source_path = any(%s) and source_article_id = any(%s)",
        [paths, list(claimed)],
    )
    moved = cursor.fetchall()
    if moved:
        cursor.execute(
            """
            update source_article set source_path = moved.path
            from unnest(%s::bigint[], %s::text[]) as moved (id, path)
            where source_article.source_article_id = moved.id
            """,
            [[article_id for article_id, _ in moved], [claimed[a] for a, _ in moved]],
        )
    # Facts go with their article (cascade), once the summaries have taken them out.
    replaced = set(summaries.delete_articles(cursor, paths, in_use)) | {p for _, p in moved}
    for pending in new:
        if pending.path in replaced:
            pending.outcome = "replaced"


def _copy_facts(
    cursor: psycopg.Cursor[Any], new: list[PendingFile], refs: ReferenceIds, run_id: int
) -> None:
    """The new articles and their facts, ids drawn up front, one COPY per table."""
    records = [f.record for f in new if f.record is not None]
    all_experts = [expert for record in records for expert in record.experts]
    organizations = _organization_ids(cursor, all_experts)
    experts = _expert_ids(cursor, all_experts, organizations)
    article_ids = _allocate_ids(cursor, "source_article", "source_article_id", len(records))
    initiative_ids = iter(
        _allocate_ids(
            cursor, "initiative", "initiative_id", sum(len(r.initiatives) for r in records)
        )
    )
    statement_ids = iter(
        _allocate_ids(cursor, "statement", "statement_id", sum(len(r.statements) for r in records))
    )
    rows = _Rows()
    for pending, record, article_id in zip(new, records, article_ids, strict=True):
        pending.article_id = article_id
        _article_rows(rows, record, article_id, run_id, refs, experts, organizations,
                      initiative_ids, statement_ids)  # fmt: skip
    for name, table in TABLES.items():
        table_rows = getattr(rows, name)
        if table_rows:
            _copy(cursor, name, table.columns, table_rows)


def _resolve_copies(
    cursor: psycopg.Cursor[Any], files: list[PendingFile], new: list[PendingFile]
) -> None:
    """Point each copy of a text first read earlier in this run at the article it made.

    The copy was marked unchanged before that article had an id (it may be in
    this very batch). When the text was rejected after all, so is the copy:
    "unchanged" would claim an article that is not there.
    """
    copies = [f for f in files if f.outcome == "unchanged" and f.article_id is None and f.sha256]
    if not copies:
        return
    ids = {f.sha256: f.article_id for f in new if f.sha256 and f.article_id is not None}
    missing = [f.sha256 for f in copies if f.sha256 and f.sha256 not in ids]
    ids.update((sha, found[0]) for sha, found in existing_articles(cursor, missing).items())
    for copy in copies:
        copy.article_id = ids.get(copy.sha256 or "")
        if copy.article_id is None:
            copy.outcome = "rejected"
            copy.reason = (
                f"{copy.reason or 'same text as a file'} that was rejected; see its reason"
            )


def _article_rows(
    rows: _Rows,
    record: ArticleRecord,
    article_id: int,
    run_id: int,
    refs: ReferenceIds,
    experts: dict[tuple[str, int | None], int],
    organizations: dict[str, int],
    initiative_ids: Any,
    statement_ids: Any,
) -> None:
    rows.source_article.append(TABLES["source_article"].row(record, article_id, run_id))
    mention = TABLES["province_mention"]
    rows.province_mention.extend(
        mention.row(m, article_id, refs.province[m.province]) for m in record.mentions
    )
    speakers = _expert_keys(record, organizations)
    statement_at: dict[int, int] = {}
    for statement in record.statements:
        statement_id = next(statement_ids)
        statement_at[statement.span_start] = statement_id
        key = speakers.get(statement.expert_name) if statement.expert_name else None
        rows.statement.append(
            TABLES["statement"].row(
                statement, statement_id, article_id, experts[key] if key else None
            )
        )
        rows.statement_topic.extend(
            TABLES["statement_topic"].row(t, statement_id, refs.sector[t.slug])
            for t in statement.topics
        )
    for initiative in record.initiatives:
        initiative_id = next(initiative_ids)
        announced_by = (
            statement_at[initiative.statement_start]
            if initiative.statement_start is not None
            else None
        )
        rows.initiative.append(
            TABLES["initiative"].row(
                initiative,
                initiative_id,
                article_id,
                refs.province[initiative.province],
                announced_by,
            )
        )
        rows.initiative_sector.extend(
            TABLES["initiative_sector"].row(
                s, initiative_id, refs.sector[s.slug] if s.slug else None
            )
            for s in initiative.sectors
        )
        rows.quantitative_target.extend(
            TABLES["quantitative_target"].row(t, initiative_id) for t in initiative.targets
        )
