-- Two kinds of change made in the manager console: a procedures catalogue applied after its
-- preview, and the voice of the calls.
INSERT INTO event_types (id, name) VALUES (26, 'catalog:replaced'), (27, 'voice:changed');
