-- A child recorded on a recharge by name only (not on our register) is
-- matched by the other council on name and date of birth, and on their own
-- reference for the child when it is known; a registered child's date of
-- birth stays on the child's record. Recharges recorded before this have
-- neither: a correction asks for the date of birth.
ALTER TABLE recharges ADD COLUMN child_date_of_birth TEXT;
ALTER TABLE recharges ADD COLUMN other_council_reference TEXT NOT NULL DEFAULT '';
