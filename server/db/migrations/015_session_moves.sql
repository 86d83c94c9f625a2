-- A session a manager ended by moving its clerk to another counter keeps where they were sent,
-- so the page left at the old counter can say so instead of "your session has expired".
ALTER TABLE staff_sessions ADD COLUMN moved_to INTEGER;
