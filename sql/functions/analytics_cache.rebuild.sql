CREATE OR REPLACE FUNCTION analytics_cache.rebuild()
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
begin
    -- A batch applying its articles meanwhile waits (and then adds to the
    -- rebuilt counts); readers are not blocked.
    lock table analytics_cache.province_sector_rollup, analytics_cache.province_sector_term_rollup,
        analytics_cache.sector_rollup, analytics_cache.article_rollup,
        analytics_cache.run_rollup, analytics_cache.province_rollup
        in exclusive mode;
    delete from analytics_cache.province_sector_rollup;
    delete from analytics_cache.province_sector_term_rollup;
    delete from analytics_cache.sector_rollup;
    delete from analytics_cache.province_rollup;
    delete from analytics_cache.article_rollup;
    delete from analytics_cache.run_rollup;
    perform analytics_cache.count_articles(
        array(select source_article_id from public.source_article order by source_article_id), 1
    );
end
$function$
