-- A price is in a currency (ISO 4217): the Local Offer's are pounds, but a
-- service near a border or imported from another directory may give euros.
ALTER TABLE cost_options ADD COLUMN currency TEXT NOT NULL DEFAULT 'GBP';
