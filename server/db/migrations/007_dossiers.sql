-- Dossiers opened at the counter (or linked to the province's system), and the day's code
-- series: a dossier code is never given twice, also across a crash.
CREATE TABLE dossiers (
  code         TEXT    PRIMARY KEY,
  kind         TEXT    NOT NULL CHECK (kind IN ('local', 'linked')),
  status       INTEGER NOT NULL CHECK (status BETWEEN 1 AND 10),
  ticket_id    TEXT,
  counter_id   INTEGER,
  service_id   TEXT,
  opened_at    INTEGER NOT NULL,
  due_at       INTEGER,
  data         TEXT    NOT NULL              -- JSON Dossier
);
CREATE INDEX dossiers_by_ticket ON dossiers (ticket_id);
CREATE INDEX dossiers_open_by_due ON dossiers (due_at) WHERE status NOT IN (3, 7, 8, 9, 10);

-- Tickets taken later to collect a dossier's result.
CREATE TABLE dossier_tickets (
  ticket_id TEXT NOT NULL,
  code      TEXT NOT NULL REFERENCES dossiers(code),
  PRIMARY KEY (ticket_id, code)
) WITHOUT ROWID;

CREATE TABLE dossier_series (
  day      TEXT    PRIMARY KEY,              -- hall-local YYYY-MM-DD
  last_seq INTEGER NOT NULL CHECK (last_seq BETWEEN 1 AND 9999)
) WITHOUT ROWID;
