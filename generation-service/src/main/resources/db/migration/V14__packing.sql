-- The packing hierarchy the packaging line records: which container (an SSCC, or a bundle's SGTIN) holds which
-- items, bundles or containers. Numbers are kept as GS1 keys: '00' + SSCC, or '01' + GTIN-14 + '21' + serial.
-- A container's level (of the work order's breakdown) is fixed by its first packing.
CREATE TABLE packing_container (
    container     VARCHAR(60)  PRIMARY KEY,
    workorder_id  INTEGER      NOT NULL REFERENCES workorder_serial_generation (id),
    level         VARCHAR(10)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per child per packing; an unpacking closes the row (kept for the audit and EPCIS). A packing or an
-- unpacking request is one EPCIS AggregationEvent per parent.
CREATE TABLE packing_link (
    id            BIGSERIAL    PRIMARY KEY,
    workorder_id  INTEGER      NOT NULL REFERENCES workorder_serial_generation (id),
    parent        VARCHAR(60)  NOT NULL REFERENCES packing_container (container),
    child         VARCHAR(60)  NOT NULL,
    child_level   VARCHAR(10)  NOT NULL,
    packing_id    UUID         NOT NULL,
    packed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    packed_by     VARCHAR(200) NOT NULL,
    unpacking_id  UUID,
    unpacked_at   TIMESTAMP WITH TIME ZONE,
    unpacked_by   VARCHAR(200),
    CHECK (parent <> child),
    CHECK ((unpacking_id IS NULL) = (unpacked_at IS NULL))
);
-- no child in two parents: whatever the application does, a number is in at most one container at a time
CREATE UNIQUE INDEX idx_packing_child_once ON packing_link (child) WHERE unpacked_at IS NULL;
CREATE INDEX idx_packing_parent ON packing_link (parent) WHERE unpacked_at IS NULL;
CREATE INDEX idx_packing_workorder ON packing_link (workorder_id, packed_at);
