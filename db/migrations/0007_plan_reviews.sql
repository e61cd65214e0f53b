-- When each plan was made and last reviewed: the annual review clock (CFA s44(1)).
ALTER TABLE plans ADD COLUMN made_on TEXT;
ALTER TABLE plans ADD COLUMN last_reviewed_on TEXT;
