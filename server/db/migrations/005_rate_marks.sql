-- What the hub's limits count, kept on disk so that a restart does not reset them: failed
-- sign-ins (per user and address, and per address), tickets a kiosk gave, reprints of a ticket.
CREATE TABLE rate_marks (
  kind TEXT NOT NULL,
  key  TEXT NOT NULL,
  at   INTEGER NOT NULL
);
CREATE INDEX rate_marks_by_key ON rate_marks (kind, key, at);
CREATE INDEX rate_marks_by_time ON rate_marks (at);
