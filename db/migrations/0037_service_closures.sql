-- A service still offered that is to close on a later day (YYYY-MM-DD): its
-- page tells families the date until then, and on the day it is withdrawn
-- (status defunct, withdrawn_on that day) without anyone having to remember.
-- '' when no closure is planned.
ALTER TABLE services ADD COLUMN closes_on TEXT NOT NULL DEFAULT '';
CREATE INDEX services_closing ON services (closes_on) WHERE closes_on <> '';
