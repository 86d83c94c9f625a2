-- The hall's catalogue of administrative procedures, in the hall's order.
CREATE TABLE procedures (
  code     TEXT    PRIMARY KEY,
  position INTEGER NOT NULL,
  def      TEXT    NOT NULL              -- JSON Procedure
);
