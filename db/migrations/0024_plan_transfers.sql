-- A plan ends without a decision to cease when it goes with the child to
-- another council (SEND Regulations 2014 reg 15(2)): the day it was
-- transferred, and why, in the SEN2 CeaseReason vocabulary (core/cessation.h:
-- 'moved_la'). Empty: the plan is maintained here.
ALTER TABLE plans ADD COLUMN ended_on TEXT;
ALTER TABLE plans ADD COLUMN end_reason TEXT;

-- Whether the council receiving a plan proposes to amend it, which its letter
-- to the family (reg 15(4)) says beside whether it will assess afresh.
ALTER TABLE area_moves ADD COLUMN will_amend INTEGER;
