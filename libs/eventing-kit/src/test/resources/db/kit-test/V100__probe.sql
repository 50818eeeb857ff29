-- What the kit's tests apply through IdempotentConsumer: one row per applied event, so a repeat would show.
CREATE TABLE probe_applied (
    id         BIGSERIAL PRIMARY KEY,
    event_id   UUID         NOT NULL,
    payload    TEXT         NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW()
);
