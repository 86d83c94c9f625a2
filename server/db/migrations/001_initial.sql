-- The hall's definition, its live queue and the append-only event log.

CREATE TABLE hall_settings (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  settings   TEXT    NOT NULL,            -- JSON HallSettings
  updated_at INTEGER NOT NULL
);

CREATE TABLE services (
  id       TEXT    PRIMARY KEY,
  position INTEGER NOT NULL,
  def      TEXT    NOT NULL                -- JSON ServiceDef
);

CREATE TABLE counters (
  id       INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  def      TEXT    NOT NULL                -- JSON CounterDef
);

CREATE TABLE tickets (
  id                TEXT    PRIMARY KEY,
  day               TEXT    NOT NULL,      -- hall-local YYYY-MM-DD
  service_id        TEXT    NOT NULL REFERENCES services(id),
  seq               INTEGER NOT NULL CHECK (seq >= 1),
  number            TEXT    NOT NULL,
  priority          TEXT,
  status            TEXT    NOT NULL CHECK (status IN ('waiting','called','serving','done','no_show','cancelled','not_served')),
  source            TEXT    NOT NULL,
  issued_at         INTEGER NOT NULL,
  queue_at          INTEGER NOT NULL,
  front             INTEGER NOT NULL DEFAULT 0,
  target_counter_id INTEGER REFERENCES counters(id),
  counter_id        INTEGER REFERENCES counters(id),
  called_at         INTEGER,
  recall_count      INTEGER NOT NULL DEFAULT 0,
  serving_at        INTEGER,
  ended_at          INTEGER,
  transfer_count    INTEGER NOT NULL DEFAULT 0,
  end_reason        TEXT,
  -- A number is never given twice in a day, whatever happens.
  UNIQUE (day, number)
);
CREATE INDEX tickets_by_day_status ON tickets(day, status);
CREATE INDEX tickets_open ON tickets(status) WHERE status IN ('waiting','called','serving','no_show');

-- Last number given per service and day: the series restarts with each new day.
CREATE TABLE ticket_series (
  day        TEXT    NOT NULL,
  service_id TEXT    NOT NULL REFERENCES services(id),
  last_seq   INTEGER NOT NULL,
  PRIMARY KEY (day, service_id)
) WITHOUT ROWID;

CREATE TABLE counter_state (
  counter_id             INTEGER PRIMARY KEY REFERENCES counters(id),
  mode                   TEXT    NOT NULL CHECK (mode IN ('open','paused','closed')),
  pause_reason           TEXT,
  clerk                  TEXT,
  current_ticket_id      TEXT REFERENCES tickets(id),
  regular_since_priority INTEGER NOT NULL DEFAULT 0,
  since                  INTEGER NOT NULL
);

-- Every state change, in order. seq is the number pages see on every event.
CREATE TABLE events (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  at         INTEGER NOT NULL,
  type       TEXT    NOT NULL,
  ticket_id  TEXT,
  counter_id INTEGER,
  service_id TEXT,
  actor      TEXT,
  data       TEXT    NOT NULL              -- JSON payload as sent to pages
);
CREATE INDEX events_by_ticket ON events(ticket_id);

CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
