-- Packaging recipes (FR-004): one per product (GTIN of the item) and packaging variant. Every change is a new version;
-- the recipe row points at its current one. A deleted recipe keeps its versions.
CREATE TABLE recipe (
    id              BIGSERIAL    PRIMARY KEY,
    gtin            VARCHAR(14)  NOT NULL CHECK (length(gtin) = 14),
    variant         VARCHAR(50)  NOT NULL,
    current_version INTEGER      NOT NULL CHECK (current_version > 0),
    deleted         BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (gtin, variant)
);
CREATE INDEX idx_recipe_updated ON recipe (updated_at);

CREATE TABLE recipe_version (
    recipe_id      BIGINT       NOT NULL REFERENCES recipe (id),
    version        INTEGER      NOT NULL CHECK (version > 0),
    effective_from DATE         NOT NULL,
    -- the levels L1 … L4 in order: name, children_per_parent, identified_by, gtin
    levels         JSONB        NOT NULL,
    deleted        BOOLEAN      NOT NULL DEFAULT FALSE,
    created_by     VARCHAR(200) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (recipe_id, version)
);

-- A bulk import's rows, checked and staged batch by batch, then moved into the recipes in one transaction (or not at
-- all): memory stays flat whatever the size of the upload.
CREATE TABLE recipe_import_row (
    import_id      UUID         NOT NULL,
    row_number     INTEGER      NOT NULL,
    gtin           VARCHAR(14),
    variant        VARCHAR(50),
    effective_from DATE,
    levels         JSONB,
    errors         JSONB,
    PRIMARY KEY (import_id, row_number)
);

-- Serials of the bundles' own GTINs a work order needs (trade-item levels above L1).
ALTER TABLE workorder_packaging ADD COLUMN bundle_serial_count BIGINT;
CREATE INDEX idx_workorder_packaging_gtin ON workorder_packaging (gtin);
