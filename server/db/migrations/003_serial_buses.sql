-- Serial buses (RS-485 lines) with their counter keypads and LED boards.
CREATE TABLE serial_buses (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  def TEXT NOT NULL
);
