-- What the ERP itself last said of a work order (the cleansed record and its changed_at), beside what was forwarded:
-- the two differ while an override holds. serial_quantity is forwarded only when an override fixes it.
ALTER TABLE erp_workorder ADD COLUMN erp_values JSONB;
ALTER TABLE erp_workorder ADD COLUMN erp_changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE erp_workorder ADD COLUMN serial_quantity BIGINT CHECK (serial_quantity >= 0);

-- An ERP operator's override of an ERP work order: later syncs keep it (unless forced) until it is lifted.
CREATE TABLE erp_override (
    wo_id           VARCHAR(50)  PRIMARY KEY REFERENCES erp_workorder (wo_id),
    wo_name         VARCHAR(200),
    quantity        BIGINT CHECK (quantity > 0),
    serial_quantity BIGINT CHECK (serial_quantity >= 0),
    reason          VARCHAR(500) NOT NULL,
    created_by      VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (wo_name IS NOT NULL OR quantity IS NOT NULL OR serial_quantity IS NOT NULL)
);

-- The wo_ids of work orders entered by hand in generation-service (from serialgen.workorders.v1): an ERP record of
-- one of them is a conflict, shown on the run.
CREATE TABLE manual_workorder (
    wo_id   VARCHAR(50) PRIMARY KEY,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A synchronisation: pulled from the ERP (on schedule or asked for) or pushed over Kafka (one run per hour of pushes).
CREATE TABLE erp_sync_run (
    id                  UUID         PRIMARY KEY,
    trigger             VARCHAR(20)  NOT NULL CHECK (trigger IN ('schedule', 'user', 'push')),
    triggered_by        VARCHAR(200),
    mode                VARCHAR(20)  NOT NULL CHECK (mode IN ('changed_since', 'by_ids', 'push')),
    requested_ids       JSONB,
    force_update        BOOLEAN      NOT NULL DEFAULT false,
    status              VARCHAR(20)  NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned')),
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at         TIMESTAMP WITH TIME ZONE,
    pages               INTEGER      NOT NULL DEFAULT 0,
    fetched             BIGINT       NOT NULL DEFAULT 0,
    created             BIGINT       NOT NULL DEFAULT 0,
    updated             BIGINT       NOT NULL DEFAULT 0,
    unchanged           BIGINT       NOT NULL DEFAULT 0,
    failed              BIGINT       NOT NULL DEFAULT 0,
    skipped_by_override BIGINT       NOT NULL DEFAULT 0,
    conflicts           BIGINT       NOT NULL DEFAULT 0,
    failure_class       VARCHAR(30),
    failure_message     TEXT,
    high_water_before   TIMESTAMP WITH TIME ZONE,
    high_water_after    TIMESTAMP WITH TIME ZONE,
    push_window         TIMESTAMP WITH TIME ZONE UNIQUE
);
CREATE INDEX idx_erp_sync_run_started ON erp_sync_run (started_at DESC);

-- What a run did with each record it took.
CREATE TABLE erp_sync_run_record (
    id             BIGSERIAL    PRIMARY KEY,
    run_id         UUID         NOT NULL REFERENCES erp_sync_run (id),
    wo_id          VARCHAR(200),
    outcome        VARCHAR(30)  NOT NULL CHECK (outcome IN ('created', 'updated', 'unchanged', 'failed',
                                                             'skipped_by_override', 'conflict')),
    reasons        JSONB,
    erp_changed_at TIMESTAMP WITH TIME ZONE,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_erp_run_record_run ON erp_sync_run_record (run_id, id);

-- The pull's state, one row: how far it has read (the newest changed_at stored), its schedule, the lease that lets one
-- run at a time across replicas, and the ERP's last health answer.
CREATE TABLE erp_sync_state (
    id                SMALLINT     PRIMARY KEY CHECK (id = 1),
    high_water_mark   TIMESTAMP WITH TIME ZONE,
    last_success_at   TIMESTAMP WITH TIME ZONE,
    last_run_id       UUID,
    next_scheduled_at TIMESTAMP WITH TIME ZONE,
    lease_holder      VARCHAR(100),
    lease_run_id      UUID,
    lease_expires_at  TIMESTAMP WITH TIME ZONE,
    health_status     VARCHAR(20),
    health_checked_at TIMESTAMP WITH TIME ZONE,
    health_error      TEXT
);
INSERT INTO erp_sync_state (id) VALUES (1);

-- Failed records come from pushes (a topic offset) or pulls (a run); each is open until retried or dismissed.
ALTER TABLE erp_failed_record ALTER COLUMN source_topic DROP NOT NULL;
ALTER TABLE erp_failed_record ALTER COLUMN source_partition DROP NOT NULL;
ALTER TABLE erp_failed_record ALTER COLUMN source_offset DROP NOT NULL;
ALTER TABLE erp_failed_record ADD COLUMN run_id UUID REFERENCES erp_sync_run (id);
ALTER TABLE erp_failed_record ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'resolved', 'dismissed'));
ALTER TABLE erp_failed_record ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE erp_failed_record ADD COLUMN resolved_by VARCHAR(200);
ALTER TABLE erp_failed_record ADD COLUMN resolution TEXT;
CREATE INDEX idx_erp_failed_status ON erp_failed_record (status, id);

-- Serialization confirmations to send to the ERP, kept until it acknowledges them (retried with backoff).
CREATE TABLE erp_confirmation (
    id              UUID         PRIMARY KEY,
    wo_id           VARCHAR(50)  NOT NULL,
    payload         JSONB        NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    last_error      TEXT
);
CREATE INDEX idx_erp_confirmation_pending ON erp_confirmation (next_attempt_at) WHERE acknowledged_at IS NULL;
CREATE INDEX idx_erp_confirmation_wo ON erp_confirmation (wo_id, created_at DESC);

-- Every action people take here: syncs asked for, overrides set and lifted, failed records retried or dismissed.
CREATE TABLE erp_action (
    id         BIGSERIAL    PRIMARY KEY,
    action     VARCHAR(40)  NOT NULL,
    wo_id      VARCHAR(200),
    target     VARCHAR(100),
    actor      VARCHAR(200) NOT NULL,
    reason     VARCHAR(500),
    details    JSONB,
    at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_erp_action_at ON erp_action (at DESC);
