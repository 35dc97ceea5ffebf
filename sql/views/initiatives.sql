-- What has each province committed to, at which event, in which industries?
-- Grain: one row per initiative.
create or replace view analytics.initiatives as

with

-- Per initiative, one aggregate over initiative_sector and one over
-- quantitative_target, merge-joined by initiative_id: a BI tool's first page
-- (a limit) reads them in step with the initiatives it shows, a whole fetch
-- aggregates each table once (no lookups per row).
sectors as (
    select
        initiative_sector.initiative_id,
        count(distinct sector.name) as sector_count,
        string_agg(distinct sector.name, ', ' order by sector.name) as sectors,
        string_agg(
            distinct initiative_sector.matched_text, ', '
            order by initiative_sector.matched_text
        ) filter (where initiative_sector.sector_id is null) as unmapped_terms
    from initiative_sector
    left join sector on sector.sector_id = initiative_sector.sector_id
    group by initiative_sector.initiative_id
),

targets as (
    select
        quantitative_target.initiative_id,
        count(*) as target_count
    from quantitative_target
    group by quantitative_target.initiative_id
),

final as (
    select
        initiative.initiative_id,
        province.code as province_code,
        province.name as province_name,
        initiative.city,
        initiative.event_kind,
        initiative.event_on,
        initiative.event_text,
        initiative.clause_text as initiative_text,
        coalesce(sectors.sectors, '') as sectors,
        coalesce(sectors.sector_count, 0) as sector_count,
        coalesce(sectors.unmapped_terms, '') as unmapped_sector_terms,
        coalesce(targets.target_count, 0) as target_count,
        initiative.sentence_text,
        source_article.published_on,
        source_article.outlet,
        source_article.source_article_id as article_id,
        coalesce(expert.name, statement.speaker_text) as announced_by,
        initiative.statement_id
    from initiative
    inner join province on province.province_id = initiative.province_id
    inner join source_article
        on source_article.source_article_id = initiative.source_article_id
    -- Who said the province will do it, when someone did (one row at most).
    left join statement on statement.statement_id = initiative.statement_id
    left join expert on expert.expert_id = statement.expert_id
    left join sectors on sectors.initiative_id = initiative.initiative_id
    left join targets on targets.initiative_id = initiative.initiative_id
)

select * from final;

comment on view analytics.initiatives is
    'Policy actions and commitments of provinces. One row per initiative.';
comment on column analytics.initiatives.initiative_id is 'Identifier of the initiative.';
comment on column analytics.initiatives.province_code is 'ISO 3166-2:CN code of the province, e.g. CN-SD.';
comment on column analytics.initiatives.province_name is 'English name of the province.';
comment on column analytics.initiatives.city is 'English name of the city that announced it for the province (e.g. Shenzhen); empty when the province did.';
comment on column analytics.initiatives.unmapped_sector_terms is 'Industries it names in the article''s words that the sector taxonomy does not know yet, comma-separated; empty when none.';
comment on column analytics.initiatives.event_kind is 'Where it was announced: conference, government_work_report, plan, policy or other.';
comment on column analytics.initiatives.event_on is 'Date of the event, when the article gives it.';
comment on column analytics.initiatives.event_text is 'The words naming the event.';
comment on column analytics.initiatives.initiative_text is 'The clause stating the initiative.';
comment on column analytics.initiatives.sectors is 'Names of the sectors it targets, comma-separated, alphabetical; empty when none.';
comment on column analytics.initiatives.sector_count is 'Distinct sectors it targets.';
comment on column analytics.initiatives.target_count is 'Quantitative targets it sets.';
comment on column analytics.initiatives.sentence_text is 'The whole sentence, for context.';
comment on column analytics.initiatives.published_on is 'Publication date of the article.';
comment on column analytics.initiatives.outlet is 'Outlet that published the article.';
comment on column analytics.initiatives.article_id is 'Identifier of the article (source_article_id; see article_catalog).';
comment on column analytics.initiatives.announced_by is 'The official or expert who said the province will do it (their name, or the words naming them); empty when the article states it.';
comment on column analytics.initiatives.statement_id is 'Identifier of that statement (see expert_statements); empty when the article states it.';
