-- The per-child index of the access log holds, for each child, which users were
-- shown them in which hour, instead of a row per child per page view. A
-- caseworker who opens their caseload twenty times an hour adds fifty index rows
-- in that hour, not a thousand; the read entries themselves (access_log, with
-- every child shown) are unchanged, and "who looked at this child" finds them
-- through the hour and the user (access_log_user_at).
CREATE TABLE access_child_hours (
  child_id TEXT NOT NULL,
  hour_start BIGINT NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (child_id, hour_start, user_id)
);
INSERT INTO access_child_hours (child_id, hour_start, user_id)
SELECT DISTINCT c.child_id, (c.at / 3600000000) * 3600000000, a.user_id
FROM access_log_children c JOIN access_log a ON a.id = c.access_id;
DROP TABLE access_log_children;
CREATE INDEX access_log_user_at ON access_log (user_id, at);
