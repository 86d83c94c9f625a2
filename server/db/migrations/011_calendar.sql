-- The hall's own days, added and removed one at a time while the hub runs: closures (a whole
-- day, or from/to a time of day) and extra working days, each with its reason in Vietnamese
-- and English; and the official schedules of years loaded through the API (over the shipped
-- config/holidays.yaml and the hall file's). Each change is also in the event log, with who.

CREATE TABLE calendar_days (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  day       TEXT    NOT NULL,                              -- YYYY-MM-DD, the hall's local day
  kind      TEXT    NOT NULL CHECK (kind IN ('closed', 'open')),
  from_time TEXT,                                          -- HH:MM, a closure of part of the day
  to_time   TEXT,
  reason_vi TEXT    NOT NULL,
  reason_en TEXT    NOT NULL,
  added_at  INTEGER NOT NULL,
  added_by  TEXT
);
CREATE INDEX calendar_days_by_day ON calendar_days(day);

CREATE TABLE calendar_years (
  year      INTEGER PRIMARY KEY,
  schedule  TEXT    NOT NULL,                              -- JSON: { daysOff, workingDays, source }
  loaded_at INTEGER NOT NULL,
  loaded_by TEXT
);

INSERT INTO event_types (id, name) VALUES (18, 'calendar:changed');
