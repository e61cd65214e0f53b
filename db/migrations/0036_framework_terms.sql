-- A framework's term (YYYY-MM-DD): at most four years (Procurement Act 2023,
-- section 47), and a call-off must start within it. Empty for a framework
-- recorded before terms were; it is then not checked.
ALTER TABLE frameworks ADD COLUMN starts_on TEXT NOT NULL DEFAULT '';
ALTER TABLE frameworks ADD COLUMN ends_on TEXT NOT NULL DEFAULT '';
