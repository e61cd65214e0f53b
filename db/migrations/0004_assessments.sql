-- EHC needs assessments: the request, the decisions, the advice asked for,
-- exceptions to the time limits, and the letters sent.
CREATE TABLE assessments (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  received_on TEXT NOT NULL,
  source TEXT NOT NULL,
  caseworker_id TEXT NOT NULL,
  decided_on TEXT,
  assess INTEGER NOT NULL DEFAULT 0,
  not_to_issue_on TEXT,
  draft_served_on TEXT,
  final_issued_on TEXT,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX assessments_child ON assessments (child_id);
CREATE INDEX assessments_area_open ON assessments (area_id, final_issued_on, caseworker_id);

CREATE TABLE advice_requests (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  assessment_id TEXT NOT NULL REFERENCES assessments(id),
  kind TEXT NOT NULL,
  provider TEXT NOT NULL,
  agency TEXT NOT NULL,
  requested_on TEXT NOT NULL,
  received_on TEXT,
  reused INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX advice_requests_assessment ON advice_requests (assessment_id);

CREATE TABLE assessment_exceptions (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  assessment_id TEXT NOT NULL REFERENCES assessments(id),
  ground TEXT NOT NULL,
  start_on TEXT NOT NULL,
  end_on TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX assessment_exceptions_assessment ON assessment_exceptions (assessment_id);

-- Every statutory letter as sent, kept unchanged.
CREATE TABLE letters (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  assessment_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  subject TEXT NOT NULL,
  body_html TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX letters_child ON letters (child_id, issued_on);
