-- Each known work order's quantity and its current packaging breakdown (published on serialgen.aggregation.v1).
CREATE TABLE workorder_packaging (
    wo_id              VARCHAR(50) PRIMARY KEY,
    gtin               CHAR(14)    NOT NULL,
    quantity           BIGINT      NOT NULL CHECK (quantity > 0),
    wo_revision        BIGINT      NOT NULL,
    breakdown_revision BIGINT      NOT NULL DEFAULT 0,
    rules_source       VARCHAR(100),
    levels             JSONB,
    sscc_count         BIGINT,
    computed_at        TIMESTAMP WITH TIME ZONE
);
