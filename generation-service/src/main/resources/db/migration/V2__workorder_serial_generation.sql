-- The spec's table, with the work order's own data (gtin, lot, expiry, quantity) and the revisions of what fed it.
CREATE TABLE workorder_serial_generation (
    id                        SERIAL PRIMARY KEY,
    wo_id                     VARCHAR(50)  NOT NULL UNIQUE,
    wo_name                   VARCHAR(200) NOT NULL,
    wo_source                 VARCHAR(20)  NOT NULL CHECK (wo_source IN ('erp', 'manual')),
    gtin                      CHAR(14)     NOT NULL,
    lot                       VARCHAR(20)  NOT NULL,
    expiry                    DATE         NOT NULL,
    quantity                  BIGINT       NOT NULL CHECK (quantity > 0),
    total_requested_serials   BIGINT       NOT NULL DEFAULT 0 CHECK (total_requested_serials >= 0),
    total_requested_sscc      BIGINT       NOT NULL DEFAULT 0 CHECK (total_requested_sscc >= 0),
    generated_serials         BIGINT       NOT NULL DEFAULT 0 CHECK (generated_serials >= 0),
    generated_sscc            BIGINT       NOT NULL DEFAULT 0 CHECK (generated_sscc >= 0),
    sscc_generation_status    VARCHAR(20)  NOT NULL DEFAULT 'pending'
        CHECK (sscc_generation_status IN ('pending', 'in_progress', 'completed', 'failed')),
    serial_generation_status  VARCHAR(20)  NOT NULL DEFAULT 'pending'
        CHECK (serial_generation_status IN ('pending', 'in_progress', 'completed', 'failed')),
    last_sscc_generation_at   TIMESTAMP WITH TIME ZONE,
    last_serial_generation_at TIMESTAMP WITH TIME ZONE,
    error_message             TEXT,
    erp_revision              BIGINT       NOT NULL DEFAULT 0,
    config_version            BIGINT,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_wo_serial_status ON workorder_serial_generation (sscc_generation_status, serial_generation_status);
CREATE INDEX idx_wo_serial_source ON workorder_serial_generation (wo_source);
CREATE INDEX idx_wo_serial_updated ON workorder_serial_generation (updated_at);

-- SSCC demand from aggregation-service, kept apart because it may arrive before the work order itself.
CREATE TABLE aggregation_demand (
    wo_id      VARCHAR(50) PRIMARY KEY,
    revision   BIGINT      NOT NULL,
    quantity   BIGINT      NOT NULL,
    sscc_count BIGINT      NOT NULL CHECK (sscc_count >= 0),
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
