"""Summaries kept by the loader: rollup tables in analytics_cache, adjusted batch by batch

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-28

Every run that loaded anything ended by refreshing the materialized summaries
from all fact rows: about 5 s at 10,000 articles and 51 s at 100,000, growing
with the corpus, not with the run, and a kill during the refresh left them
stale until the next run (migration 0010's etl_run.summaries_refreshed_at).

Now the summaries are rollup tables in a schema of their own,
analytics_cache, which readers cannot use (the analytics views read it with
their owner's rights; revision 0018 turns the materialized views into plain
views over it). The ETL calls analytics_cache.apply_articles(ids, 1) for the
articles a batch added and apply_articles(ids, -1) for the ones it is about
to delete (an edited file's old text), in the batch's own transaction: a
committed batch is always counted, a killed run leaves nothing stale, and
readers see a batch whole or not at all. So etl_run.summaries_refreshed_at
has nothing left to record and goes.

Every measure counts things that belong to one article (an initiative, a
mention, a statement), so per-article deltas add up exactly; "how many
distinct provinces (sectors) target this" is the number of key rows in
province_sector_rollup, never a sum of counts. Dates cannot be subtracted: on
removal, a first or last date that the removed articles held is looked up
again, without them. analytics_cache.rebuild() (`policydb db refresh --full`)
recomputes every rollup from the base tables; this revision runs it once.

Both functions are SECURITY DEFINER (the loader owns nothing) and executable
by policy_loader only; rebuild() locks the rollups against a batch (readers
are not blocked). They run with plan_cache_mode = force_custom_plan, so a
batch of 200 ids and a rebuild over every article each get their own plan.
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

LOADER_ROLE = "policy_loader"

TABLES = """
create schema analytics_cache;
comment on schema analytics_cache is
    'Summaries the analytics views read, kept current by the ETL in each batch''s transaction. Not for readers: they read the analytics views.';
revoke all on schema analytics_cache from public;

create table analytics_cache.province_sector_rollup (
    province_id smallint not null,
    sector_id integer not null,
    initiative_count bigint not null,
    article_count bigint not null,
    first_published_on date,
    last_published_on date,
    constraint pk_province_sector_rollup primary key (province_id, sector_id)
);
comment on table analytics_cache.province_sector_rollup is
    'Per province and named sector: what analytics.province_sector_focus shows. A row exists while at least one article counts for it.';
comment on column analytics_cache.province_sector_rollup.province_id is 'The province (province.province_id).';
comment on column analytics_cache.province_sector_rollup.sector_id is 'The sector its initiatives name (sector.sector_id).';
comment on column analytics_cache.province_sector_rollup.initiative_count is 'Initiatives of the province that name the sector.';
comment on column analytics_cache.province_sector_rollup.article_count is 'Articles reporting those initiatives.';
comment on column analytics_cache.province_sector_rollup.first_published_on is 'Publication date of the earliest of those articles.';
comment on column analytics_cache.province_sector_rollup.last_published_on is 'Publication date of the latest of those articles.';

create table analytics_cache.province_sector_term_rollup (
    province_id smallint not null,
    sector_id integer not null,
    term text not null,
    occurrence_count bigint not null,
    constraint pk_province_sector_term_rollup primary key (province_id, sector_id, term)
);
comment on table analytics_cache.province_sector_term_rollup is
    'Per province, named sector and lowercased matched words: how often they occur (province_sector_focus.matched_terms lists the words with a row).';
comment on column analytics_cache.province_sector_term_rollup.province_id is 'The province (province.province_id).';
comment on column analytics_cache.province_sector_term_rollup.sector_id is 'The sector (sector.sector_id).';
comment on column analytics_cache.province_sector_term_rollup.term is 'The words an article used, lowercased.';
comment on column analytics_cache.province_sector_term_rollup.occurrence_count is 'Initiative-sector rows with those words.';

create table analytics_cache.sector_rollup (
    sector_id integer not null,
    initiative_count bigint not null,
    article_count bigint not null,
    constraint pk_sector_rollup primary key (sector_id)
);
comment on table analytics_cache.sector_rollup is
    'Per sector, counting initiatives that name it or any sector below it: what analytics.sector_popularity counts.';
