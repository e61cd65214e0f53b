-- Inter-agency disagreements: a provision line recorded differently from the
-- responsibility Tandem proposed, and each affected agency's position on it
-- (CFA s26(3)(c), (g)). A disagreement is never deleted; it is withdrawn when
-- the line changes again.
CREATE TABLE disagreements (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  plan_id TEXT NOT NULL REFERENCES plans(id),
  line_id TEXT NOT NULL,
  line_what TEXT NOT NULL,
  proposed TEXT NOT NULL,
  recorded TEXT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL,
  raised_by TEXT NOT NULL,
  raised_on TEXT NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX disagreements_area_status ON disagreements (area_id, status);
CREATE INDEX disagreements_plan ON disagreements (plan_id, line_id);

CREATE TABLE disagreement_positions (
  disagreement_id TEXT NOT NULL REFERENCES disagreements(id),
  agency TEXT NOT NULL,
  position TEXT NOT NULL,
  note TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_on TEXT,
  PRIMARY KEY (disagreement_id, agency)
);
