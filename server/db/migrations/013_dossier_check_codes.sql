-- Each dossier gets a check code: printed on the citizen's slip and carried in its QR, asked by
-- the public lookup beside the dossier code, so that a code guessed in sequence shows nothing.
-- It lives in its own column, not in the JSON (which the event log replays) and never in the
-- log. Dossiers stored before get one now, of the same letters as the hub draws
-- (CHECK_CODE_ALPHABET, server/domain/dossier/dossier.ts): their slips are printed again to
-- carry it.
ALTER TABLE dossiers ADD COLUMN check_code TEXT;
UPDATE dossiers SET check_code =
  substr('34679ACEFGHJKMNPRTUVWXY', 1 + abs(random() % 23), 1) ||
  substr('34679ACEFGHJKMNPRTUVWXY', 1 + abs(random() % 23), 1) ||
  substr('34679ACEFGHJKMNPRTUVWXY', 1 + abs(random() % 23), 1) ||
  substr('34679ACEFGHJKMNPRTUVWXY', 1 + abs(random() % 23), 1) ||
  substr('34679ACEFGHJKMNPRTUVWXY', 1 + abs(random() % 23), 1) ||
  substr('34679ACEFGHJKMNPRTUVWXY', 1 + abs(random() % 23), 1);

-- The short form of a code (its day and series, e.g. 261203-0007), as a citizen types it.
CREATE INDEX dossiers_by_short_code ON dossiers (substr(code, -11));
