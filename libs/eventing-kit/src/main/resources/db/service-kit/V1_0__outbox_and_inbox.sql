-- Every service writes its events here in the transaction that changes its state; OutboxRelay sends them to Kafka.
CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        VARCHAR(200) NOT NULL,
    message_key  VARCHAR(200),
    event_type   VARCHAR(100) NOT NULL,
    envelope     TEXT         NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    published_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_outbox_pending ON outbox_event (id) WHERE published_at IS NULL;

-- Event ids a consumer has applied, written in the transaction that applies them: a redelivery finds its id and is dropped.
CREATE TABLE consumed_event (
    event_id    UUID         NOT NULL,
    consumer    VARCHAR(100) NOT NULL,
    event_type  VARCHAR(100) NOT NULL,
    consumed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    PRIMARY KEY (event_id, consumer)
);