comment on column analytics_cache.sector_rollup.sector_id is 'The sector (sector.sector_id).';
comment on column analytics_cache.sector_rollup.initiative_count is 'Initiatives naming it or a sector below it.';
comment on column analytics_cache.sector_rollup.article_count is 'Articles reporting those initiatives.';

create table analytics_cache.province_rollup (
    province_id smallint not null,
    article_count bigint not null,
    last_published_on date,
    initiative_count bigint not null,
    target_count bigint not null,
    constraint pk_province_rollup primary key (province_id)
);
comment on table analytics_cache.province_rollup is
    'Per province: what analytics.province_overview counts.';
comment on column analytics_cache.province_rollup.province_id is 'The province (province.province_id).';
comment on column analytics_cache.province_rollup.article_count is 'Articles naming the province (a dateline alone does not count).';
comment on column analytics_cache.province_rollup.last_published_on is 'Publication date of the latest of those articles.';
comment on column analytics_cache.province_rollup.initiative_count is 'Initiatives of the province.';
comment on column analytics_cache.province_rollup.target_count is 'Quantitative targets in its initiatives.';

create table analytics_cache.article_rollup (
    source_article_id bigint not null,
    province_count bigint not null,
    initiative_count bigint not null,
    statement_count bigint not null,
    constraint pk_article_rollup primary key (source_article_id)
);
comment on table analytics_cache.article_rollup is
    'Per article: the counts analytics.article_catalog shows.';
comment on column analytics_cache.article_rollup.source_article_id is 'The article (source_article.source_article_id).';
comment on column analytics_cache.article_rollup.province_count is 'Provinces it names (its dateline alone does not count).';
comment on column analytics_cache.article_rollup.initiative_count is 'Initiatives extracted from it.';
comment on column analytics_cache.article_rollup.statement_count is 'Expert statements extracted from it.';

create table analytics_cache.run_rollup (
    etl_run_id bigint not null,
    article_count bigint not null,
    articles_without_province bigint not null,
    unresolved_speakers bigint not null,
    initiatives_without_sector bigint not null,
    unmapped_sector_terms bigint not null,
    constraint pk_run_rollup primary key (etl_run_id)
);
comment on table analytics_cache.run_rollup is
    'Per ETL run, over the articles it loaded that are still stored: what analytics.etl_run_gaps shows.';
