-- Moves between councils by children and young people with a plan (SEND
-- Regulations 2014 reg 15): the council they come from or go to, the move, the
-- transfer of the plan, and what the receiving council told the family.
CREATE TABLE area_moves (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  direction TEXT NOT NULL,
  other_authority TEXT NOT NULL,
  moved_on TEXT NOT NULL,
  learned_on TEXT,
  transferred_on TEXT,
  plan_last_reviewed_on TEXT,
  family_told_on TEXT,
  will_assess INTEGER,
  recorded_by TEXT NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX area_moves_child ON area_moves (child_id, moved_on);
CREATE INDEX area_moves_area ON area_moves (area_id, moved_on);
