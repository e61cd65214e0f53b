-- Changes on every write to an area's children or their involvements (what a
-- case list shows of a child, and who may see it), so a list kept in memory
-- (the caseload, app/caseload_index.h) sees a change made through any server
-- on its next request. Written once per transaction, before it commits.
CREATE TABLE register_changes (
  area_id TEXT PRIMARY KEY,
  change_token BIGINT NOT NULL
);
-- SQLite: the per-child index of the access log becomes a WITHOUT ROWID table,
-- so each child shown is one B-tree insert rather than two (a table row and its
-- primary-key entry). Every caseload page writes fifty. (PostgreSQL keeps its
-- table: see 0027_register_changes.sql.)
DROP TABLE IF EXISTS access.access_log_children_rebuilt;
CREATE TABLE access.access_log_children_rebuilt (
  access_id TEXT NOT NULL,
  child_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (child_id, at, access_id)
) WITHOUT ROWID;
INSERT INTO access.access_log_children_rebuilt SELECT access_id, child_id, at FROM access.access_log_children;
DROP TABLE access.access_log_children;
ALTER TABLE access.access_log_children_rebuilt RENAME TO access_log_children;
