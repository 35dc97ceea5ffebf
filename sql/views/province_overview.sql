-- How much does the database know about each province?
-- Grain: one row per provincial-level division, all 34, with zeros for those
-- no article names. A dateline alone does not count as naming a province.
-- Counts come from the rollups the ETL keeps (analytics_cache); the sectors
-- are the province's rows of the province x sector rollup.
create or replace view analytics.province_overview as

with

sectors as (
    select
        province_sector_rollup.province_id,
        count(*) as sector_count
    from analytics_cache.province_sector_rollup
    group by province_sector_rollup.province_id
),

final as (
    select
        province.code as province_code,
        province.name as province_name,
        province.name_zh as province_name_zh,
        province.kind,
        province.region,
        coalesce(province_rollup.article_count, 0) as article_count,
        coalesce(province_rollup.initiative_count, 0) as initiative_count,
        coalesce(sectors.sector_count, 0) as sector_count,
        coalesce(province_rollup.target_count, 0) as target_count,
        province_rollup.last_published_on
    from province
    left join analytics_cache.province_rollup
        on province_rollup.province_id = province.province_id
    left join sectors on sectors.province_id = province.province_id
)

select * from final;

comment on view analytics.province_overview is
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
