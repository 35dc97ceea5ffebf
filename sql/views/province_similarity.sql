-- Which provinces bet on the same industries?
-- Grain: one row per unordered pair of provinces sharing at least one
-- targeted sector; province_a sorts before province_b.
create or replace view analytics.province_similarity as

with

province_sectors as (
    select distinct
        province_sector_focus.province_name,
        province_sector_focus.sector_name
    from analytics.province_sector_focus
),

sector_counts as (
    select
        province_sectors.province_name,
        count(*) as sector_count
    from province_sectors
    group by province_sectors.province_name
),

shared as (
    select
        a.province_name as province_a,
        b.province_name as province_b,
        count(*) as shared_sector_count,
        string_agg(a.sector_name, ', ' order by a.sector_name) as shared_sectors
    from province_sectors as a
    inner join province_sectors as b
        on b.sector_name = a.sector_name
        and b.province_name > a.province_name
    group by a.province_name, b.province_name
),

final as (
    select
        shared.province_a,
        shared.province_b,
        shared.shared_sector_count,
        round(
            shared.shared_sector_count::numeric
            / (count_a.sector_count + count_b.sector_count - shared.shared_sector_count),
            3
        ) as jaccard,
        shared.shared_sectors
    from shared
    inner join sector_counts as count_a on count_a.province_name = shared.province_a
    inner join sector_counts as count_b on count_b.province_name = shared.province_b
)

select * from final;

comment on view analytics.province_similarity is
    'Overlap of targeted sectors between provinces. One row per unordered pair of provinces sharing at least one sector.';
comment on column analytics.province_similarity.province_a is 'English name of the first province (alphabetically).';
comment on column analytics.province_similarity.province_b is 'English name of the second province.';
comment on column analytics.province_similarity.shared_sector_count is 'Sectors both provinces target.';
comment on column analytics.province_similarity.jaccard is 'Shared sectors divided by the sectors either targets, 0 to 1, three decimals.';
comment on column analytics.province_similarity.shared_sectors is 'Names of the shared sectors, comma-separated, alphabetical.';