comment on column analytics_cache.run_rollup.etl_run_id is 'The run (etl_run.etl_run_id).';
comment on column analytics_cache.run_rollup.article_count is 'Articles the run loaded that are still stored.';
comment on column analytics_cache.run_rollup.articles_without_province is 'Of those, articles naming no province.';
comment on column analytics_cache.run_rollup.unresolved_speakers is 'Statements in them whose speaker was not tied to an expert.';
comment on column analytics_cache.run_rollup.initiatives_without_sector is 'Initiatives in them that name no sector.';
comment on column analytics_cache.run_rollup.unmapped_sector_terms is 'Sector terms in them that the taxonomy does not know.';
"""

# What one article adds to each rollup, times factor: 1 after it is written,
# -1 before it is deleted (its facts are still there to be counted).
APPLY_FUNCTION = """
create function analytics_cache.apply_articles(article_ids bigint[], factor integer)
returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
set plan_cache_mode = force_custom_plan
as $$
begin
    if factor is null or factor not in (1, -1) then
        raise exception 'factor must be 1 (articles written) or -1 (articles about to be deleted), not %', factor;
    end if;
    if coalesce(cardinality(article_ids), 0) = 0 then
        return;
    end if;

    -- Province x named sector. A removal that held the first or last date
    -- looks it up again among the other articles.
    insert into analytics_cache.province_sector_rollup as r (
        province_id, sector_id, initiative_count, article_count,
        first_published_on, last_published_on
    )
    select
        initiative.province_id,
        initiative_sector.sector_id,
        factor * count(distinct initiative.initiative_id),
        factor * count(distinct initiative.source_article_id),
        min(source_article.published_on),
        max(source_article.published_on)
    from public.initiative
    inner join public.initiative_sector
        on initiative_sector.initiative_id = initiative.initiative_id
    inner join public.source_article
        on source_article.source_article_id = initiative.source_article_id
    where initiative.source_article_id = any(article_ids)
        and initiative_sector.sector_id is not null
    group by initiative.province_id, initiative_sector.sector_id
    order by initiative.province_id, initiative_sector.sector_id
    on conflict (province_id, sector_id) do update set
        initiative_count = r.initiative_count + excluded.initiative_count,
        article_count = r.article_count + excluded.article_count,
        first_published_on = case
            when factor > 0 then least(r.first_published_on, excluded.first_published_on)
            when excluded.first_published_on > r.first_published_on then r.first_published_on
            else (
                select min(other.published_on)
                from public.initiative as i
                inner join public.initiative_sector as s on s.initiative_id = i.initiative_id
                inner join public.source_article as other
                    on other.source_article_id = i.source_article_id
                where i.province_id = r.province_id
                    and s.sector_id = r.sector_id
                    and not i.source_article_id = any(article_ids)
            )
        end,
        last_published_on = case
            when factor > 0 then greatest(r.last_published_on, excluded.last_published_on)
            when excluded.last_published_on < r.last_published_on then r.last_published_on
            else (
                select max(other.published_on)
                from public.initiative as i
                inner join public.initiative_sector as s on s.initiative_id = i.initiative_id
                inner join public.source_article as other
                    on other.source_article_id = i.source_article_id
                where i.province_id = r.province_id
                    and s.sector_id = r.sector_id
                    and not i.source_article_id = any(article_ids)
            )
        end;

    insert into analytics_cache.province_sector_term_rollup as r (
        province_id, sector_id, term, occurrence_count
    )
    select
        initiative.province_id,
        initiative_sector.sector_id,
        lower(initiative_sector.matched_text),
        factor * count(*)
    from public.initiative
    inner join public.initiative_sector
        on initiative_sector.initiative_id = initiative.initiative_id
    where initiative.source_article_id = any(article_ids)
        and initiative_sector.sector_id is not null
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (province_id, sector_id, term) do update set
        occurrence_count = r.occurrence_count + excluded.occurrence_count;

    -- Each sector counts initiatives naming it or any sector below it.
    with recursive lineage as (
        select sector.sector_id, sector.sector_id as ancestor_sector_id
        from public.sector
        union all
        select lineage.sector_id, ancestor.parent_sector_id
        from lineage
        inner join public.sector as ancestor on ancestor.sector_id = lineage.ancestor_sector_id
        where ancestor.parent_sector_id is not null
    )
    insert into analytics_cache.sector_rollup as r (sector_id, initiative_count, article_count)
    select
        lineage.ancestor_sector_id,
        factor * count(distinct initiative.initiative_id),
        factor * count(distinct initiative.source_article_id)
    from public.initiative
    inner join public.initiative_sector
        on initiative_sector.initiative_id = initiative.initiative_id
    inner join lineage on lineage.sector_id = initiative_sector.sector_id
    where initiative.source_article_id = any(article_ids)
    group by lineage.ancestor_sector_id
    order by lineage.ancestor_sector_id
    on conflict (sector_id) do update set
        initiative_count = r.initiative_count + excluded.initiative_count,
        article_count = r.article_count + excluded.article_count;

    insert into analytics_cache.province_rollup as r (
        province_id, article_count, last_published_on, initiative_count, target_count
    )
    select
        deltas.province_id,
        factor * sum(deltas.article_count),
        max(deltas.last_published_on),
        factor * sum(deltas.initiative_count),
        factor * sum(deltas.target_count)
    from (
        select
            province_mention.province_id,
            count(distinct province_mention.source_article_id) as article_count,
            max(source_article.published_on) as last_published_on,
            0 as initiative_count,
            0 as target_count
        from public.province_mention
        inner join public.source_article
            on source_article.source_article_id = province_mention.source_article_id
        where province_mention.source_article_id = any(article_ids)
            and province_mention.role in ('subject', 'listed')
        group by province_mention.province_id
        union all
        select initiative.province_id, 0, null, count(*), 0
        from public.initiative
        where initiative.source_article_id = any(article_ids)
        group by initiative.province_id
        union all
        select initiative.province_id, 0, null, 0, count(*)
        from public.initiative
        inner join public.quantitative_target
            on quantitative_target.initiative_id = initiative.initiative_id
        where initiative.source_article_id = any(article_ids)
        group by initiative.province_id
    ) as deltas
    group by deltas.province_id
    order by deltas.province_id
    on conflict (province_id) do update set
        article_count = r.article_count + excluded.article_count,
        initiative_count = r.initiative_count + excluded.initiative_count,
        target_count = r.target_count + excluded.target_count,
        last_published_on = case
            when factor > 0 then greatest(r.last_published_on, excluded.last_published_on)
            when excluded.last_published_on < r.last_published_on then r.last_published_on
            else (
                select max(other.published_on)
                from public.province_mention as m
                inner join public.source_article as other
                    on other.source_article_id = m.source_article_id
                where m.province_id = r.province_id
                    and m.role in ('subject', 'listed')
                    and not m.source_article_id = any(article_ids)
            )
        end;

    if factor > 0 then
        insert into analytics_cache.article_rollup as r (
            source_article_id, province_count, initiative_count, statement_count
        )
        select
            source_article.source_article_id,
            coalesce(provinces.province_count, 0),
            coalesce(initiatives.initiative_count, 0),
            coalesce(statements.statement_count, 0)
        from public.source_article
        left join (
            select source_article_id, count(distinct province_id) as province_count
            from public.province_mention
            where source_article_id = any(article_ids) and role in ('subject', 'listed')
            group by source_article_id
        ) as provinces on provinces.source_article_id = source_article.source_article_id
        left join (
            select source_article_id, count(*) as initiative_count
            from public.initiative
            where source_article_id = any(article_ids)
            group by source_article_id
        ) as initiatives on initiatives.source_article_id = source_article.source_article_id
        left join (
            select source_article_id, count(*) as statement_count
            from public.statement
            where source_article_id = any(article_ids)
            group by source_article_id
        ) as statements on statements.source_article_id = source_article.source_article_id
        where source_article.source_article_id = any(article_ids)
        order by source_article.source_article_id
        on conflict (source_article_id) do update set
            province_count = excluded.province_count,
            initiative_count = excluded.initiative_count,
            statement_count = excluded.statement_count;
    else
        delete from analytics_cache.article_rollup where source_article_id = any(article_ids);
    end if;

    insert into analytics_cache.run_rollup as r (
        etl_run_id, article_count, articles_without_province, unresolved_speakers,
        initiatives_without_sector, unmapped_sector_terms
    )
    select
        source_article.etl_run_id,
        factor * count(*),
        factor * count(*) filter (where not exists (
            select from public.province_mention
            where province_mention.source_article_id = source_article.source_article_id
                and province_mention.role in ('subject', 'listed')
        )),
        factor * coalesce(sum(speakers.unresolved), 0),
        factor * coalesce(sum(bare.initiatives), 0),
        factor * coalesce(sum(unmapped.terms), 0)
    from public.source_article
    left join (
        select source_article_id, count(*) as unresolved
        from public.statement
        where source_article_id = any(article_ids) and expert_id is null
        group by source_article_id
    ) as speakers on speakers.source_article_id = source_article.source_article_id
    left join (
        select initiative.source_article_id, count(*) as initiatives
        from public.initiative
        where initiative.source_article_id = any(article_ids)
            and not exists (
                select from public.initiative_sector
                where initiative_sector.initiative_id = initiative.initiative_id
            )
        group by initiative.source_article_id
    ) as bare on bare.source_article_id = source_article.source_article_id
    left join (
        select initiative.source_article_id, count(*) as terms
        from public.initiative
        inner join public.initiative_sector
            on initiative_sector.initiative_id = initiative.initiative_id
        where initiative.source_article_id = any(article_ids)
            and initiative_sector.sector_id is null
        group by initiative.source_article_id
    ) as unmapped on unmapped.source_article_id = source_article.source_article_id
    where source_article.source_article_id = any(article_ids)
        and source_article.etl_run_id is not null
    group by source_article.etl_run_id
    order by source_article.etl_run_id
    on conflict (etl_run_id) do update set
        article_count = r.article_count + excluded.article_count,
        articles_without_province = r.articles_without_province + excluded.articles_without_province,
        unresolved_speakers = r.unresolved_speakers + excluded.unresolved_speakers,
        initiatives_without_sector = r.initiatives_without_sector + excluded.initiatives_without_sector,
        unmapped_sector_terms = r.unmapped_sector_terms + excluded.unmapped_sector_terms;

    -- Keys nothing counts for any more go: a row means "at least one".
    if factor < 0 then
        delete from analytics_cache.province_sector_rollup where article_count <= 0;
        delete from analytics_cache.province_sector_term_rollup where occurrence_count <= 0;
        delete from analytics_cache.sector_rollup where article_count <= 0;
        delete from analytics_cache.province_rollup
        where article_count <= 0 and initiative_count <= 0 and target_count <= 0;
        delete from analytics_cache.run_rollup where article_count <= 0;
    end if;
