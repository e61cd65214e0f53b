-- Which children each read showed, one row per child, so "who has looked at
-- this child's record?" is an index lookup rather than a scan of every read.
CREATE TABLE access_log_children (
  access_id TEXT NOT NULL REFERENCES access_log(id),
  child_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (child_id, at, access_id)
);
