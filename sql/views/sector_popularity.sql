-- Which sectors do the most provinces target?
-- Grain: one row per sector of the taxonomy, targeted or not. Rows with
-- level 'leaf' count initiatives naming the sector itself; rows with level
-- 'parent' count initiatives naming the sector or any sector below it.
-- Materialized, refreshed by the ETL at the end of a run (see province_sector_focus).
create materialized view analytics.sector_popularity as

with recursive

lineage as (
    -- every sector paired with itself and each of its ancestors
    select
        sector.sector_id,
        sector.sector_id as ancestor_sector_id
    from sector

    union all

    select
        lineage.sector_id,
        ancestor.parent_sector_id as ancestor_sector_id
    from lineage
    inner join sector as ancestor
        on ancestor.sector_id = lineage.ancestor_sector_id
    where ancestor.parent_sector_id is not null
),

targeted as (
    select distinct
        lineage.ancestor_sector_id as sector_id,
        initiative.province_id,
        initiative.initiative_id,
        initiative.source_article_id
    from initiative
    inner join initiative_sector
        on initiative_sector.initiative_id = initiative.initiative_id
    inner join lineage
        on lineage.sector_id = initiative_sector.sector_id
),

province_names as (
    select distinct
        targeted.sector_id,
        province.name
    from targeted
    inner join province on province.province_id = targeted.province_id
),

counted as (
    select
        targeted.sector_id,
        count(distinct targeted.province_id) as province_count,
        count(distinct targeted.initiative_id) as initiative_count,
        count(distinct targeted.source_article_id) as article_count
    from targeted
    group by targeted.sector_id
),

listed as (
    select
        province_names.sector_id,
        string_agg(province_names.name, ', ' order by province_names.name) as provinces
    from province_names
    group by province_names.sector_id
),

final as (
    select
        sector.slug as sector_slug,
        sector.name as sector_name,
        case
            when exists (
                select from sector as child
                where child.parent_sector_id = sector.sector_id
            ) then 'parent'
            else 'leaf'
        end as level,
        parent_sector.slug as parent_sector_slug,
        sector.classification,
        coalesce(counted.province_count, 0) as province_count,
        coalesce(counted.initiative_count, 0) as initiative_count,
        coalesce(counted.article_count, 0) as article_count,
        coalesce(listed.provinces, '') as provinces
    from sector
    left join sector as parent_sector
        on parent_sector.sector_id = sector.parent_sector_id
    left join counted on counted.sector_id = sector.sector_id
    left join listed on listed.sector_id = sector.sector_id
)

select * from final;

create unique index uq_sector_popularity_sector_slug on analytics.sector_popularity (sector_slug);

comment on materialized view analytics.sector_popularity is
    'How many provinces target each sector. One row per sector of the taxonomy; parent rows include every sector below them.';
comment on column analytics.sector_popularity.sector_slug is 'Stable identifier of the sector in the taxonomy.';
comment on column analytics.sector_popularity.sector_name is 'Display name of the sector.';
comment on column analytics.sector_popularity.level is 'leaf: counts initiatives naming this sector; parent: counts initiatives naming it or any sector below it.';
comment on column analytics.sector_popularity.parent_sector_slug is 'The broader sector this one belongs to; empty for top-level sectors.';
comment on column analytics.sector_popularity.classification is 'Policy family of the sector, e.g. strategic_emerging_industry, future_industry.';
comment on column analytics.sector_popularity.province_count is 'Provinces with at least one initiative counted for this row.';
comment on column analytics.sector_popularity.initiative_count is 'Initiatives counted for this row.';
comment on column analytics.sector_popularity.article_count is 'Articles reporting those initiatives.';
comment on column analytics.sector_popularity.provinces is 'Names of those provinces, comma-separated, alphabetical; empty when none.';
