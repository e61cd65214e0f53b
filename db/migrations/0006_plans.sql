-- EHC plans: the current version of each plan, every version kept as saved,
-- and each plan's annual cost by agency (for area totals without reading
-- every plan).
CREATE TABLE plans (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  stage TEXT NOT NULL,
  version BIGINT NOT NULL,
  body TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX plans_child ON plans (child_id);

CREATE TABLE plan_versions (
  plan_id TEXT NOT NULL REFERENCES plans(id),
  version BIGINT NOT NULL,
  area_id TEXT NOT NULL,
  stage TEXT NOT NULL,
  body TEXT NOT NULL,
  saved_at BIGINT NOT NULL,
  saved_by TEXT NOT NULL,
  PRIMARY KEY (plan_id, version)
);

-- "school_notional" and "high_needs_top_up" are buckets alongside the agencies.
CREATE TABLE plan_costs (
  plan_id TEXT NOT NULL REFERENCES plans(id),
  area_id TEXT NOT NULL,
  payer TEXT NOT NULL,
  annual_pence BIGINT NOT NULL,
  PRIMARY KEY (plan_id, payer)
);
CREATE INDEX plan_costs_area ON plan_costs (area_id, payer);
