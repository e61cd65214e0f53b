-- Commissioning activities round the joint cycle (joint understanding,
-- planning, delivery, review): kind, level, partners and their shares of the
-- budget, the stage and when its gate is due, the evidence linked for each
-- stage, each partner's decision (and the partnership board's recommendation)
-- on leaving a stage, and the stage changes. Money is pence; shares are basis
-- points; contract_id is '' when the activity concerns no Tandem contract.
CREATE TABLE commissioning_activities (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  level TEXT NOT NULL,
  budget_pence BIGINT NOT NULL,
  stage TEXT NOT NULL,
  stage_due_on TEXT NOT NULL,
  contract_id TEXT NOT NULL,
  version BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX commissioning_activities_area ON commissioning_activities (area_id, stage, stage_due_on);

-- The partners and their shares, lead first.
CREATE TABLE commissioning_partners (
  activity_id TEXT NOT NULL REFERENCES commissioning_activities(id),
  area_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  agency TEXT NOT NULL,
  basis_points INTEGER NOT NULL,
  PRIMARY KEY (activity_id, agency)
);

-- url is a web address or a Tandem page; contract_id a Tandem contract or ''.
CREATE TABLE commissioning_evidence (
  id TEXT PRIMARY KEY,
  activity_id TEXT NOT NULL REFERENCES commissioning_activities(id),
  area_id TEXT NOT NULL,
  stage TEXT NOT NULL,
  need_id TEXT NOT NULL,
  title TEXT NOT NULL,
  url TEXT NOT NULL,
  contract_id TEXT NOT NULL,
  added_by TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX commissioning_evidence_activity ON commissioning_evidence (activity_id, at);

-- body: 'partner' (agency decides through its own governance) or 'board'
-- (the partnership board recommends; agency '').
CREATE TABLE commissioning_sign_offs (
  id TEXT PRIMARY KEY,
  activity_id TEXT NOT NULL REFERENCES commissioning_activities(id),
  area_id TEXT NOT NULL,
  stage TEXT NOT NULL,
  body TEXT NOT NULL,
  agency TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  decision TEXT NOT NULL,
  decision_maker TEXT NOT NULL,
  note TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX commissioning_sign_offs_activity ON commissioning_sign_offs (activity_id, at);

CREATE TABLE commissioning_stage_changes (
  id TEXT PRIMARY KEY,
  activity_id TEXT NOT NULL REFERENCES commissioning_activities(id),
  area_id TEXT NOT NULL,
  from_stage TEXT NOT NULL,
  to_stage TEXT NOT NULL,
  next_due_on TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX commissioning_stage_changes_activity ON commissioning_stage_changes (activity_id, at);

-- Frameworks of approved providers by tier of need (tier is the position in
-- framework_tiers, lowest need first), and suspensions from them: while one
-- is in force (lifted_on ''), the provider cannot be picked for a spot
-- purchase or a call-off.
CREATE TABLE frameworks (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  name TEXT NOT NULL,
  reference TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX frameworks_area ON frameworks (area_id, name);

CREATE TABLE framework_tiers (
  framework_id TEXT NOT NULL REFERENCES frameworks(id),
  area_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (framework_id, position)
);

CREATE TABLE framework_providers (
  framework_id TEXT NOT NULL REFERENCES frameworks(id),
  area_id TEXT NOT NULL,
  provider_id TEXT NOT NULL REFERENCES contract_providers(id),
  tier INTEGER NOT NULL,
  PRIMARY KEY (framework_id, provider_id, tier)
);

CREATE TABLE framework_suspensions (
  id TEXT PRIMARY KEY,
  framework_id TEXT NOT NULL REFERENCES frameworks(id),
  area_id TEXT NOT NULL,
  provider_id TEXT NOT NULL REFERENCES contract_providers(id),
  suspended_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  lifted_on TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX framework_suspensions_area ON framework_suspensions (area_id, provider_id);
