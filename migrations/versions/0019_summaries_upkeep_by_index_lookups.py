"""Summaries' upkeep by index lookups from the batch's articles, one pass over its facts

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-28

Revision 0017's apply_articles filtered each fact table with
`source_article_id = any(ids)` and left the plan to statistics. Loading into
fresh tables there are none, the planner takes any(200 ids) for the whole
table, and each batch scanned every initiative-sector row several times
(and JIT-compiled the scans): a 10,000-article load spent 86 s in load
transactions instead of 29. The work of a batch must follow the batch.

Now analytics_cache.count_articles(ids, factor) reads the batch's facts
starting from unnest(ids) (whose size the planner knows), once per fact kind:
one pass over its initiative-sector rows feeds the province x sector, term
and sector rollups (data-modifying CTEs), one over its articles the article
and run rollups, one the province rollup. apply_articles(ids, factor), what
the ETL calls per batch, runs it with seq scans, hash and merge joins and JIT
off, so every plan is index lookups from those ids whatever the statistics
say; rebuild() calls count_articles over every article with the planner's
own choice. The rollups get fillfactor 50: their rows are updated by every
batch, and room on the page keeps those updates HOT (no index entry each).
"""

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

ROLLUPS = (
    "province_sector_rollup",
    "province_sector_term_rollup",
    "sector_rollup",
    "province_rollup",
    "article_rollup",
    "run_rollup",
)

