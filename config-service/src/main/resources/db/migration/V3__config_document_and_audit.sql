-- The rest of the configuration document (issue: complete FR-001), how each version came about, and the audit trail.
ALTER TABLE serial_generation_config
    ADD COLUMN builtin_serial_generator BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN gs1_company_prefixes JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN serial_format JSONB NOT NULL
        DEFAULT '{"length": 12, "alphabet": "numeric", "mode": "randomised", "expected_volume_per_gtin": 1000000}',
    ADD COLUMN pool_exhaustion_warning_percent DECIMAL(5,2) NOT NULL DEFAULT 80.00
        CHECK (pool_exhaustion_warning_percent BETWEEN 0 AND 100),
    ADD COLUMN change_action VARCHAR(20) NOT NULL DEFAULT 'update'
        CHECK (change_action IN ('seed', 'update', 'patch', 'import', 'restore', 'reset')),
    ADD COLUMN restored_from BIGINT;

-- One row per saved version: who changed what (field-level changes against the previous version).
CREATE TABLE config_audit (
    id               BIGSERIAL PRIMARY KEY,
    action_type      VARCHAR(30)  NOT NULL DEFAULT 'config_update' CHECK (action_type = 'config_update'),
    action           VARCHAR(20)  NOT NULL,
    version          BIGINT       NOT NULL UNIQUE,
    previous_version BIGINT,
    restored_from    BIGINT,
    changes          JSONB        NOT NULL,
    created_by       VARCHAR(200) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
