-- Serials and SSCCs received from external sources, one row each. The primary key makes a value unique within its
-- pool (a GTIN's serials; a company prefix's SSCCs); where a value is also one of the pool's own serials-to-be, its
-- counter is kept so that the pool skips it, and the partial unique index keeps that counter for one value only.
CREATE TABLE external_serial (
    pool_id       BIGINT       NOT NULL REFERENCES serial_pool (id),
    value         VARCHAR(20)  NOT NULL,
    counter       BIGINT CHECK (counter >= 0),
    workorder_id  INTEGER      NOT NULL REFERENCES workorder_serial_generation (id),
    task_id       UUID         NOT NULL REFERENCES generation_task (id),
    source        VARCHAR(100) NOT NULL,
    status        VARCHAR(10)  NOT NULL CHECK (status IN ('active', 'void')),
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (pool_id, value)
);
CREATE UNIQUE INDEX idx_external_counter ON external_serial (pool_id, counter) WHERE counter IS NOT NULL;
CREATE INDEX idx_external_workorder ON external_serial (workorder_id, pool_id, value);

-- Counters at or above this are free of external values: allocations from there need not look for any.
ALTER TABLE serial_pool ADD COLUMN reserved_below BIGINT NOT NULL DEFAULT 0;

-- Where a task's numbers came from: 'builtin' or the name of the external source that delivered them.
ALTER TABLE generation_task ADD COLUMN source VARCHAR(100);
