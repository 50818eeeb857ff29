-- Numbers a work order returned unused (decommissioned): still counted as generated (they were issued), no longer
-- held; a forced regeneration, which voids everything held, starts both counts again.
ALTER TABLE workorder_serial_generation
    ADD COLUMN decommissioned_serials BIGINT NOT NULL DEFAULT 0 CHECK (decommissioned_serials >= 0),
    ADD COLUMN decommissioned_sscc BIGINT NOT NULL DEFAULT 0 CHECK (decommissioned_sscc >= 0);

-- The history tells returns too: who returned how many, and why.
ALTER TABLE serial_generation_history DROP CONSTRAINT serial_generation_history_action_type_check;
ALTER TABLE serial_generation_history ADD CONSTRAINT serial_generation_history_action_type_check
    CHECK (action_type IN ('sscc_generation', 'serial_generation', 'config_update', 'serial_decommissioning',
                           'sscc_decommissioning'));
