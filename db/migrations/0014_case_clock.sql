-- Each case's clock as it stood when a step was last recorded (core/assessment.h
-- case_clock): the last day of the step to chase and the first day an exception
-- lifts it, and while assessing the same for the final plan. Status depends on
-- today, so it is derived when read; the caseload orders and pages in SQL.
-- clock_stored is 0 for cases saved before this migration; the caseload fills
-- in the area's the first time it is asked for.
ALTER TABLE assessments ADD COLUMN clock_due_on TEXT;
ALTER TABLE assessments ADD COLUMN clock_lifted_on TEXT;
ALTER TABLE assessments ADD COLUMN clock_then_due_on TEXT;
ALTER TABLE assessments ADD COLUMN clock_then_lifted_on TEXT;
ALTER TABLE assessments ADD COLUMN clock_stored INTEGER NOT NULL DEFAULT 0;
-- Everything the caseload reads of a case, so ordering an area's open cases
-- reads this index alone.
CREATE INDEX assessments_caseload ON assessments (area_id, clock_stored, clock_due_on, clock_lifted_on,
  clock_then_due_on, clock_then_lifted_on, received_on, caseworker_id, child_id, id);

-- Changes on every save of an area's assessments, so a figure computed from
-- them (the 20-week rate) can be kept until they change, on every server.
CREATE TABLE assessment_changes (
  area_id TEXT PRIMARY KEY,
  change_token BIGINT NOT NULL
);
