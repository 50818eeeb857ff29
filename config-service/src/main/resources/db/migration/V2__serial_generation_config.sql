-- Every saved configuration is a new immutable version; exactly one is active.
CREATE TABLE serial_generation_config (
    id                       SERIAL PRIMARY KEY,
    version                  BIGINT       NOT NULL UNIQUE,
    serial_sources           JSONB        NOT NULL DEFAULT '[]',
    sscc_sources             JSONB        NOT NULL DEFAULT '[]',
    manufacturing_percentage DECIMAL(5,2) NOT NULL DEFAULT 100.00
        CHECK (manufacturing_percentage BETWEEN 0 AND 100),
    discrepancy_tolerance    DECIMAL(5,2) NOT NULL DEFAULT 5.00
        CHECK (discrepancy_tolerance BETWEEN 0 AND 100),
    aggregation_rules        JSONB        NOT NULL DEFAULT '{}',
    is_active                BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    created_by               VARCHAR(200) NOT NULL,
    updated_by               VARCHAR(200) NOT NULL
);
CREATE UNIQUE INDEX idx_serial_config_one_active ON serial_generation_config (is_active) WHERE is_active;
CREATE INDEX idx_serial_config_updated ON serial_generation_config (updated_at);
