-- Which sectors do the most provinces target?
-- Grain: one row per sector of the taxonomy, targeted or not. Rows with
-- level 'leaf' count initiatives naming the sector itself; rows with level
-- 'parent' count initiatives naming the sector or any sector below it.
-- Counts come from the rollups the ETL keeps (analytics_cache): initiatives
-- and articles per sector with its descendants, and the provinces from the
-- province x sector rows, one row per province that names the sector or a
-- sector below it (so a province is counted once, however many it names).
create or replace view analytics.sector_popularity as

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

province_names as (
    select distinct
        lineage.ancestor_sector_id as sector_id,
        province.name
    from analytics_cache.province_sector_rollup
    inner join lineage on lineage.sector_id = province_sector_rollup.sector_id
    inner join province on province.province_id = province_sector_rollup.province_id
),

listed as (
    select
        province_names.sector_id,
        count(*) as province_count,
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
        coalesce(listed.province_count, 0) as province_count,
        coalesce(sector_rollup.initiative_count, 0) as initiative_count,
        coalesce(sector_rollup.article_count, 0) as article_count,
        coalesce(listed.provinces, '') as provinces
    from sector
    left join sector as parent_sector
        on parent_sector.sector_id = sector.parent_sector_id
    left join analytics_cache.sector_rollup on sector_rollup.sector_id = sector.sector_id
    left join listed on listed.sector_id = sector.sector_id
)

select * from final;

comment on view analytics.sector_popularity is
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
