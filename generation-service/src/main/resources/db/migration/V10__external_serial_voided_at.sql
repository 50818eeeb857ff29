-- When an external value was voided, as for allocations: an EPCIS decommissioning event is dated by it. Values voided
-- before this column existed are dated by their arrival, the one time known of them.
ALTER TABLE external_serial ADD COLUMN voided_at TIMESTAMP WITH TIME ZONE;
UPDATE external_serial SET voided_at = received_at WHERE status = 'void';
ALTER TABLE external_serial ADD CHECK ((status = 'void') = (voided_at IS NOT NULL));
-- A report streams one issue's (one task's) values at a time.
CREATE INDEX idx_external_task ON external_serial (task_id, pool_id, value);
