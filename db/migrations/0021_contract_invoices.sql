-- Money actually spent on contracts: the provider's invoices against each
-- contract, with the date each was paid. Amounts are pence.
CREATE TABLE contract_invoices (
  id TEXT PRIMARY KEY,
  contract_id TEXT NOT NULL REFERENCES contracts(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  reference TEXT NOT NULL,
  invoiced_on TEXT NOT NULL,
  amount_pence BIGINT NOT NULL,
  paid_on TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX contract_invoices_contract ON contract_invoices (contract_id, invoiced_on);
CREATE INDEX contract_invoices_area ON contract_invoices (area_id, invoiced_on);
