-- Kiosks, rating tablets and displays an admin added or changed in the manager console, kept
-- apart from the hall file's: the kiosks and rating_tablets tables are written again from the
-- file at each start, and these are laid over them (displays have no place in the file). A
-- device stands until the hall file itself says something new about it (file_def: what the
-- file said of the device when the console changed it; null when the file did not name it).
-- Tokens are kept only as their SHA-256.
CREATE TABLE device_overrides (
  kind       TEXT    NOT NULL CHECK (kind IN ('kiosk', 'ratingTablet', 'display')),
  id         TEXT    NOT NULL,
  def        TEXT    NOT NULL,
  file_def   TEXT,
  updated_at INTEGER NOT NULL,
  updated_by TEXT    NOT NULL,
  PRIMARY KEY (kind, id)
);

-- Pairing codes the console showed (as a QR code and a short address): each is used once, and
-- only before it expires. Kept as their SHA-256.
CREATE TABLE device_pairings (
  code_hash  TEXT    PRIMARY KEY,
  kind       TEXT    NOT NULL,
  id         TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER,
  created_by TEXT    NOT NULL
);
CREATE INDEX device_pairings_of ON device_pairings (kind, id);

INSERT INTO event_types (id, name) VALUES (25, 'device:changed');
