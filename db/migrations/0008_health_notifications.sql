-- A health body's notice that a young child may have SEN (CFA s23). It opens
-- or joins the child's record; it does not start any statutory clock.
CREATE TABLE health_notifications (
  id TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  notified_on TEXT NOT NULL,
  from_body TEXT NOT NULL,
  details TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX health_notifications_child ON health_notifications (child_id);
