-- Who read a dossier's personal data (the full view, a slip, the list with ID numbers), and
-- when: Decree 13/2023 asks that processing personal data leaves a trace. Rows are never
-- changed; a manager reads them with GET /api/dossier-reads.
CREATE TABLE dossier_reads (
  id    INTEGER PRIMARY KEY,
  at    INTEGER NOT NULL,
  user  TEXT    NOT NULL,
  name  TEXT    NOT NULL,
  code  TEXT    NOT NULL,
  what  TEXT    NOT NULL CHECK (what IN ('view', 'list', 'slip', 'print'))
);
CREATE INDEX dossier_reads_by_time ON dossier_reads (at);
CREATE INDEX dossier_reads_by_code ON dossier_reads (code, at);
CREATE INDEX dossier_reads_by_user ON dossier_reads (user, code, what, at);

CREATE TRIGGER dossier_reads_kept_update BEFORE UPDATE ON dossier_reads
BEGIN SELECT RAISE(ABORT, 'the dossier read log is never changed'); END;
CREATE TRIGGER dossier_reads_kept_delete BEFORE DELETE ON dossier_reads
BEGIN SELECT RAISE(ABORT, 'the dossier read log is never changed'); END;
