-- What numbers have provinces committed to?
-- Grain: one row per quantitative target.
create or replace view analytics.quantitative_targets as

with

final as (
    select
        quantitative_target.quantitative_target_id as target_id,
        province.code as province_code,
        province.name as province_name,
        quantitative_target.quantity,
        quantitative_target.is_approximate,
        quantitative_target.target_text as target_words,
        initiative.initiative_id,
        initiative.clause_text as initiative_text,
        initiative.event_kind,
        source_article.published_on,
        source_article.outlet,
        source_article.source_article_id as article_id
    from quantitative_target
    inner join initiative
        on initiative.initiative_id = quantitative_target.initiative_id
    inner join province on province.province_id = initiative.province_id
    inner join source_article
        on source_article.source_article_id = initiative.source_article_id
)

select * from final;

comment on view analytics.quantitative_targets is
    'Numeric targets provinces set. One row per quantitative target.';
comment on column analytics.quantitative_targets.target_id is 'Identifier of the target.';
comment on column analytics.quantitative_targets.province_code is 'ISO 3166-2:CN code of the province, e.g. CN-JS.';
comment on column analytics.quantitative_targets.province_name is 'English name of the province.';
comment on column analytics.quantitative_targets.quantity is 'The number, e.g. 50.';
comment on column analytics.quantitative_targets.is_approximate is 'True when hedged: around, about, more than, over.';
comment on column analytics.quantitative_targets.target_words is 'The words of the target, e.g. 50 key industrial chains.';
comment on column analytics.quantitative_targets.initiative_id is 'Identifier of the initiative setting it (see analytics.initiatives).';
comment on column analytics.quantitative_targets.initiative_text is 'The clause stating the initiative.';
comment on column analytics.quantitative_targets.event_kind is 'Where it was announced: conference, government_work_report, plan, policy or other.';
comment on column analytics.quantitative_targets.published_on is 'Publication date of the article.';
comment on column analytics.quantitative_targets.outlet is 'Outlet that published the article.';
comment on column analytics.quantitative_targets.article_id is 'Identifier of the article (source_article_id; see article_catalog).';
