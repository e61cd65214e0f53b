-- The framework a call-off (or a spot purchase) picks its provider from, and
-- the tier of need it is picked at (the tier's position in framework_tiers,
-- lowest need first): both NULL for a contract that names no framework.
ALTER TABLE contracts ADD COLUMN framework_id TEXT;
ALTER TABLE contracts ADD COLUMN tier INTEGER;
CREATE INDEX contracts_framework ON contracts (framework_id);
