"""The naive baseline: extraction as in the pipeline, then one ORM `session.add` per row.

This is the loader one writes first with SQLAlchemy's ORM: every row an
object, a flush whenever a generated id is needed for the next foreign key,
get-or-create by query for organizations and experts, a commit per article.
It uses only the public models of db/models.py and the stage functions, so it
stays a fixed yardstick whatever the real loader becomes.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import create_engine, pool, select
from sqlalchemy.orm import Session

from db.models import (
    EtlRun,
    EtlRunFile,
    Expert,
    ExpertAlias,
    Initiative,
    InitiativeSector,
    Organization,
    ProvinceMention,
    QuantitativeTarget,
    SourceArticle,
    Statement,
    StatementTopic,
)
from etl.extract.article import extract_article
from etl.extract.gazetteer import Gazetteer
from etl.load import ReferenceIds
from etl.read import RejectedFile, read_article
from etl.validate import ArticleRecord, ExpertRecord, build_record


def extract_record(path: Path, gazetteer: Gazetteer) -> ArticleRecord | None:
    """read -> extract -> validate, as the pipeline does; None for a file it would reject."""
    try:
        article = read_article(path)
        return build_record(article, extract_article(article.text, gazetteer), str(path))
    except (RejectedFile, ValidationError, ValueError, RecursionError):
        return None


def _organization(session: Session, name: str | None, parent: str | None) -> int | None:
    if not name:
        return None
    parent_id = _organization(session, parent, None) if parent and parent != name else None
    organization = session.scalars(select(Organization).where(Organization.name == name)).first()
    if organization is None:
        organization = Organization(name=name, parent_organization_id=parent_id)
        session.add(organization)
        session.flush()
    elif organization.parent_organization_id is None and parent_id is not None:
        organization.parent_organization_id = parent_id
    return organization.organization_id


def _expert(session: Session, record: ExpertRecord) -> int:
    organization_id = _organization(session, record.organization, record.parent_organization)
    expert = session.scalars(
        select(Expert).where(
            Expert.name == record.name,
            Expert.organization_id.is_(None)
            if organization_id is None
            else Expert.organization_id == organization_id,
        )
    ).first()
    if expert is None:
        expert = Expert(name=record.name, title=record.title, organization_id=organization_id)
        session.add(expert)
        session.flush()
    elif expert.title is None and record.title:
        expert.title = record.title
    for alias in record.aliases:
        known = session.scalars(
            select(ExpertAlias).where(
                ExpertAlias.expert_id == expert.expert_id, ExpertAlias.alias == alias
            )
        ).first()
        if known is None:
            session.add(ExpertAlias(expert_id=expert.expert_id, alias=alias))
    return expert.expert_id


def _article(session: Session, record: ArticleRecord, run_id: int) -> int:
    article = SourceArticle(
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
    session.add(article)
    session.flush()
    return article.source_article_id


def _initiatives(
    session: Session, record: ArticleRecord, article_id: int, refs: ReferenceIds
) -> None:
    for i in record.initiatives:
        initiative = Initiative(
            source_article_id=article_id,
            province_id=refs.province[i.province],
            event_kind=i.event_kind,
            event_on=i.event_on,
            event_text=i.event_text,
            clause_text=i.clause_text,
            span_start=i.span_start,
            span_end=i.span_end,
            sentence_index=i.sentence_index,
            sentence_text=i.sentence_text,
        )
        session.add(initiative)
        session.flush()
        for s in i.sectors:
            session.add(
                InitiativeSector(
                    initiative_id=initiative.initiative_id,
                    sector_id=refs.sector[s.slug] if s.slug else None,
                    matched_text=s.matched_text,
                    span_start=s.span_start,
                    span_end=s.span_end,
                )
            )
        for t in i.targets:
            session.add(
                QuantitativeTarget(
                    initiative_id=initiative.initiative_id,
                    quantity=t.quantity,
                    is_approximate=t.is_approximate,
                    target_text=t.target_text,
                    span_start=t.span_start,
                    span_end=t.span_end,
                )
            )


def _statements(
    session: Session, record: ArticleRecord, article_id: int, refs: ReferenceIds
) -> None:
    experts = {e.name: _expert(session, e) for e in record.experts}
    for s in record.statements:
        statement = Statement(
            source_article_id=article_id,
            expert_id=experts.get(s.expert_name) if s.expert_name else None,
            speaker_text=s.speaker_text,
            verb=s.verb,
            kind=s.kind,
            statement_text=s.statement_text,
            span_start=s.span_start,
            span_end=s.span_end,
        )
        session.add(statement)
        session.flush()
        for t in s.topics:
            session.add(
                StatementTopic(
                    statement_id=statement.statement_id,
                    sector_id=refs.sector[t.slug],
                    matched_text=t.matched_text,
                    span_start=t.span_start,
                    span_end=t.span_end,
                )
            )


def load_record(session: Session, record: ArticleRecord, refs: ReferenceIds, run_id: int) -> None:
    article_id = _article(session, record, run_id)
    for m in record.mentions:
        session.add(
            ProvinceMention(
                source_article_id=article_id,
                province_id=refs.province[m.province],
                role=m.role,
                matched_text=m.matched_text,
                span_start=m.span_start,
                span_end=m.span_end,
            )
        )
    _initiatives(session, record, article_id, refs)
    _statements(session, record, article_id, refs)
    session.add(
        EtlRunFile(
            etl_run_id=run_id,
            path=record.source_path,
            content_sha256=record.content_sha256,
            outcome="loaded",
            source_article_id=article_id,
        )
    )


def naive_seconds(url: str, paths: list[Path]) -> tuple[float, int]:
    """(seconds, articles loaded) for extract + ORM load of paths, a commit per article."""
    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        with Session(engine) as session:
            started = time.perf_counter()
            gazetteer = Gazetteer()
            refs = ReferenceIds(session.connection())
            run = EtlRun(code_version="bench-naive", process_id=os.getpid())
            session.add(run)
            session.commit()
            run_id, loaded = run.etl_run_id, 0
            for path in paths:
                record = extract_record(path, gazetteer)
                if record is not None:
                    load_record(session, record, refs, run_id)
                    session.commit()
                    loaded += 1
            return time.perf_counter() - started, loaded
    finally:
        engine.dispose()
