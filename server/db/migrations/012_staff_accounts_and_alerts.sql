-- Accounts an admin adds or changes in the manager console, kept apart from the hall file's:
-- the staff table is written again from the file at each start, and these are laid over it.
-- An account stands until the hall file itself says something new about that user (file_def:
-- what the file said of the user when the console changed it; null when the file did not
-- name the user).
CREATE TABLE staff_overrides (
  user       TEXT PRIMARY KEY,
  def        TEXT    NOT NULL,
  file_def   TEXT,
  updated_at INTEGER NOT NULL,
  updated_by TEXT    NOT NULL
);

-- What the hall file said of each user at the last start (JSON of the account), to tell
-- whether the file changed a user since the console did.
CREATE TABLE staff_file_defs (
  user     TEXT PRIMARY KEY,
  file_def TEXT NOT NULL
);
INSERT INTO staff_file_defs (user, file_def) SELECT user, def FROM staff;

-- The alerts the console raised from the hall's state, who acknowledged each and when it
-- ended. The event log keeps the same steps; this table is what the console reads.
CREATE TABLE alerts (
  id              INTEGER PRIMARY KEY,
  key             TEXT    NOT NULL,
  kind            TEXT    NOT NULL,
  raised_at       INTEGER NOT NULL,
  message         TEXT    NOT NULL,
  message_en      TEXT    NOT NULL,
  acknowledged_at INTEGER,
  acknowledged_by TEXT,
  cleared_at      INTEGER
);
CREATE INDEX alerts_open ON alerts (cleared_at, key);

-- The thresholds a manager set (one row); the defaults apply until then.
CREATE TABLE alert_thresholds (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  value      TEXT    NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT    NOT NULL
);

INSERT INTO event_types (id, name) VALUES
  (19, 'staff:changed'), (20, 'alert:raised'), (21, 'alert:acknowledged'), (22, 'alert:cleared'), (23, 'alert:thresholds');
