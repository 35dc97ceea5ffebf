-- What did extraction miss in the articles each run loaded?
-- Grain: one row per ETL run that loaded at least one article still in the
-- database. Read through etl_health, which adds the run's own record.
-- Counted by the ETL as it loads (analytics_cache.run_rollup): counting
-- initiatives without a sector would otherwise scan every initiative.
create or replace view analytics.etl_run_gaps as

with

final as (
    select
        run_rollup.etl_run_id as run_id,
        run_rollup.article_count,
        run_rollup.articles_without_province,
        run_rollup.unresolved_speakers,
        run_rollup.initiatives_without_sector,
        run_rollup.unmapped_sector_terms
    from analytics_cache.run_rollup
    where run_rollup.article_count > 0
)

select * from final;

comment on view analytics.etl_run_gaps is
    'Extraction gaps per ETL run, over the articles it loaded. One row per run with articles; see etl_health.';
comment on column analytics.etl_run_gaps.run_id is 'Identifier of the run (etl_run_id).';
comment on column analytics.etl_run_gaps.article_count is 'Articles the run loaded that are still in the database.';
comment on column analytics.etl_run_gaps.articles_without_province is 'Of those, articles naming no province: off-topic, or a gap in the gazetteer.';
comment on column analytics.etl_run_gaps.unresolved_speakers is 'Statements in them whose speaker was not tied to an expert.';
comment on column analytics.etl_run_gaps.initiatives_without_sector is 'Initiatives in them that name no sector: noise, or a gap in the sector taxonomy.';
comment on column analytics.etl_run_gaps.unmapped_sector_terms is 'Sector terms in them that the taxonomy does not know (kept unmapped); `policydb sectors unmapped` lists them for curation.';
