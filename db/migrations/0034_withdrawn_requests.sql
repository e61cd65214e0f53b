-- A request for an EHC needs assessment is the family's or the school's (CFA
-- 2014 s36(1)): they may withdraw it while the case runs. The date it was
-- withdrawn ends the case; SEN2 returns it as RequestOutcome W. Empty: not
-- withdrawn.
ALTER TABLE assessments ADD COLUMN withdrawn_on TEXT;
