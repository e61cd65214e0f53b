-- Foundation: areas, people, sessions, the children's register, audit.
-- Portable between SQLite and PostgreSQL: no BOOLEAN (0/1 INTEGER), dates as
-- ISO text, instants as BIGINT microseconds since the Unix epoch (UTC), ids
-- made by the application.

CREATE TABLE areas (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  la_code TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

-- A user works in one or more areas, with a role and an agency in each.
CREATE TABLE memberships (
  user_id TEXT NOT NULL REFERENCES users(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  role TEXT NOT NULL,
  agency TEXT NOT NULL,
  PRIMARY KEY (user_id, area_id)
);

-- Only a hash of each session token is kept.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);

-- Failed sign-ins, to throttle guessing; shared by every server on the database.
CREATE TABLE sign_in_failures (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email, at);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE children (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  sex TEXT NOT NULL,
  upn TEXT NOT NULL,
  nhs_number TEXT NOT NULL,
  postcode TEXT NOT NULL,
  primary_need TEXT NOT NULL,
  plan_status TEXT NOT NULL,
  setting_name TEXT NOT NULL,
  responsible_icb TEXT NOT NULL,
  icb_since TEXT,
  looked_after INTEGER NOT NULL DEFAULT 0,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX children_area_name ON children (area_id, family_name, given_name, id);

CREATE TABLE placements (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  setting_name TEXT NOT NULL,
  setting_type TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT
);
CREATE INDEX placements_child ON placements (child_id);

-- Secondary needs (rank 2 and below); the primary need sits on children.
CREATE TABLE child_needs (
  child_id TEXT NOT NULL REFERENCES children(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  need_rank INTEGER NOT NULL,
  need_code TEXT NOT NULL,
  PRIMARY KEY (child_id, need_rank)
);

-- Who is involved with a child: an agency as a whole (user_id empty) or a
-- named person. Access to the record follows these rows.
CREATE TABLE involvements (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  agency TEXT NOT NULL,
  user_id TEXT NOT NULL,
  professional_name TEXT NOT NULL,
  involvement_role TEXT NOT NULL,
  started_on TEXT NOT NULL,
  ended_on TEXT
);
CREATE INDEX involvements_child ON involvements (child_id);
CREATE INDEX involvements_agency ON involvements (area_id, agency, child_id);
CREATE INDEX involvements_user ON involvements (user_id, child_id);

-- Prefix search that works alike on both engines: one row per searchable token.
CREATE TABLE search_tokens (
  area_id TEXT NOT NULL,
  token TEXT NOT NULL,
  kind TEXT NOT NULL,
  child_id TEXT NOT NULL,
  PRIMARY KEY (area_id, token, kind, child_id)
);
CREATE INDEX search_tokens_child ON search_tokens (child_id);

-- Every write: who, when, what, why.
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  user_id TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  child_id TEXT NOT NULL,
  detail TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX audit_log_area_at ON audit_log (area_id, at);
CREATE INDEX audit_log_child ON audit_log (child_id, at);

-- Every read of a child's record; a list page writes one row naming all shown.
CREATE TABLE access_log (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  user_id TEXT NOT NULL,
  route TEXT NOT NULL,
  child_ids TEXT NOT NULL,
  outcome TEXT NOT NULL
);
CREATE INDEX access_log_area_at ON access_log (area_id, at);
