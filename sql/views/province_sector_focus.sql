-- Which industries is each province betting on, how often, and since when?
-- Grain: one row per province and sector that at least one of the province's
-- initiatives targets. Sectors are counted where they are named; roll-ups to
-- parent sectors are in sector_popularity.
-- Reads the rollups the ETL keeps in each batch's transaction
-- (analytics_cache, migration 0017), not the 4.5 million initiative-sector
-- rows of 100,000 articles.
create or replace view analytics.province_sector_focus as

with

matched as (
    select
        province_sector_term_rollup.province_id,
        province_sector_term_rollup.sector_id,
        string_agg(
            province_sector_term_rollup.term, ', '
            order by province_sector_term_rollup.term
        ) as matched_terms
    from analytics_cache.province_sector_term_rollup
    group by province_sector_term_rollup.province_id, province_sector_term_rollup.sector_id
),

final as (
    select
        province.code as province_code,
        province.name as province_name,
        province.region,
        sector.slug as sector_slug,
        sector.name as sector_name,
        parent_sector.slug as parent_sector_slug,
        sector.classification,
        province_sector_rollup.initiative_count,
        province_sector_rollup.article_count,
        matched.matched_terms,
        province_sector_rollup.first_published_on,
        province_sector_rollup.last_published_on
    from analytics_cache.province_sector_rollup
    inner join province on province.province_id = province_sector_rollup.province_id
    inner join sector on sector.sector_id = province_sector_rollup.sector_id
    left join sector as parent_sector
        on parent_sector.sector_id = sector.parent_sector_id
    inner join matched
        on matched.province_id = province_sector_rollup.province_id
        and matched.sector_id = province_sector_rollup.sector_id
)

select * from final;

comment on view analytics.province_sector_focus is
    'Which industries each province targets. One row per province and sector named by at least one of its initiatives.';
comment on column analytics.province_sector_focus.province_code is 'ISO 3166-2:CN code of the province, e.g. CN-SD.';
comment on column analytics.province_sector_focus.province_name is 'English name of the province.';
comment on column analytics.province_sector_focus.region is 'NBS economic region: east, central, west or northeast; empty for Hong Kong, Macao and Taiwan.';
comment on column analytics.province_sector_focus.sector_slug is 'Stable identifier of the sector in the taxonomy.';
comment on column analytics.province_sector_focus.sector_name is 'Display name of the sector.';
comment on column analytics.province_sector_focus.parent_sector_slug is 'The broader sector this one belongs to; empty for top-level sectors.';
comment on column analytics.province_sector_focus.classification is 'Policy family of the sector, e.g. strategic_emerging_industry, future_industry.';
comment on column analytics.province_sector_focus.initiative_count is 'Initiatives of the province that name the sector.';
comment on column analytics.province_sector_focus.article_count is 'Articles reporting those initiatives.';
comment on column analytics.province_sector_focus.matched_terms is 'The words the articles used for the sector, lowercased, comma-separated, alphabetical.';
comment on column analytics.province_sector_focus.first_published_on is 'Publication date of the earliest article reporting such an initiative.';
comment on column analytics.province_sector_focus.last_published_on is 'Publication date of the latest article reporting such an initiative.';
