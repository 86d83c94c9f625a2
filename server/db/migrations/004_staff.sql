-- Staff accounts (clerks and managers) and their sign-in sessions. A session stores only a
-- hash of its token, so a copy of the database does not let anyone act as a clerk.
CREATE TABLE staff (
  user TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  def TEXT NOT NULL
);

CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  user TEXT NOT NULL,
  role TEXT NOT NULL,
  counter_id INTEGER,
  created_at INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  ended_at INTEGER
);
CREATE INDEX staff_sessions_open ON staff_sessions (ended_at, counter_id);

-- Hall settings a manager changes while the hall runs (the display notice); they override
-- the hall file until the file itself changes them.
CREATE TABLE hall_overrides (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT
);
