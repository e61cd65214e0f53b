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

-- Pooled budgets (NHS Act 2006 s75): each partner's contribution and the
-- contracts the pool pays for.
CREATE TABLE pooled_budgets (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  name TEXT NOT NULL,
  agreement TEXT NOT NULL,
  host TEXT NOT NULL,
  start_on TEXT NOT NULL,
  end_on TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX pooled_budgets_area ON pooled_budgets (area_id, name);

CREATE TABLE pooled_budget_contributions (
  pool_id TEXT NOT NULL REFERENCES pooled_budgets(id),
  area_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  agency TEXT NOT NULL,
  amount_pence BIGINT NOT NULL,
  PRIMARY KEY (pool_id, agency)
);

CREATE TABLE pooled_budget_contracts (
  pool_id TEXT NOT NULL REFERENCES pooled_budgets(id),
  area_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  contract_id TEXT NOT NULL REFERENCES contracts(id),
  PRIMARY KEY (pool_id, contract_id)
);
CREATE INDEX pooled_budget_contracts_contract ON pooled_budget_contracts (contract_id);

-- Decommissioning appraisals (Northumberland 4.5) of a contract or a
-- commissioning activity, ending in a recorded decision (null until made).
CREATE TABLE decommissioning_appraisals (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  subject TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  needs_and_demand TEXT NOT NULL,
  quality_and_performance TEXT NOT NULL,
  cost TEXT NOT NULL,
  contract_terms TEXT NOT NULL,
  stakeholders TEXT NOT NULL,
  exit_plan TEXT NOT NULL,
  decision TEXT,
  decided_on TEXT,
  decided_by TEXT NOT NULL,
  rationale TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX decommissioning_appraisals_area ON decommissioning_appraisals (area_id, created_at);
CREATE INDEX decommissioning_appraisals_subject ON decommissioning_appraisals (subject_id);
