-- Which regions lean towards which industries?
-- Grain: one row per economic region and sector of the taxonomy, zeros
-- included, so a pivot or heat map has every cell. Hong Kong, Macao and
-- Taiwan, which belong to no NBS region, are under 'unclassified'.
create or replace view analytics.region_sector_matrix as

with

regions as (
    select distinct coalesce(province.region, 'unclassified') as region
    from province
),

focus as (
    select
        coalesce(province_sector_focus.region, 'unclassified') as region,
        province_sector_focus.sector_slug,
        count(*) as province_count,
        sum(province_sector_focus.initiative_count) as initiative_count
    from analytics.province_sector_focus
    group by 1, 2
),

final as (
    select
        regions.region,
        sector.slug as sector_slug,
        sector.name as sector_name,
        coalesce(focus.province_count, 0) as province_count,
        coalesce(focus.initiative_count, 0)::bigint as initiative_count
    from regions
    cross join sector
    left join focus
        on focus.region = regions.region
        and focus.sector_slug = sector.slug
)

select * from final;

comment on view analytics.region_sector_matrix is
    'Sectors targeted by region. One row per NBS economic region and sector, zeros included.';
comment on column analytics.region_sector_matrix.region is 'NBS economic region: east, central, west, northeast, or unclassified (Hong Kong, Macao, Taiwan).';
comment on column analytics.region_sector_matrix.sector_slug is 'Stable identifier of the sector in the taxonomy.';
comment on column analytics.region_sector_matrix.sector_name is 'Display name of the sector.';
comment on column analytics.region_sector_matrix.province_count is 'Provinces of the region with an initiative naming the sector.';
comment on column analytics.region_sector_matrix.initiative_count is 'Initiatives of the region''s provinces naming the sector.';
