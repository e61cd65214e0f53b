-- The DfE SEN2 person-level return. Each person imported from a return is kept
-- as the file gave them (person_json) beside what Tandem's own tables made of
-- them just after the import (derived_json), so a later import or export can
-- tell whether anyone has changed the case in Tandem since: items Tandem does
-- not hold (ethnicity, URN, PlanRes, ...) come back from the file; items a
-- caseworker changed in Tandem win, and a later import that disagrees is a
-- conflict for a person to settle.
CREATE TABLE sen2_people (
  child_id TEXT PRIMARY KEY REFERENCES children(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  person_json TEXT NOT NULL,
  derived_json TEXT NOT NULL,
  import_id TEXT NOT NULL,
  imported_at BIGINT NOT NULL
);
CREATE INDEX sen2_people_area ON sen2_people (area_id);

CREATE TABLE sen2_imports (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  file_name TEXT NOT NULL,
  collection_year INTEGER NOT NULL,
  persons INTEGER NOT NULL,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  conflicts INTEGER NOT NULL,
  imported_by TEXT NOT NULL,
  imported_at BIGINT NOT NULL
);
CREATE INDEX sen2_imports_area ON sen2_imports (area_id, imported_at);

-- An item where the file and Tandem disagree and Tandem's value was entered
-- in Tandem: kept as Tandem has it until someone settles it.
CREATE TABLE sen2_conflicts (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  import_id TEXT NOT NULL,
  path TEXT NOT NULL,
  tandem_value TEXT NOT NULL,
  file_value TEXT NOT NULL,
  raised_at BIGINT NOT NULL,
  settled_at BIGINT
);
CREATE INDEX sen2_conflicts_area ON sen2_conflicts (area_id, settled_at);
CREATE INDEX sen2_conflicts_child ON sen2_conflicts (child_id);

-- The import matches people by UPN or date of birth and reads one person's plans'
-- cessations and reviews at a time.
CREATE INDEX sen2_children_birth ON children (area_id, date_of_birth);
CREATE INDEX sen2_children_upn ON children (area_id, upn);
CREATE INDEX sen2_plan_cessations_child ON plan_cessations (child_id);
CREATE INDEX sen2_plan_reviews_child ON plan_reviews (child_id);
