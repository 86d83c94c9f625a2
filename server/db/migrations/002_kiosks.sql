-- Ticket kiosks: registered devices with their own token, rate cap and printer.
CREATE TABLE kiosks (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  def TEXT NOT NULL
);