COUNT_FUNCTION = """
create function analytics_cache.count_articles(article_ids bigint[], factor integer)
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

    -- Every source is read starting from the articles' ids (joins in this
    -- order; row filters in aggregates, not where no index may serve them).
    with recursive

    facts as materialized (
        -- The batch's initiatives, each with its sector rows (or one row without).
        select
            initiative.province_id,
            initiative.initiative_id,
            initiative.source_article_id,
            source_article.published_on,
            initiative_sector.initiative_sector_id,
            initiative_sector.sector_id,
            initiative_sector.matched_text
        from unnest(article_ids) as batch (source_article_id)
        inner join public.source_article
            on source_article.source_article_id = batch.source_article_id
        inner join public.initiative
            on initiative.source_article_id = batch.source_article_id
        left join public.initiative_sector
            on initiative_sector.initiative_id = initiative.initiative_id
    ),

    named as (
        select facts.*
        from facts
        where facts.sector_id is not null
    ),

    mentions as materialized (
        -- Provinces the batch's articles name (a dateline alone does not count).
        select
            province_mention.source_article_id,
            province_mention.province_id,
            source_article.published_on
        from unnest(article_ids) as batch (source_article_id)
        inner join public.source_article
            on source_article.source_article_id = batch.source_article_id
        inner join public.province_mention
            on province_mention.source_article_id = batch.source_article_id
        where province_mention.role in ('subject', 'listed')
    ),

    statements as materialized (
        select
            statement.source_article_id,
            count(*) as statement_count,
            count(*) filter (where statement.expert_id is null) as unresolved_speakers
        from unnest(article_ids) as batch (source_article_id)
        inner join public.statement on statement.source_article_id = batch.source_article_id
        group by statement.source_article_id
    ),

    targets as (
        select initiative.province_id, count(*) as target_count
        from unnest(article_ids) as batch (source_article_id)
        inner join public.initiative on initiative.source_article_id = batch.source_article_id
        inner join public.quantitative_target
            on quantitative_target.initiative_id = initiative.initiative_id
        group by initiative.province_id
    ),

    -- Every sector paired with itself and each of its ancestors, and the
    -- batch's named initiatives by sector: a few dozen rows each to join.
    lineage as (
        select sector.sector_id, sector.sector_id as ancestor_sector_id
        from public.sector
        union all
        select lineage.sector_id, ancestor.parent_sector_id
        from lineage
        inner join public.sector as ancestor on ancestor.sector_id = lineage.ancestor_sector_id
        where ancestor.parent_sector_id is not null
    ),

    by_sector as (
        select
            named.sector_id,
            array_agg(named.initiative_id) as initiative_ids,
            array_agg(named.source_article_id) as article_ids
        from named
        group by named.sector_id
    ),

    article_provinces as materialized (
        select mentions.source_article_id, count(distinct mentions.province_id) as province_count
        from mentions
        group by mentions.source_article_id
    ),

    article_initiatives as materialized (
        select
            facts.source_article_id,
            count(distinct facts.initiative_id) as initiative_count,
            count(*) filter (where facts.initiative_sector_id is null)
                as initiatives_without_sector,
            count(*) filter (
                where facts.initiative_sector_id is not null and facts.sector_id is null
            ) as unmapped_sector_terms
        from facts
        group by facts.source_article_id
    ),

    per_article as materialized (
        select
            source_article.source_article_id,
            source_article.etl_run_id,
            coalesce(provinces.province_count, 0) as province_count,
            coalesce(initiatives.initiative_count, 0) as initiative_count,
            coalesce(initiatives.initiatives_without_sector, 0) as initiatives_without_sector,
            coalesce(initiatives.unmapped_sector_terms, 0) as unmapped_sector_terms,
            coalesce(statements.statement_count, 0) as statement_count,
            coalesce(statements.unresolved_speakers, 0) as unresolved_speakers
        from unnest(article_ids) as batch (source_article_id)
        inner join public.source_article
            on source_article.source_article_id = batch.source_article_id
        left join article_provinces as provinces
            on provinces.source_article_id = batch.source_article_id
        left join article_initiatives as initiatives
            on initiatives.source_article_id = batch.source_article_id
        left join statements on statements.source_article_id = batch.source_article_id
    ),

    pairs as (
        -- Province x named sector, with first and last dates: a removal that
        -- held one looks it up again among the other articles.
        insert into analytics_cache.province_sector_rollup as r (
            province_id, sector_id, initiative_count, article_count,
            first_published_on, last_published_on
        )
        select
            named.province_id,
            named.sector_id,
            factor * count(distinct named.initiative_id),
            factor * count(distinct named.source_article_id),
            min(named.published_on),
            max(named.published_on)
        from named
        group by named.province_id, named.sector_id
        order by named.province_id, named.sector_id
        on conflict (province_id, sector_id) do update set
            initiative_count = r.initiative_count + excluded.initiative_count,
            article_count = r.article_count + excluded.article_count,
            first_published_on = case
                when factor > 0 then least(r.first_published_on, excluded.first_published_on)
                when excluded.first_published_on > r.first_published_on then r.first_published_on
                else (
                    select min(other.published_on)
                    from public.initiative_sector as s
                    inner join public.initiative as i on i.initiative_id = s.initiative_id
                    inner join public.source_article as other
                        on other.source_article_id = i.source_article_id
                    where s.sector_id = r.sector_id
                        and i.province_id = r.province_id
                        and not i.source_article_id = any(article_ids)
                )
            end,
            last_published_on = case
                when factor > 0 then greatest(r.last_published_on, excluded.last_published_on)
                when excluded.last_published_on < r.last_published_on then r.last_published_on
                else (
                    select max(other.published_on)
                    from public.initiative_sector as s
                    inner join public.initiative as i on i.initiative_id = s.initiative_id
                    inner join public.source_article as other
                        on other.source_article_id = i.source_article_id
                    where s.sector_id = r.sector_id
                        and i.province_id = r.province_id
                        and not i.source_article_id = any(article_ids)
                )
            end
    ),

    terms as (
        insert into analytics_cache.province_sector_term_rollup as r (
            province_id, sector_id, term, occurrence_count
        )
        select named.province_id, named.sector_id, lower(named.matched_text), factor * count(*)
        from named
        group by 1, 2, 3
        order by 1, 2, 3
        on conflict (province_id, sector_id, term) do update set
            occurrence_count = r.occurrence_count + excluded.occurrence_count
    ),

    sectors as (
        -- Each sector counts the initiatives naming it or any sector below it.
        insert into analytics_cache.sector_rollup as r (sector_id, initiative_count, article_count)
        select
            lineage.ancestor_sector_id,
            factor * count(distinct counted.initiative_id),
            factor * count(distinct counted.source_article_id)
        from by_sector
        inner join lineage on lineage.sector_id = by_sector.sector_id
        cross join lateral unnest(by_sector.initiative_ids, by_sector.article_ids)
            as counted (initiative_id, source_article_id)
        group by lineage.ancestor_sector_id
        order by lineage.ancestor_sector_id
        on conflict (sector_id) do update set
            initiative_count = r.initiative_count + excluded.initiative_count,
            article_count = r.article_count + excluded.article_count
    ),

    added as (
        insert into analytics_cache.article_rollup as r (
            source_article_id, province_count, initiative_count, statement_count
        )
        select
            per_article.source_article_id,
            per_article.province_count,
            per_article.initiative_count,
            per_article.statement_count
        from per_article
        where factor > 0
        order by per_article.source_article_id
        on conflict (source_article_id) do update set
            province_count = excluded.province_count,
            initiative_count = excluded.initiative_count,
            statement_count = excluded.statement_count
    ),

    removed as (
        delete from analytics_cache.article_rollup
        where factor < 0 and article_rollup.source_article_id = any(article_ids)
    ),

    runs as (
        insert into analytics_cache.run_rollup as r (
            etl_run_id, article_count, articles_without_province, unresolved_speakers,
            initiatives_without_sector, unmapped_sector_terms
        )
        select
            per_article.etl_run_id,
            factor * count(*),
            factor * count(*) filter (where per_article.province_count = 0),
            factor * sum(per_article.unresolved_speakers),
            factor * sum(per_article.initiatives_without_sector),
            factor * sum(per_article.unmapped_sector_terms)
        from per_article
        where per_article.etl_run_id is not null
        group by per_article.etl_run_id
        order by per_article.etl_run_id
        on conflict (etl_run_id) do update set
            article_count = r.article_count + excluded.article_count,
            articles_without_province = r.articles_without_province + excluded.articles_without_province,
            unresolved_speakers = r.unresolved_speakers + excluded.unresolved_speakers,
            initiatives_without_sector = r.initiatives_without_sector + excluded.initiatives_without_sector,
            unmapped_sector_terms = r.unmapped_sector_terms + excluded.unmapped_sector_terms
    )

    -- Per province: articles naming it (and the latest date), initiatives, targets.
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
            mentions.province_id,
            count(distinct mentions.source_article_id) as article_count,
            max(mentions.published_on) as last_published_on,
            0 as initiative_count,
            0 as target_count
        from mentions
        group by mentions.province_id
        union all
        select facts.province_id, 0, null, count(distinct facts.initiative_id), 0
        from facts
        group by facts.province_id
        union all
        select targets.province_id, 0, null, 0, targets.target_count
        from targets
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
comment on function analytics_cache.count_articles(bigint[], integer) is
    'Add (factor 1) or take away (factor -1) what these articles count for in every rollup, in one statement; apply_articles (a batch, index lookups) and rebuild (every article, the planner''s choice) call it.';
revoke all on function analytics_cache.count_articles(bigint[], integer) from public;

create or replace function analytics_cache.apply_articles(article_ids bigint[], factor integer)
returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
set enable_seqscan = off
set enable_hashjoin = off
set enable_mergejoin = off
set enable_material = off
set join_collapse_limit = 1
set from_collapse_limit = 1
set jit = off
as $$
begin
    -- A batch is a few hundred articles: index lookups from their ids, in
    -- the order the joins are written, are the plan, whatever statistics
    -- (or none, on a first load) the tables have.
    perform analytics_cache.count_articles(article_ids, factor);
end
$$;

create or replace function analytics_cache.rebuild()
returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    -- A batch applying its articles meanwhile waits (and then adds to the
    -- rebuilt counts); readers are not blocked.
    lock table analytics_cache.province_sector_rollup, analytics_cache.province_sector_term_rollup,
        analytics_cache.sector_rollup, analytics_cache.article_rollup,
        analytics_cache.run_rollup, analytics_cache.province_rollup
        in exclusive mode;
    delete from analytics_cache.province_sector_rollup;
    delete from analytics_cache.province_sector_term_rollup;
    delete from analytics_cache.sector_rollup;
    delete from analytics_cache.province_rollup;
    delete from analytics_cache.article_rollup;
    delete from analytics_cache.run_rollup;
    perform analytics_cache.count_articles(
        array(select source_article_id from public.source_article order by source_article_id), 1
    );
end
$$;
"""

# Revision 0017's functions, as they were (create or replace keeps the
# loader's EXECUTE grants).
PREVIOUS_FUNCTIONS = """
create or replace function analytics_cache.apply_articles(article_ids bigint[], factor integer)
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

create or replace function analytics_cache.rebuild()
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
"""

DOWNGRADE_FUNCTIONS = """
drop function analytics_cache.count_articles(bigint[], integer);
"""


def _execute(sql: str) -> None:
    # Through the DBAPI cursor: no bind parameters, so '%' and ':' stay literal.
    cursor = op.get_bind().connection.cursor()
    try:
        cursor.execute(sql)
    finally:
        cursor.close()


def upgrade() -> None:
    _execute(COUNT_FUNCTION)
    for table in ROLLUPS:
        _execute(f"alter table analytics_cache.{table} set (fillfactor = 50)")


def downgrade() -> None:
    for table in ROLLUPS:
        _execute(f"alter table analytics_cache.{table} reset (fillfactor)")
    _execute(PREVIOUS_FUNCTIONS)
    _execute(DOWNGRADE_FUNCTIONS)
