-- Citizens' satisfaction ratings: one per ticket, against the clerk, counter, service and dossiers.
CREATE TABLE ratings (
  ticket_id  TEXT    PRIMARY KEY REFERENCES tickets(id),
  level      TEXT    NOT NULL CHECK (level IN ('very_satisfied', 'satisfied', 'not_satisfied')),
  at         INTEGER NOT NULL,
  counter_id INTEGER NOT NULL,
  clerk      TEXT,
  service_id TEXT    NOT NULL,
  dossiers   TEXT    NOT NULL              -- JSON list of dossier codes
);
CREATE INDEX ratings_by_time ON ratings (at);

-- A rating key rates the ticket its counter finished last: found without reading years of tickets.
CREATE INDEX tickets_done_by_counter ON tickets (counter_id, ended_at) WHERE status = 'done';

-- The small tablets at the counters on which citizens rate the service: paired like kiosks.
CREATE TABLE rating_tablets (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  def TEXT NOT NULL
);
