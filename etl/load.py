"""Stage 4, load: one article and all its facts in one transaction."""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from db.models import (
    Expert,
    ExpertAlias,
    Initiative,
    InitiativeSector,
    Organization,
    Province,
    ProvinceMention,
    QuantitativeTarget,
    Sector,
    SourceArticle,
    Statement,
    StatementTopic,
)
from etl.validate import ArticleRecord


class ReferenceIds:
    """Province and sector ids by name and slug, read once per run."""

    def __init__(self, connection: Connection) -> None:
        self.province = dict(connection.execute(select(Province.name, Province.province_id)).all())
        self.sector = dict(connection.execute(select(Sector.slug, Sector.sector_id)).all())


def find_by_sha(connection: Connection, sha256: str) -> tuple[int, str] | None:
    row = connection.execute(
        select(SourceArticle.source_article_id, SourceArticle.source_path).where(
            SourceArticle.content_sha256 == sha256
        )
    ).first()
    return (row[0], row[1]) if row else None


def delete_articles_at(connection: Connection, source_path: str) -> int:
    """Remove the articles previously read from this path; facts go with them (cascade)."""
    result = connection.execute(
        delete(SourceArticle).where(SourceArticle.source_path == source_path)
    )
    return result.rowcount or 0


def _organization_id(connection: Connection, name: str | None, parent: str | None) -> int | None:
    if not name:
        return None
    parent_id = _organization_id(connection, parent, None) if parent and parent != name else None
    connection.execute(
        pg_insert(Organization)
        .values(name=name, parent_organization_id=parent_id)
        .on_conflict_do_nothing(index_elements=[Organization.name])
    )
    organization_id, existing_parent = connection.execute(
        select(Organization.organization_id, Organization.parent_organization_id).where(
            Organization.name == name
        )
    ).one()
    if existing_parent is None and parent_id is not None:
        connection.execute(
            update(Organization)
            .where(Organization.organization_id == organization_id)
            .values(parent_organization_id=parent_id)
        )
    return int(organization_id)


def _expert_ids(connection: Connection, record: ArticleRecord) -> dict[str, int]:
    ids: dict[str, int] = {}
    for expert in record.experts:
        organization_id = _organization_id(
            connection, expert.organization, expert.parent_organization
        )
        existing = connection.execute(
            select(Expert.expert_id, Expert.title).where(
                Expert.name == expert.name,
                Expert.organization_id.is_(None)
                if organization_id is None
                else Expert.organization_id == organization_id,
            )
        ).first()
        if existing is None:
            expert_id = connection.execute(
                insert(Expert)
                .values(name=expert.name, title=expert.title, organization_id=organization_id)
                .returning(Expert.expert_id)
            ).scalar_one()
        else:
            expert_id = existing[0]
            if existing[1] is None and expert.title:
                connection.execute(
                    update(Expert).where(Expert.expert_id == expert_id).values(title=expert.title)
                )
        for alias in expert.aliases:
            connection.execute(
                pg_insert(ExpertAlias)
                .values(expert_id=expert_id, alias=alias)
                .on_conflict_do_nothing()
            )
        ids[expert.name] = int(expert_id)
    return ids


def load_article(
    connection: Connection, record: ArticleRecord, refs: ReferenceIds, run_id: int
) -> int:
    article_id = connection.execute(
        insert(SourceArticle)
        .values(
            content_sha256=record.content_sha256,
            source_path=record.source_path,
            url=record.url,
            outlet=record.outlet,
            dateline_city=record.dateline_city,
            published_on=record.published_on,
            is_date_inferred=record.is_date_inferred,
            reporter=record.reporter,
            headline=record.headline,
            language=record.language,
            body=record.body,
            etl_run_id=run_id,
        )
        .returning(SourceArticle.source_article_id)
    ).scalar_one()
    mentions = [
        {
            "source_article_id": article_id,
            "province_id": refs.province[m.province],
            "role": m.role,
            "matched_text": m.text,
            "span_start": m.start,
            "span_end": m.end,
        }
        for m in record.mentions
    ]
    if mentions:
        connection.execute(insert(ProvinceMention), mentions)
    for initiative in record.initiatives:
        initiative_id = connection.execute(
            insert(Initiative)
            .values(
                source_article_id=article_id,
                province_id=refs.province[initiative.province],
                event_kind=initiative.event_kind,
                event_on=initiative.event_on,
                event_text=initiative.event_text,
                clause_text=initiative.text,
                span_start=initiative.start,
                span_end=initiative.end,
                sentence_index=initiative.sentence_index,
                sentence_text=initiative.sentence_text,
            )
            .returning(Initiative.initiative_id)
        ).scalar_one()
        if initiative.sectors:
            connection.execute(
                insert(InitiativeSector),
                [
                    {
                        "initiative_id": initiative_id,
                        "sector_id": refs.sector[s.slug],
                        "matched_text": s.text,
                        "span_start": s.start,
                        "span_end": s.end,
                    }
                    for s in initiative.sectors
                ],
            )
        if initiative.targets:
            connection.execute(
                insert(QuantitativeTarget),
                [
                    {
                        "initiative_id": initiative_id,
                        "quantity": t.quantity,
                        "is_approximate": t.is_approximate,
                        "target_text": t.text,
                        "span_start": t.start,
                        "span_end": t.end,
                    }
                    for t in initiative.targets
                ],
            )
    experts = _expert_ids(connection, record)
    for statement in record.statements:
        statement_id = connection.execute(
            insert(Statement)
            .values(
                source_article_id=article_id,
                expert_id=experts.get(statement.expert_name) if statement.expert_name else None,
                speaker_text=statement.speaker_text,
                verb=statement.verb,
                kind=statement.kind,
                statement_text=statement.text,
                span_start=statement.start,
                span_end=statement.end,
            )
            .returning(Statement.statement_id)
        ).scalar_one()
        if statement.topics:
            connection.execute(
                insert(StatementTopic),
                [
                    {
                        "statement_id": statement_id,
                        "sector_id": refs.sector[t.slug],
                        "matched_text": t.text,
                        "span_start": t.start,
                        "span_end": t.end,
                    }
                    for t in statement.topics
                ],
            )
    return int(article_id)
