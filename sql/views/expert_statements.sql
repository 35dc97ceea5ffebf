-- What do experts say, and about which industries?
-- Grain: one row per statement. Statements whose speaker could not be tied
-- to an expert keep the words used for the speaker in expert_name.
create or replace view analytics.expert_statements as

with

-- The sectors each statement names, one aggregate merge-joined by
-- statement_id: a first page reads it in step, a whole fetch once.
topics as (
    select
        statement_topic.statement_id,
        string_agg(distinct sector.name, ', ' order by sector.name) as topics
    from statement_topic
    inner join sector on sector.sector_id = statement_topic.sector_id
    group by statement_topic.statement_id
),

final as (
    select
        statement.statement_id,
        coalesce(expert.name, statement.speaker_text) as expert_name,
        statement.expert_id is not null as is_expert_resolved,
        statement.speaker_text,
        expert.title as expert_title,
        organization.name as organization_name,
        parent_organization.name as parent_organization_name,
        statement.kind as statement_kind,
        statement.verb,
        statement.statement_text,
        coalesce(topics.topics, '') as topics,
        source_article.published_on,
        source_article.outlet,
        source_article.source_article_id as article_id
    from statement
    inner join source_article
        on source_article.source_article_id = statement.source_article_id
    left join expert on expert.expert_id = statement.expert_id
    left join organization on organization.organization_id = expert.organization_id
    left join organization as parent_organization
        on parent_organization.organization_id = organization.parent_organization_id
    left join topics on topics.statement_id = statement.statement_id
)

select * from final;

comment on view analytics.expert_statements is
    'What experts said, quoted or reported. One row per statement.';
comment on column analytics.expert_statements.statement_id is 'Identifier of the statement.';
comment on column analytics.expert_statements.expert_name is 'Full name of the expert; the words used for the speaker when no expert was identified.';
comment on column analytics.expert_statements.is_expert_resolved is 'True when the speaker was tied to a known expert (by name or alias).';
comment on column analytics.expert_statements.speaker_text is 'How the article names the speaker here, e.g. a surname or nickname.';
comment on column analytics.expert_statements.expert_title is 'Title of the expert, e.g. director.';
comment on column analytics.expert_statements.organization_name is 'Organization the expert belongs to.';
comment on column analytics.expert_statements.parent_organization_name is 'Organization above it, e.g. the academy an institute belongs to.';
comment on column analytics.expert_statements.statement_kind is 'direct (a quotation) or indirect (reported speech).';
comment on column analytics.expert_statements.verb is 'Reporting verb: said, believes, noted ...';
comment on column analytics.expert_statements.statement_text is 'What was said.';
comment on column analytics.expert_statements.topics is 'Sectors the statement names, comma-separated, alphabetical; empty when none.';
comment on column analytics.expert_statements.published_on is 'Publication date of the article.';
comment on column analytics.expert_statements.outlet is 'Outlet that published the article.';
comment on column analytics.expert_statements.article_id is 'Identifier of the article (source_article_id; see article_catalog).';
