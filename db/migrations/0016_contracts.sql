-- Commissioned services: providers, their contracts with the partnership
-- (type, commissioning agencies and shares, value, term, the Local Offer
-- services delivered, procurement stage), and quarterly monitoring (each
-- contract's indicators and the provider's returns against them). Money is
-- pence; measures are whole hundredths; shares are basis points.
CREATE TABLE contract_providers (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  name TEXT NOT NULL,
  organisation_id TEXT NOT NULL
);
CREATE INDEX contract_providers_area ON contract_providers (area_id, name);

-- A provider's staff sign in with the provider role; this says whose
-- contracts they see and report on.
CREATE TABLE provider_users (
  user_id TEXT NOT NULL REFERENCES users(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  provider_id TEXT NOT NULL REFERENCES contract_providers(id),
  PRIMARY KEY (user_id, area_id)
);

CREATE TABLE contracts (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  provider_id TEXT NOT NULL REFERENCES contract_providers(id),
  reference TEXT NOT NULL,
  title TEXT NOT NULL,
  type TEXT NOT NULL,
  stage TEXT NOT NULL,
  value_pence BIGINT NOT NULL,
  start_on TEXT NOT NULL,
  end_on TEXT NOT NULL,
  version BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX contracts_area_stage ON contracts (area_id, stage);
CREATE INDEX contracts_provider ON contracts (provider_id);

-- The commissioning agencies and their shares, lead first.
CREATE TABLE contract_agencies (
  contract_id TEXT NOT NULL REFERENCES contracts(id),
  area_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  agency TEXT NOT NULL,
  basis_points INTEGER NOT NULL,
  PRIMARY KEY (contract_id, agency)
);
CREATE INDEX contract_agencies_area ON contract_agencies (area_id, agency);

-- What the contract delivers: Local Offer services (kind 'service', value a
-- service id) and the names plans' provision lines give it (kind 'name').
CREATE TABLE contract_deliveries (
  contract_id TEXT NOT NULL REFERENCES contracts(id),
  area_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  position INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (contract_id, kind, position)
);

CREATE TABLE contract_stage_changes (
  id TEXT PRIMARY KEY,
  contract_id TEXT NOT NULL REFERENCES contracts(id),
  area_id TEXT NOT NULL,
  from_stage TEXT NOT NULL,
  to_stage TEXT NOT NULL,
  changed_on TEXT NOT NULL,
  note TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX contract_stage_changes_contract ON contract_stage_changes (contract_id, at);

-- direction: higher_is_better or lower_is_better; target and amber in
-- hundredths of the unit.
CREATE TABLE contract_kpis (
  id TEXT PRIMARY KEY,
  contract_id TEXT NOT NULL REFERENCES contracts(id),
  area_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  direction TEXT NOT NULL,
  target BIGINT NOT NULL,
  amber BIGINT NOT NULL
);
CREATE INDEX contract_kpis_contract ON contract_kpis (contract_id, position);

-- One return per contract and financial quarter ("2025-26-Q1").
CREATE TABLE contract_returns (
  id TEXT PRIMARY KEY,
  contract_id TEXT NOT NULL REFERENCES contracts(id),
  area_id TEXT NOT NULL,
  quarter TEXT NOT NULL,
  spend_pence BIGINT NOT NULL,
  children_served BIGINT NOT NULL,
  narrative TEXT NOT NULL,
  submitted_on TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  UNIQUE (contract_id, quarter)
);
CREATE INDEX contract_returns_area ON contract_returns (area_id, quarter);

CREATE TABLE contract_return_values (
  return_id TEXT NOT NULL REFERENCES contract_returns(id),
  kpi_id TEXT NOT NULL,
  area_id TEXT NOT NULL,
  actual BIGINT,
  note TEXT NOT NULL,
  PRIMARY KEY (return_id, kpi_id)
);
