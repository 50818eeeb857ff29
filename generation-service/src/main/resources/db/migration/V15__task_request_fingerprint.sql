-- What a generate request asked for (quantity, GTIN, force, override), kept with its task: a repeat under the same
-- Idempotency-Key must ask for the same, else it is refused (422) instead of silently answering the first task.
-- Tasks created before this column hold none and are answered as before.
ALTER TABLE generation_task ADD COLUMN request_fingerprint VARCHAR(200);
