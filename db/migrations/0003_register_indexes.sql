-- The register checks involvement for every candidate row: let the index
-- answer it without reading the table.
CREATE INDEX involvements_access ON involvements (child_id, ended_on, user_id, agency);