end
$$;
comment on function analytics_cache.apply_articles(bigint[], integer) is
    'Add (factor 1, after writing them) or take away (factor -1, before deleting them) what these articles count for in every rollup; the ETL calls it in each batch''s transaction.';

create function analytics_cache.rebuild()
returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    -- A batch applying its articles meanwhile waits (and then adds to the
    -- rebuilt counts); readers are not blocked. Same table order as apply_articles.
    lock table analytics_cache.province_sector_rollup, analytics_cache.province_sector_term_rollup,
        analytics_cache.sector_rollup, analytics_cache.province_rollup,
        analytics_cache.article_rollup, analytics_cache.run_rollup
        in exclusive mode;
    delete from analytics_cache.province_sector_rollup;
    delete from analytics_cache.province_sector_term_rollup;
    delete from analytics_cache.sector_rollup;
    delete from analytics_cache.province_rollup;
    delete from analytics_cache.article_rollup;
    delete from analytics_cache.run_rollup;
    perform analytics_cache.apply_articles(
        array(select source_article_id from public.source_article order by source_article_id), 1
    );
end
$$;
comment on function analytics_cache.rebuild() is
    'Recompute every rollup from the base tables (policydb db refresh --full): after articles were deleted by hand, or to check for drift.';

revoke all on function analytics_cache.apply_articles(bigint[], integer) from public;
revoke all on function analytics_cache.rebuild() from public;
grant usage on schema analytics_cache to {loader};
grant execute on function analytics_cache.apply_articles(bigint[], integer) to {loader};
grant execute on function analytics_cache.rebuild() to {loader};

