CREATE OR REPLACE FUNCTION analytics_cache.count_articles(article_ids bigint[], factor integer)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
 SET plan_cache_mode TO 'force_custom_plan'
AS $function$
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
                -- The earliest other article with such an initiative, by date order.
                else (
                    select other.published_on
                    from public.source_article as other
                    where other.published_on is not null
                        and not other.source_article_id = any(article_ids)
                        and exists (
                            select from public.initiative as i
                            inner join public.initiative_sector as s
                                on s.initiative_id = i.initiative_id
                            where i.source_article_id = other.source_article_id
                                and i.province_id = r.province_id
                                -- not "=": no index on sector_id for this per-article test
                                and s.sector_id is not distinct from r.sector_id
                            offset 0  -- a test per article in date order, not a join
                        )
                    order by other.published_on
                    limit 1
                )
            end,
            last_published_on = case
                when factor > 0 then greatest(r.last_published_on, excluded.last_published_on)
                when excluded.last_published_on < r.last_published_on then r.last_published_on
                -- The latest other article with such an initiative, by date order.
                else (
                    select other.published_on
                    from public.source_article as other
                    where other.published_on is not null
                        and not other.source_article_id = any(article_ids)
                        and exists (
                            select from public.initiative as i
                            inner join public.initiative_sector as s
                                on s.initiative_id = i.initiative_id
                            where i.source_article_id = other.source_article_id
                                and i.province_id = r.province_id
                                -- not "=": no index on sector_id for this per-article test
                                and s.sector_id is not distinct from r.sector_id
                            offset 0  -- a test per article in date order, not a join
                        )
                    order by other.published_on desc
                    limit 1
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
                select other.published_on
                from public.source_article as other
                where other.published_on is not null
                    and not other.source_article_id = any(article_ids)
                    and exists (
                        select from public.province_mention as m
                        where m.source_article_id = other.source_article_id
                            -- not "=": no index on province_id for this per-article test
                            and m.province_id is not distinct from r.province_id
                            and m.role in ('subject', 'listed')
                        offset 0  -- a test per article in date order, not a join
                    )
                order by other.published_on desc
                limit 1
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
$function$
