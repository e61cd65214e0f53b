-- A service the area no longer offers is withdrawn rather than deleted when
-- families' feedback, requests, contracts or plans refer to it: its status
-- becomes defunct (Open Referral UK) and this is the day it stopped, '' for a
-- service still offered.
ALTER TABLE services ADD COLUMN withdrawn_on TEXT NOT NULL DEFAULT '';
