-- This service's copy of the active configuration: the newest version seen on serialgen.config.v1.
CREATE TABLE replicated_config (
    id         SMALLINT PRIMARY KEY CHECK (id = 1),
    version    BIGINT   NOT NULL,
    document   JSONB    NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL
);
