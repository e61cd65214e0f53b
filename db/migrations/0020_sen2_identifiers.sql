-- What the SEN2 return needs that Tandem did not hold: the child's ethnicity
-- (DfE's code, from the year's list in data/sen2) and each setting's URN (6
-- digits, schools) or UKPRN (8 digits, colleges and other providers), on the
-- child's current setting and on every placement. Empty text: not recorded.
ALTER TABLE children ADD COLUMN ethnicity TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN setting_urn TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN setting_ukprn TEXT NOT NULL DEFAULT '';
ALTER TABLE placements ADD COLUMN urn TEXT NOT NULL DEFAULT '';
ALTER TABLE placements ADD COLUMN ukprn TEXT NOT NULL DEFAULT '';

-- A conflict between a later return and Tandem is settled by a person: which
-- value stays ('tandem' or 'file'), who chose and when (settled_at, above).
ALTER TABLE sen2_conflicts ADD COLUMN settled_by TEXT NOT NULL DEFAULT '';
ALTER TABLE sen2_conflicts ADD COLUMN resolution TEXT NOT NULL DEFAULT '';
