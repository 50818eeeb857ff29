-- Serials of the bundles' own GTINs a work order needs, from its packaging recipe (aggregation-service).
ALTER TABLE aggregation_demand ADD COLUMN bundle_serial_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE workorder_serial_generation ADD COLUMN total_requested_bundle_serials BIGINT NOT NULL DEFAULT 0
    CHECK (total_requested_bundle_serials >= 0);
