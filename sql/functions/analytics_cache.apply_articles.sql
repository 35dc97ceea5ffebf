CREATE OR REPLACE FUNCTION analytics_cache.apply_articles(article_ids bigint[], factor integer)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
 SET enable_seqscan TO 'off'
 SET enable_hashjoin TO 'off'
 SET enable_mergejoin TO 'off'
 SET enable_material TO 'off'
 SET join_collapse_limit TO '1'
 SET from_collapse_limit TO '1'
 SET jit TO 'off'
AS $function$
begin
    -- A batch is a few hundred articles: index lookups from their ids, in
    -- the order the joins are written, are the plan, whatever statistics
    -- (or none, on a first load) the tables have.
    perform analytics_cache.count_articles(article_ids, factor);
end
$function$
