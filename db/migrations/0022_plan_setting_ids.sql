-- Section I of a final plan names a setting; the SEN2 return names it by its
-- URN (6 digits, schools) or UKPRN (8 digits, colleges and other providers).
-- Kept beside the plan's body so the return reads them without decoding every
-- plan. Empty text: not recorded.
ALTER TABLE plans ADD COLUMN setting_name TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN setting_urn TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN setting_ukprn TEXT NOT NULL DEFAULT '';
