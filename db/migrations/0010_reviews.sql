-- Reviews of EHC plans (CFA s44; SEND Regulations 2014 regs 18-22): the
-- meeting, the council's decision and any amended plan, with progress against
-- every outcome so outcomes can be counted by provision and provider.
CREATE TABLE plan_reviews (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  plan_id TEXT NOT NULL REFERENCES plans(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  meeting_on TEXT NOT NULL,
  lead TEXT NOT NULL,
  views TEXT NOT NULL,
  recommendation TEXT NOT NULL,
  decision TEXT,
  decided_on TEXT,
  amended_plan_issued_on TEXT,
  recorded_by TEXT NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX plan_reviews_plan ON plan_reviews (plan_id, meeting_on);
CREATE INDEX plan_reviews_area_open ON plan_reviews (area_id, decision);

CREATE TABLE review_outcomes (
  review_id TEXT NOT NULL REFERENCES plan_reviews(id),
  outcome_id TEXT NOT NULL,
  area_id TEXT NOT NULL,
  outcome_text TEXT NOT NULL,
  progress TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (review_id, outcome_id)
);
CREATE INDEX review_outcomes_area ON review_outcomes (area_id, progress);
