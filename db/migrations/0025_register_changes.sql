-- Changes on every write to an area's children or their involvements (what a
-- case list shows of a child, and who may see it), so a list kept in memory
-- (the caseload, app/caseload_index.h) sees a change made through any server
-- on its next request. Written once per transaction, before it commits.
CREATE TABLE register_changes (
  area_id TEXT PRIMARY KEY,
  change_token BIGINT NOT NULL
);
