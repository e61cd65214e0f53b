-- Top-up payments are corrected from the version read (409 on a stale edit).
ALTER TABLE top_up_payments ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- Changes on every write that alters an area's top-up schedule other than
-- its children's names (those are register_changes): its placements, plans,
-- their top-ups and its top-up payments. The schedule kept in memory
-- (app/top_up_cache.h) is current while this token and register_changes are
-- those it was built at. Written once per transaction, before it commits.
CREATE TABLE top_up_changes (
  area_id TEXT PRIMARY KEY,
  change_token BIGINT NOT NULL
);

-- Recharges recorded by hand for a child no move record covers: another
-- council's child at one of our settings need not be on our register, so the
-- child is either one of ours (child_id) or named (child_name). Each has a
-- status: not_invoiced, invoiced, paid, disputed or cancelled; rows before
-- this migration take theirs from the invoice and paid dates.
CREATE TABLE recharges_rebuilt (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  direction TEXT NOT NULL,
  other_council TEXT NOT NULL,
  child_id TEXT REFERENCES children(id),
  child_name TEXT NOT NULL,
  setting_name TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  amount_pence BIGINT NOT NULL,
  invoice_reference TEXT NOT NULL,
  invoiced_on TEXT,
  paid_on TEXT,
  status TEXT NOT NULL,
  version BIGINT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
INSERT INTO recharges_rebuilt (id, area_id, direction, other_council, child_id, child_name, setting_name,
  period_start, period_end, amount_pence, invoice_reference, invoiced_on, paid_on, status, version, recorded_by,
  recorded_at)
SELECT id, area_id, direction, other_council, child_id, '', setting_name, period_start, period_end, amount_pence,
  invoice_reference, invoiced_on, paid_on,
  CASE WHEN paid_on IS NOT NULL THEN 'paid' WHEN invoice_reference <> '' THEN 'invoiced' ELSE 'not_invoiced' END,
  version, recorded_by, recorded_at
FROM recharges;
DROP TABLE recharges;
ALTER TABLE recharges_rebuilt RENAME TO recharges;
CREATE INDEX recharges_area ON recharges (area_id, other_council, period_start);
CREATE INDEX recharges_child ON recharges (child_id);
