-- DfE's reason a child has no unique pupil number (the SEN2 return's
-- UPNunknown, UN1 to UN10 in the year's list in data/sen2). Empty text: a UPN
-- is held, or no reason has been recorded yet.
ALTER TABLE children ADD COLUMN upn_unknown TEXT NOT NULL DEFAULT '';
