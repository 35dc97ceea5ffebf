-- How much does the database know about each province?
-- Grain: one row per provincial-level division, all 34, with zeros for those
-- no article names. A dateline alone does not count as naming a province.
-- Materialized, refreshed by the ETL at the end of a run (see province_sector_focus).
create materialized view analytics.province_overview as

with

mentioned as (
    select
        province_mention.province_id,
        count(distinct province_mention.source_article_id) as article_count,
        max(source_article.published_on) as last_published_on
    from province_mention
    inner join source_article
        on source_article.source_article_id = province_mention.source_article_id
    where province_mention.role in ('subject', 'listed')
    group by province_mention.province_id
),

initiatives as (
    select
        initiative.province_id,
        count(*) as initiative_count
    from initiative
    group by initiative.province_id
),

sectors as (
    select
        initiative.province_id,
        count(distinct initiative_sector.sector_id) as sector_count
    from initiative
    inner join initiative_sector
        on initiative_sector.initiative_id = initiative.initiative_id
    group by initiative.province_id
),

targets as (
    select
        initiative.province_id,
        count(*) as target_count
    from initiative
    inner join quantitative_target
        on quantitative_target.initiative_id = initiative.initiative_id
    group by initiative.province_id
),

final as (
    select
        province.code as province_code,
        province.name as province_name,
        province.name_zh as province_name_zh,
        province.kind,
        province.region,
        coalesce(mentioned.article_count, 0) as article_count,
        coalesce(initiatives.initiative_count, 0) as initiative_count,
        coalesce(sectors.sector_count, 0) as sector_count,
        coalesce(targets.target_count, 0) as target_count,
        mentioned.last_published_on
    from province
    left join mentioned on mentioned.province_id = province.province_id
    left join initiatives on initiatives.province_id = province.province_id
    left join sectors on sectors.province_id = province.province_id
    left join targets on targets.province_id = province.province_id
)

select * from final;

create unique index uq_province_overview_province_code on analytics.province_overview (province_code);

comment on materialized view analytics.province_overview is
    'Coverage of each province. One row per provincial-level division (all 34), zeros where no article names it.';
comment on column analytics.province_overview.province_code is 'ISO 3166-2:CN code of the province, e.g. CN-SD.';
comment on column analytics.province_overview.province_name is 'English name of the province.';
comment on column analytics.province_overview.province_name_zh is 'Chinese name of the province.';
comment on column analytics.province_overview.kind is 'province, municipality, autonomous_region or special_administrative_region.';
comment on column analytics.province_overview.region is 'NBS economic region: east, central, west or northeast; empty for Hong Kong, Macao and Taiwan.';
comment on column analytics.province_overview.article_count is 'Articles naming the province (a dateline alone does not count).';
comment on column analytics.province_overview.initiative_count is 'Initiatives of the province.';
comment on column analytics.province_overview.sector_count is 'Distinct sectors its initiatives name.';
comment on column analytics.province_overview.target_count is 'Quantitative targets in its initiatives.';
comment on column analytics.province_overview.last_published_on is 'Publication date of the latest article naming the province; empty when none does.';
