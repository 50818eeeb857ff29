-- Serial number pools: one per GTIN (serials) or per company prefix and extension digit (SSCC serial references).
-- A pool's format is fixed when it is created: a later format would map the same counters to other strings.
CREATE TABLE pool_key (
    id            BIGSERIAL PRIMARY KEY,
    -- the pool's AES key, encrypted (AES-GCM) under the master key from the environment: iv || ciphertext || tag
    encrypted_key BYTEA        NOT NULL,
    master_key_id VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE serial_pool (
    id               BIGSERIAL PRIMARY KEY,
    kind             VARCHAR(10)  NOT NULL CHECK (kind IN ('serial', 'sscc')),
    gtin             CHAR(14),
    company_prefix   VARCHAR(12),
    extension_digit  SMALLINT CHECK (extension_digit BETWEEN 0 AND 9),
    alphabet         VARCHAR(30)  NOT NULL,
    serial_length    SMALLINT     NOT NULL CHECK (serial_length BETWEEN 1 AND 20),
    mode             VARCHAR(12)  NOT NULL CHECK (mode IN ('randomised', 'sequential')),
    -- how many counters may ever be issued: for randomised serials 1/10 000 of the format's space (EU FMD)
    capacity         BIGINT       NOT NULL CHECK (capacity > 0),
    -- high-water mark: counters [0, issued) are taken, for good (a voided allocation is never reissued)
    issued           BIGINT       NOT NULL DEFAULT 0 CHECK (issued >= 0 AND issued <= capacity),
    key_id           BIGINT REFERENCES pool_key (id),
    warned_at        TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK ((kind = 'serial' AND gtin IS NOT NULL AND company_prefix IS NULL)
        OR (kind = 'sscc' AND gtin IS NULL AND company_prefix IS NOT NULL AND extension_digit IS NOT NULL)),
    CHECK (mode = 'sequential' OR key_id IS NOT NULL)
);
CREATE UNIQUE INDEX idx_pool_gtin ON serial_pool (gtin) WHERE kind = 'serial';
CREATE UNIQUE INDEX idx_pool_sscc ON serial_pool (company_prefix, extension_digit) WHERE kind = 'sscc';

CREATE TABLE generation_task (
    id              UUID         PRIMARY KEY,
    workorder_id    INTEGER      NOT NULL REFERENCES workorder_serial_generation (id) ON DELETE CASCADE,
    kind            VARCHAR(10)  NOT NULL CHECK (kind IN ('serial', 'sscc')),
    status          VARCHAR(20)  NOT NULL CHECK (status IN ('initiated', 'in_progress', 'completed', 'failed')),
    requested       BIGINT       NOT NULL CHECK (requested > 0),
    generated       BIGINT       NOT NULL DEFAULT 0,
    force_regenerate BOOLEAN     NOT NULL DEFAULT FALSE,
    idempotency_key VARCHAR(200),
    error_message   TEXT,
    created_by      VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    UNIQUE (workorder_id, kind, idempotency_key)
);

-- An allocation is a range of a pool's counters, issued to one work order by one task. Two allocations of one pool
-- can never overlap: the exclusion constraint refuses it, whatever the application does.
CREATE TABLE serial_allocation (
    id            BIGSERIAL PRIMARY KEY,
    pool_id       BIGINT       NOT NULL REFERENCES serial_pool (id),
    counters      INT8RANGE    NOT NULL CHECK (NOT isempty(counters) AND lower(counters) >= 0),
    workorder_id  INTEGER      NOT NULL REFERENCES workorder_serial_generation (id),
    task_id       UUID         NOT NULL REFERENCES generation_task (id),
    status        VARCHAR(10)  NOT NULL CHECK (status IN ('active', 'void')),
    key_id        BIGINT REFERENCES pool_key (id),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    voided_at     TIMESTAMP WITH TIME ZONE,
    EXCLUDE USING gist (pool_id WITH =, counters WITH &&)
);
CREATE INDEX idx_allocation_workorder ON serial_allocation (workorder_id, status);

-- The spec's history table; users are the token's subject.
CREATE TABLE serial_generation_history (
    id                             SERIAL PRIMARY KEY,
    workorder_serial_generation_id INTEGER REFERENCES workorder_serial_generation (id) ON DELETE CASCADE,
    action_type                    VARCHAR(30) NOT NULL
        CHECK (action_type IN ('sscc_generation', 'serial_generation', 'config_update')),
    action_status                  VARCHAR(20) NOT NULL CHECK (action_status IN ('started', 'completed', 'failed')),
    requested_quantity             BIGINT,
    generated_quantity             BIGINT,
    error_details                  JSONB,
    execution_time_ms              INTEGER,
    task_id                        UUID,
    created_at                     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    created_by                     VARCHAR(200)
);
CREATE INDEX idx_serial_history_wo ON serial_generation_history (workorder_serial_generation_id);
CREATE INDEX idx_serial_history_action ON serial_generation_history (action_type, action_status);
CREATE INDEX idx_serial_history_created ON serial_generation_history (created_at);
