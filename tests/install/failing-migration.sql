-- A migration that fails halfway: the first statement works, the second names a table that
-- does not exist. The upgrade that brings it must leave the hall on the version before.
CREATE TABLE upgrade_probe (id INTEGER PRIMARY KEY);
INSERT INTO no_such_table VALUES (1);
