-- Services and counters an admin adds, changes or removes in the manager console while the hall
-- runs, kept apart from the hall file's as staff_overrides keeps accounts: the services and
-- counters tables are written again from the file at each start, and these are laid over them.
-- Each stands until the hall file itself says something new about that service or counter
-- (file_def: what the file said of it when the console changed it; null when the file did not
-- name it). A removed one is kept with "active": false, because past tickets name it.
CREATE TABLE config_overrides (
  kind       TEXT    NOT NULL CHECK (kind IN ('service', 'counter')),
  id         TEXT    NOT NULL,
  def        TEXT    NOT NULL,
  file_def   TEXT,
  updated_at INTEGER NOT NULL,
  updated_by TEXT    NOT NULL,
  PRIMARY KEY (kind, id)
);

-- What the hall file said of each service and counter at the last start, to tell whether the
-- file changed one since the console did.
CREATE TABLE config_file_defs (
  kind     TEXT NOT NULL,
  id       TEXT NOT NULL,
  file_def TEXT NOT NULL,
  PRIMARY KEY (kind, id)
);

INSERT INTO event_types (id, name) VALUES (24, 'hall:configured');

-- The services and counters stored now are what the hall file said at the last start.
INSERT INTO config_file_defs (kind, id, file_def) SELECT 'service', id, def FROM services;
INSERT INTO config_file_defs (kind, id, file_def) SELECT 'counter', CAST(id AS TEXT), def FROM counters;
