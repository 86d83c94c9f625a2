-- The event log keeps what each change set (server/domain/log-entry.ts), in a narrower row: its
-- kind and who made it are numbers into two small tables. Rows written before keep their full
-- states, marked by full_state = 1 (their times are absolute; in the new rows, ticket and
-- counter times are milliseconds from the row's `at`). Read it by name through the view
-- event_log.

CREATE TABLE event_types (
  id   INTEGER PRIMARY KEY,
  name TEXT    NOT NULL UNIQUE
);
-- Numbers are never reused or reordered: new kinds take the next number in a new migration.
INSERT INTO event_types (id, name) VALUES
  (1, 'ticket:issued'), (2, 'ticket:called'), (3, 'ticket:recalled'), (4, 'ticket:serving'),
  (5, 'ticket:no-show'), (6, 'ticket:restored'), (7, 'ticket:transferred'), (8, 'ticket:finished'),
  (9, 'ticket:cancelled'), (10, 'ticket:priority-changed'), (11, 'counter:opened'),
  (12, 'counter:closed'), (13, 'counter:paused'), (14, 'counter:resumed'), (15, 'day:closed'),
  (16, 'dossier:changed'), (17, 'ticket:rated');
INSERT INTO event_types (name) SELECT DISTINCT type FROM events WHERE type NOT IN (SELECT name FROM event_types);

-- Clerks, kiosks, keypads and tablets as the log names them.
CREATE TABLE actors (
  id   INTEGER PRIMARY KEY,
  name TEXT    NOT NULL UNIQUE
);
INSERT INTO actors (name) SELECT DISTINCT actor FROM events WHERE actor IS NOT NULL ORDER BY actor;

-- seq only grows without AUTOINCREMENT too: no row is ever deleted (the triggers below), so
-- the next is always the largest plus one, and the extra write per event is saved.
CREATE TABLE event_rows (
  seq        INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  type       INTEGER NOT NULL REFERENCES event_types(id),
  ticket_id  TEXT,
  counter_id INTEGER,
  service_id TEXT,
  actor      INTEGER REFERENCES actors(id),
  full_state INTEGER,                        -- 1: an entry of the former log, with full states
  data       TEXT    NOT NULL                -- JSON: what the change set (log-entry.ts)
);
INSERT INTO event_rows (seq, at, type, ticket_id, counter_id, service_id, actor, full_state, data)
  SELECT e.seq, e.at, t.id, e.ticket_id, e.counter_id, e.service_id, a.id, 1, e.data
  FROM events e JOIN event_types t ON t.name = e.type LEFT JOIN actors a ON a.name = e.actor
  ORDER BY e.seq;
DROP TABLE events;
ALTER TABLE event_rows RENAME TO events;
CREATE INDEX events_by_ticket ON events(ticket_id);

CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

CREATE VIEW event_log AS
  SELECT e.seq, e.at, t.name AS type, e.ticket_id, e.counter_id, e.service_id, a.name AS actor, e.full_state, e.data
  FROM events e JOIN event_types t ON t.id = e.type LEFT JOIN actors a ON a.id = e.actor;

-- Tickets by day are found through UNIQUE (day, number); this index repeated it, for years.
DROP INDEX tickets_by_day_status;
