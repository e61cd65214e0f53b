-- Families' voice in the Local Offer: feedback on a service or on the offer as
-- a whole and the SEND team's response ("You said, we did", SEND Regulations
-- 2014 reg 56), and requests for provision the offer does not list, verified
-- against five criteria and decided with reasons (Blackpool seed, 5.5, 12.5).
CREATE TABLE feedback (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  service_id TEXT NOT NULL,
  received_on TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  given_by TEXT NOT NULL,
  comment TEXT NOT NULL,
  contact TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  status TEXT NOT NULL,
  category TEXT NOT NULL,
  need_code TEXT NOT NULL,
  you_said TEXT NOT NULL,
  we_did TEXT NOT NULL,
  published_on TEXT,
  version BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX feedback_area_status ON feedback (area_id, status, received_at);
CREATE INDEX feedback_area_received ON feedback (area_id, received_on);
CREATE INDEX feedback_area_published ON feedback (area_id, published_on);

CREATE TABLE provision_requests (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  received_on TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  source TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  child_id TEXT NOT NULL,
  provision TEXT NOT NULL,
  provider TEXT NOT NULL,
  reason TEXT NOT NULL,
  need_code TEXT NOT NULL,
  age INTEGER,
  contact TEXT NOT NULL,
  stage TEXT NOT NULL,
  decision TEXT NOT NULL,
  decision_reasons TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_on TEXT,
  service_id TEXT NOT NULL,
  version BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX provision_requests_area_stage ON provision_requests (area_id, stage, received_at);
CREATE INDEX provision_requests_child ON provision_requests (child_id);

CREATE TABLE provision_request_checks (
  request_id TEXT NOT NULL REFERENCES provision_requests(id),
  area_id TEXT NOT NULL,
  criterion TEXT NOT NULL,
  finding TEXT NOT NULL,
  note TEXT NOT NULL,
  checked_by TEXT NOT NULL,
  checked_at BIGINT NOT NULL,
  PRIMARY KEY (request_id, criterion)
);
