-- SQLite: the access log moves to its own file, attached as `access` to every
-- connection. Every page view appends to it; in the same file those appends
-- would empty every reader's page cache on every request, and all reads would
-- go back to disk. Unqualified names (access_log, access_log_children) resolve
-- to the attached tables once the main ones are dropped.
CREATE TABLE IF NOT EXISTS access.access_log (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  user_id TEXT NOT NULL,
  route TEXT NOT NULL,
  child_ids TEXT NOT NULL,
  outcome TEXT NOT NULL
);
INSERT OR IGNORE INTO access.access_log SELECT id, area_id, at, user_id, route, child_ids, outcome FROM main.access_log;
CREATE INDEX IF NOT EXISTS access.access_log_area_at ON access_log (area_id, at);
-- No foreign key: SQLite cannot enforce one across files; the writer inserts both together.
-- IF NOT EXISTS: an access file left beside a deleted database is taken over, not refused.
CREATE TABLE IF NOT EXISTS access.access_log_children (
  access_id TEXT NOT NULL,
  child_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (child_id, at, access_id)
);
INSERT OR IGNORE INTO access.access_log_children SELECT access_id, child_id, at FROM main.access_log_children;
DROP TABLE main.access_log_children;
DROP TABLE main.access_log;
