CREATE OR REPLACE FUNCTION analytics_cache.analyze_grown_tables()
 RETURNS SETOF text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
 SET lock_timeout TO '5s'
AS $function$
declare
    grown regclass;
begin
    for grown in
        select pg_class.oid::regclass
        from pg_class
        inner join pg_namespace on pg_namespace.oid = pg_class.relnamespace
        where pg_class.relkind = 'r'
            and pg_namespace.nspname in ('public', 'analytics_cache')
            and pg_class.relname not in ('province', 'province_alias', 'sector', 'sector_alias', 'alembic_version', 'etl_run_lock')
            and pg_relation_size(pg_class.oid) > 0
            and (
                pg_class.reltuples < 0  -- never analyzed (nor vacuumed)
                or pg_relation_size(pg_class.oid)
                    >= 1.1 * greatest(pg_class.relpages, 1)
                        * current_setting('block_size')::bigint
            )
        order by pg_class.relname
    loop
        begin
            execute format('analyze %s', grown);
            return next grown::text;
        exception when lock_not_available then
            -- Someone else's VACUUM or ANALYZE holds it: autovacuum will get there.
            raise notice 'not analyzed: % is locked', grown;
        end;
    end loop;
end
$function$
