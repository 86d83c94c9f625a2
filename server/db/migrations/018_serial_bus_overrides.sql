-- Serial buses (counter keypads and LED boards) an admin added, changed or removed in the
-- manager console, laid over the hall file's serial_buses at each start like device_overrides:
-- each stands until the hall file itself says something new about that bus (file_def: what the
-- file said of it when the console changed it; null when the file did not name it). def is
-- null for a bus of the file the console removed.
CREATE TABLE serial_bus_overrides (
  id         TEXT    PRIMARY KEY,
  def        TEXT,
  file_def   TEXT,
  updated_at INTEGER NOT NULL,
  updated_by TEXT    NOT NULL
);
