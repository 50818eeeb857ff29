-- The last valid version of each work order the ERP sent; revision grows with each change that was forwarded.
CREATE TABLE erp_workorder (
    wo_id          VARCHAR(50)  PRIMARY KEY,
    wo_name        VARCHAR(200) NOT NULL,
    gtin           CHAR(14)     NOT NULL,
    lot            VARCHAR(20)  NOT NULL,
    expiry         DATE         NOT NULL,
    quantity       BIGINT       NOT NULL CHECK (quantity > 0),
    revision       BIGINT       NOT NULL CHECK (revision > 0),
    content_hash   CHAR(64)     NOT NULL,
    first_synced_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_synced_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_erp_workorder_synced ON erp_workorder (last_synced_at);

-- Records that failed validation, with the reasons, kept for the ERP operator; never forwarded.
CREATE TABLE erp_failed_record (
    id               BIGSERIAL PRIMARY KEY,
    source_topic     VARCHAR(200) NOT NULL,
    source_partition INTEGER      NOT NULL,
    source_offset    BIGINT       NOT NULL,
    wo_id            VARCHAR(200),
    raw_record       TEXT         NOT NULL,
    reasons          JSONB        NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (source_topic, source_partition, source_offset)
);
CREATE INDEX idx_erp_failed_received ON erp_failed_record (received_at);
