-- Where each postcode is, from the ONS Postcode Directory (ONSPD) or the
-- National Statistics Postcode Lookup (NSPL): national data that every area's
-- Local Offer measures distances with, replaced whole by each
-- `tandem import postcodes`. Only live postcodes with a grid reference are
-- kept. Postcodes are normalised ("FY1 1AA"); coordinates are whole millionths
-- of a degree, as locations have them.
CREATE TABLE postcodes (
  postcode TEXT PRIMARY KEY,
  latitude_e6 BIGINT NOT NULL,
  longitude_e6 BIGINT NOT NULL
);

-- The centre of each postcode district ("FY1"): the average of its imported
-- postcodes', for a family who gives only the first part of theirs.
CREATE TABLE postcode_district_centres (
  district TEXT PRIMARY KEY,
  latitude_e6 BIGINT NOT NULL,
  longitude_e6 BIGINT NOT NULL,
  postcodes BIGINT NOT NULL
);

-- Each import, newest the highest id: servers that cache look-ups compare it
-- to know their cache is stale, and operators see what was skipped.
CREATE TABLE postcode_imports (
  id BIGINT PRIMARY KEY,
  imported_at BIGINT NOT NULL,
  source TEXT NOT NULL,
  within TEXT NOT NULL,
  rows_read BIGINT NOT NULL,
  postcodes BIGINT NOT NULL,
  terminated BIGINT NOT NULL,
  no_grid BIGINT NOT NULL,
  outside BIGINT NOT NULL
);
