-- What did extraction miss in the articles each run loaded?
-- Grain: one row per ETL run that loaded at least one article still in the
-- database. Read through etl_health, which adds the run's own record.
-- Materialized: counting initiatives without a sector scans every
-- initiative; the ETL refreshes it (concurrently) at the end of a run.
create materialized view analytics.etl_run_gaps as

with

articles as (
    select
        source_article.etl_run_id,
        count(*) as article_count,
        count(*) filter (
            where not exists (
                select from province_mention
                where province_mention.source_article_id = source_article.source_article_id
                    and province_mention.role in ('subject', 'listed')
            )
        ) as articles_without_province
    from source_article
    where source_article.etl_run_id is not null
    group by source_article.etl_run_id
),

speakers as (
    select
        source_article.etl_run_id,
        count(*) as unresolved_speakers
    from statement
    inner join source_article
        on source_article.source_article_id = statement.source_article_id
    where statement.expert_id is null
    group by source_article.etl_run_id
),

initiatives as (
    select
        source_article.etl_run_id,
        count(*) as initiatives_without_sector
    from initiative
    inner join source_article
        on source_article.source_article_id = initiative.source_article_id
    where not exists (
        select from initiative_sector
        where initiative_sector.initiative_id = initiative.initiative_id
    )
    group by source_article.etl_run_id
),

unmapped as (
    select
        source_article.etl_run_id,
        count(*) as unmapped_sector_terms
    from initiative_sector
    inner join initiative on initiative.initiative_id = initiative_sector.initiative_id
    inner join source_article
        on source_article.source_article_id = initiative.source_article_id
    where initiative_sector.sector_id is null
    group by source_article.etl_run_id
),

final as (
    select
        articles.etl_run_id as run_id,
        articles.article_count,
        articles.articles_without_province,
        coalesce(speakers.unresolved_speakers, 0) as unresolved_speakers,
        coalesce(initiatives.initiatives_without_sector, 0) as initiatives_without_sector,
        coalesce(unmapped.unmapped_sector_terms, 0) as unmapped_sector_terms
    from articles
    left join speakers on speakers.etl_run_id = articles.etl_run_id
    left join initiatives on initiatives.etl_run_id = articles.etl_run_id
    left join unmapped on unmapped.etl_run_id = articles.etl_run_id
)

select * from final;

create unique index uq_etl_run_gaps_run_id on analytics.etl_run_gaps (run_id);

comment on materialized view analytics.etl_run_gaps is
    'Extraction gaps per ETL run, over the articles it loaded. One row per run with articles; see etl_health.';
comment on column analytics.etl_run_gaps.run_id is 'Identifier of the run (etl_run_id).';
comment on column analytics.etl_run_gaps.article_count is 'Articles the run loaded that are still in the database.';
comment on column analytics.etl_run_gaps.articles_without_province is 'Of those, articles naming no province: off-topic, or a gap in the gazetteer.';
comment on column analytics.etl_run_gaps.unresolved_speakers is 'Statements in them whose speaker was not tied to an expert.';
comment on column analytics.etl_run_gaps.initiatives_without_sector is 'Initiatives in them that name no sector: noise, or a gap in the sector taxonomy.';
comment on column analytics.etl_run_gaps.unmapped_sector_terms is 'Sector terms in them that the taxonomy does not know (kept unmapped); `policydb sectors unmapped` lists them for curation.';
