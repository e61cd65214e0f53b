-- Appeals to the First-tier Tribunal (SEND) and the orders the council must
-- comply with (CFA s51; SEND Regulations 2014 regs 43-44).
CREATE TABLE appeals (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  decision TEXT NOT NULL,
  decision_notice_on TEXT NOT NULL,
  mediation_certificate TEXT,
  registered_on TEXT NOT NULL,
  hearing_on TEXT,
  outcome TEXT NOT NULL,
  outcome_on TEXT,
  recorded_by TEXT NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX appeals_area_outcome ON appeals (area_id, outcome);
CREATE INDEX appeals_child ON appeals (child_id);

CREATE TABLE appeal_orders (
  id TEXT PRIMARY KEY,
  appeal_id TEXT NOT NULL REFERENCES appeals(id),
  area_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  made_on TEXT NOT NULL,
  complied_on TEXT
);
CREATE INDEX appeal_orders_appeal ON appeal_orders (appeal_id);
