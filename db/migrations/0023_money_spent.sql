-- Money actually spent, continued. Invoices, pools and decommissioning
-- appraisals are edited after saving, each edit checked against the version
-- it was made from.
ALTER TABLE contract_invoices ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE pooled_budgets ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE decommissioning_appraisals ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- Termly high-needs top-up payments made to settings (element 3). A term is
-- written like 2025-autumn; a setting may be paid more than once in a term.
CREATE TABLE top_up_payments (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  term TEXT NOT NULL,
  setting_name TEXT NOT NULL,
  amount_pence BIGINT NOT NULL,
  paid_on TEXT NOT NULL,
  reference TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX top_up_payments_term ON top_up_payments (area_id, term, setting_name);

-- Recharges between councils for children placed across a border:
-- direction owed_to_us (their child at one of our settings) or owed_by_us
-- (our child at a setting in their area). Amounts are pence.
CREATE TABLE recharges (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  direction TEXT NOT NULL,
  other_council TEXT NOT NULL,
  child_id TEXT NOT NULL REFERENCES children(id),
  setting_name TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  amount_pence BIGINT NOT NULL,
  invoice_reference TEXT NOT NULL,
  invoiced_on TEXT,
  paid_on TEXT,
  version BIGINT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX recharges_area ON recharges (area_id, other_council, period_start);
CREATE INDEX recharges_child ON recharges (child_id);
