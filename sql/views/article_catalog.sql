-- Which articles are loaded, from whom, and what did each yield?
-- Grain: one row per source article.
-- The counts come from the per-article rollup the ETL writes with each
-- article (analytics_cache.article_rollup).
create or replace view analytics.article_catalog as

with

final as (
    select
        source_article.source_article_id as article_id,
        source_article.language,
        source_article.outlet,
        source_article.dateline_city,
        source_article.published_on,
        source_article.is_date_inferred,
        source_article.reporter,
        source_article.headline,
        source_article.url,
        source_article.source_path,
        coalesce(article_rollup.province_count, 0) as province_count,
        coalesce(article_rollup.initiative_count, 0) as initiative_count,
        coalesce(article_rollup.statement_count, 0) as statement_count,
        source_article.loaded_at
    from source_article
    left join analytics_cache.article_rollup
        on article_rollup.source_article_id = source_article.source_article_id
)

select * from final;

comment on view analytics.article_catalog is
    'The loaded articles and what each yielded. One row per source article.';
comment on column analytics.article_catalog.article_id is 'Identifier of the article (source_article_id), the article_id of the other views.';
comment on column analytics.article_catalog.language is 'Language of the article: en (English) or zh (Chinese).';
comment on column analytics.article_catalog.outlet is 'Outlet that published the article.';
comment on column analytics.article_catalog.dateline_city is 'City of the dateline.';
comment on column analytics.article_catalog.published_on is 'Publication date.';
comment on column analytics.article_catalog.is_date_inferred is 'True when the year was not printed and was inferred.';
comment on column analytics.article_catalog.reporter is 'Reporter''s name.';
comment on column analytics.article_catalog.headline is 'Headline, when known.';
comment on column analytics.article_catalog.url is 'Web address, when a sidecar gave one.';
comment on column analytics.article_catalog.source_path is 'Path of the file it was read from.';
comment on column analytics.article_catalog.province_count is 'Provinces the article names (its dateline alone does not count).';
comment on column analytics.article_catalog.initiative_count is 'Initiatives extracted from it.';
comment on column analytics.article_catalog.statement_count is 'Expert statements extracted from it.';
comment on column analytics.article_catalog.loaded_at is 'When it was loaded.';
