-- Decisions to cease plans (CFA s45-46; regs 29-31), and findings that a
-- young person lacks capacity for decisions about their case, with who
-- represents them (Mental Capacity Act 2005; CFA s80).
CREATE TABLE plan_cessations (
  plan_id TEXT PRIMARY KEY REFERENCES plans(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  reason TEXT NOT NULL,
  consulted_on TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  left_education_on TEXT,
  reasons TEXT NOT NULL,
  letter_id TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX plan_cessations_area ON plan_cessations (area_id, decided_on);

CREATE TABLE capacity_records (
  child_id TEXT PRIMARY KEY REFERENCES children(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  lacks_capacity INTEGER NOT NULL,
  representative TEXT NOT NULL,
  assessed_on TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
