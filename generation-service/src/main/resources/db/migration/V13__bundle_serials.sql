-- Bundle serials: SGTINs of the GTINs of a work order's trade-item packaging levels above the item, issued by tasks
-- of kind 'bundle' from each GTIN's own serial pool (so under the same exclusion constraint as every serial). Which
-- task issued an allocation, not its pool, says of what kind its numbers are for the work order.
ALTER TABLE generation_task DROP CONSTRAINT generation_task_kind_check;
ALTER TABLE generation_task ADD CONSTRAINT generation_task_kind_check CHECK (kind IN ('serial', 'sscc', 'bundle'));
CREATE INDEX idx_allocation_task ON serial_allocation (task_id);

ALTER TABLE workorder_serial_generation
    ADD COLUMN generated_bundle_serials BIGINT NOT NULL DEFAULT 0 CHECK (generated_bundle_serials >= 0),
    ADD COLUMN bundle_serial_generation_status VARCHAR(20) NOT NULL DEFAULT 'pending'
        CHECK (bundle_serial_generation_status IN ('pending', 'in_progress', 'completed', 'failed')),
    ADD COLUMN last_bundle_serial_generation_at TIMESTAMP WITH TIME ZONE,
    ADD COLUMN decommissioned_bundle_serials BIGINT NOT NULL DEFAULT 0 CHECK (decommissioned_bundle_serials >= 0);

ALTER TABLE serial_generation_history DROP CONSTRAINT serial_generation_history_action_type_check;
ALTER TABLE serial_generation_history ADD CONSTRAINT serial_generation_history_action_type_check
    CHECK (action_type IN ('sscc_generation', 'serial_generation', 'bundle_serial_generation', 'config_update',
                           'serial_decommissioning', 'sscc_decommissioning', 'bundle_serial_decommissioning'));
