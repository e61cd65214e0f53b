-- The Local Offer directory, shaped after Open Referral UK (HSDS-UK 3.0):
-- organisations run services, offered at locations on schedules, described by
-- taxonomy terms (the SEND needs a service is for among them). Ids are UUIDs,
-- as the standard requires. Coordinates are whole millionths of a degree so
-- both engines store them exactly; money is pence.
CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  email TEXT NOT NULL,
  website TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX organisations_area ON organisations (area_id);

CREATE TABLE locations (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  address_1 TEXT NOT NULL,
  city TEXT NOT NULL,
  postcode TEXT NOT NULL,
  latitude_e6 BIGINT,
  longitude_e6 BIGINT,
  accessibility TEXT NOT NULL
);
CREATE INDEX locations_area ON locations (area_id);

-- level: universal, specialist or highly_specialist. Ages in whole years;
-- maximum_age NULL means no upper limit.
CREATE TABLE services (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  url TEXT NOT NULL,
  email TEXT NOT NULL,
  status TEXT NOT NULL,
  level TEXT NOT NULL,
  how_to_access TEXT NOT NULL,
  minimum_age INTEGER NOT NULL,
  maximum_age INTEGER,
  last_checked_on TEXT NOT NULL,
  review_due_on TEXT NOT NULL,
  version BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX services_area_name ON services (area_id, name);
CREATE INDEX services_area_review ON services (area_id, review_due_on);

CREATE TABLE service_at_location (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  service_id TEXT NOT NULL REFERENCES services(id),
  location_id TEXT NOT NULL REFERENCES locations(id)
);
CREATE INDEX service_at_location_service ON service_at_location (service_id);

-- byday: RFC 5545 day codes, "MO,WE"; opens_at and closes_at "HH:MM".
-- service_at_location_id empty: the service's own times wherever it runs.
CREATE TABLE schedules (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  service_id TEXT NOT NULL REFERENCES services(id),
  service_at_location_id TEXT NOT NULL,
  byday TEXT NOT NULL,
  opens_at TEXT NOT NULL,
  closes_at TEXT NOT NULL,
  description TEXT NOT NULL
);
CREATE INDEX schedules_service ON schedules (service_id);

CREATE TABLE taxonomies (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  uri TEXT NOT NULL,
  version TEXT NOT NULL
);
CREATE INDEX taxonomies_area ON taxonomies (area_id);

-- code: the term's code in its taxonomy (for needs, the DfE primary-need code).
CREATE TABLE taxonomy_terms (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  taxonomy_id TEXT NOT NULL REFERENCES taxonomies(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  parent_id TEXT NOT NULL
);
CREATE INDEX taxonomy_terms_area ON taxonomy_terms (area_id, taxonomy_id);

CREATE TABLE service_terms (
  service_id TEXT NOT NULL REFERENCES services(id),
  term_id TEXT NOT NULL REFERENCES taxonomy_terms(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  PRIMARY KEY (service_id, term_id)
);

CREATE TABLE service_contacts (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  service_id TEXT NOT NULL REFERENCES services(id),
  name TEXT NOT NULL,
  title TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL
);
CREATE INDEX service_contacts_service ON service_contacts (service_id);

-- amount_pence NULL: the option has no set price (e.g. "depends on hours").
CREATE TABLE cost_options (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  service_id TEXT NOT NULL REFERENCES services(id),
  option_text TEXT NOT NULL,
  amount_pence BIGINT,
  amount_description TEXT NOT NULL
);
CREATE INDEX cost_options_service ON cost_options (service_id);

-- Centre of each postcode district the area covers, for "within N metres".
CREATE TABLE postcode_districts (
  area_id TEXT NOT NULL REFERENCES areas(id),
  district TEXT NOT NULL,
  latitude_e6 BIGINT NOT NULL,
  longitude_e6 BIGINT NOT NULL,
  PRIMARY KEY (area_id, district)
);

-- Bumped by every change to an area's directory, so each server knows when its
-- in-memory copy of the directory is stale.
CREATE TABLE directory_versions (
  area_id TEXT PRIMARY KEY REFERENCES areas(id),
  version BIGINT NOT NULL
);
