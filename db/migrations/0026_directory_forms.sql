-- Staff keep every part of the Local Offer, not only its services: an
-- organisation's logo and its charity and company numbers (Open Referral UK's
-- organization_identifiers), a second address line for a venue, the dates an
-- opening time holds from and to (empty: open-ended), and a version on each
-- organisation, venue and taxonomy term so a stale edit is refused.
ALTER TABLE organisations ADD COLUMN logo TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN charity_number TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN company_number TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE locations ADD COLUMN address_2 TEXT NOT NULL DEFAULT '';
ALTER TABLE locations ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE schedules ADD COLUMN valid_from TEXT NOT NULL DEFAULT '';
ALTER TABLE schedules ADD COLUMN valid_to TEXT NOT NULL DEFAULT '';
ALTER TABLE taxonomy_terms ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