select analytics_cache.rebuild();
""".replace("{loader}", LOADER_ROLE)

DROP_REFRESH = """
drop function analytics.refresh_views();
revoke usage on schema analytics from policy_loader;
alter table etl_run drop column summaries_refreshed_at;
"""

# Revision 0004's function and 0010's column, as they were.
RESTORE_REFRESH = """
create or replace function analytics.refresh_views() returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    view_name regclass;
begin
    -- Creation order (oid) is dependency order: migrations create views
    -- after the views they read.
    for view_name in
        select format('%I.%I', schemaname, matviewname)::regclass
        from pg_matviews
        where schemaname = 'analytics'
        order by 1
    loop
        execute format('refresh materialized view concurrently %s', view_name);
    end loop;
end
$$;
comment on function analytics.refresh_views() is
    'Refresh every materialized view in analytics without blocking readers; the ETL calls it after a run.';
revoke all on function analytics.refresh_views() from public;
grant usage on schema analytics to policy_loader;
grant execute on function analytics.refresh_views() to policy_loader;
alter table etl_run add column summaries_refreshed_at timestamp with time zone;
comment on column etl_run.summaries_refreshed_at is
    'When the analytics summaries were refreshed after this run''s loads; null while they still miss them (the next run refreshes first).';
update etl_run set summaries_refreshed_at = coalesce(finished_at, started_at);
"""

DOWNGRADE = """
drop schema analytics_cache cascade;
"""


def _execute(sql: str) -> None:
    # Through the DBAPI cursor: no bind parameters, so '%' and ':' stay literal.
    cursor = op.get_bind().connection.cursor()
    try:
        cursor.execute(sql)
    finally:
        cursor.close()


def upgrade() -> None:
    _execute(TABLES)
    _execute(APPLY_FUNCTION)
    _execute(DROP_REFRESH)


def downgrade() -> None:
    _execute(RESTORE_REFRESH)
    _execute(DOWNGRADE)
