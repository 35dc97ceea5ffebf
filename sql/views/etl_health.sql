-- Is the ETL healthy: did runs finish, what did they reject, what did
-- extraction miss?
-- Grain: one row per ETL run. The extraction-gap counts (from etl_run_gaps,
-- kept by the ETL batch by batch) cover the articles the run loaded and that
-- are still in the database.
create or replace view analytics.etl_health as

with

final as (
    select
        etl_run.etl_run_id as run_id,
        etl_run.started_at,
        etl_run.finished_at,
        extract(epoch from etl_run.finished_at - etl_run.started_at)::numeric(12, 3)
            as duration_seconds,
        etl_run.status,
        -- A run killed outright cannot record its end; while it holds the
        -- ETL's run lock (LOCK TABLE etl_run_lock IN EXCLUSIVE MODE, which
        -- only the owner and the loader may take) in this database it is
        -- alive, and a 'running' run without it has died.
        etl_run.status = 'running' and exists (
            select from pg_locks
            where pg_locks.locktype = 'relation'
                and pg_locks.database = (
                    select pg_database.oid from pg_database
                    where pg_database.datname = current_database()
                )
                and pg_locks.relation = 'public.etl_run_lock'::regclass
                and lower(pg_locks.mode) = 'exclusivelock'
                and pg_locks.granted
        ) as is_running_now,
        etl_run.code_version,
        etl_run.files_seen_count as files_seen,
        etl_run.loaded_count as loaded,
        etl_run.unchanged_count as unchanged,
        etl_run.replaced_count as replaced,
        etl_run.rejected_count as rejected,
        coalesce(etl_run_gaps.articles_without_province, 0) as articles_without_province,
        coalesce(etl_run_gaps.unresolved_speakers, 0) as unresolved_speakers,
        coalesce(etl_run_gaps.initiatives_without_sector, 0) as initiatives_without_sector,
        coalesce(etl_run_gaps.unmapped_sector_terms, 0) as unmapped_sector_terms,
        etl_run.error
    from etl_run
    left join analytics.etl_run_gaps on etl_run_gaps.run_id = etl_run.etl_run_id
)

select * from final;

comment on view analytics.etl_health is
    'ETL runs and what they could not do. One row per run.';
comment on column analytics.etl_health.run_id is 'Identifier of the run (etl_run_id).';
comment on column analytics.etl_health.started_at is 'When the run started.';
comment on column analytics.etl_health.finished_at is 'When it ended; empty while running or if it died.';
comment on column analytics.etl_health.duration_seconds is 'Seconds from start to end.';
comment on column analytics.etl_health.status is 'running, succeeded, partial (some files rejected), failed or interrupted.';
comment on column analytics.etl_health.is_running_now is 'True while a run marked running is alive (holds the ETL lock); a running run with false has died and will be marked interrupted by the next run.';
comment on column analytics.etl_health.code_version is 'Version of the ETL code that ran.';
comment on column analytics.etl_health.files_seen is 'Article files the run found.';
comment on column analytics.etl_health.loaded is 'Files loaded as new articles.';
comment on column analytics.etl_health.unchanged is 'Files already loaded with the same content, skipped.';
comment on column analytics.etl_health.replaced is 'Files whose content changed, reloaded.';
comment on column analytics.etl_health.rejected is 'Files rejected; reasons in etl_run_file.';
comment on column analytics.etl_health.articles_without_province is 'Articles it loaded that name no province: off-topic, or a gap in the gazetteer.';
comment on column analytics.etl_health.unresolved_speakers is 'Statements in its articles whose speaker was not tied to an expert.';
comment on column analytics.etl_health.initiatives_without_sector is 'Initiatives in its articles that name no sector: noise, or a gap in the sector taxonomy.';
comment on column analytics.etl_health.error is 'Why the run failed, if it did.';
comment on column analytics.etl_health.unmapped_sector_terms is 'Sector terms in its articles that the taxonomy does not know (kept unmapped); `policydb sectors unmapped` lists them.';
