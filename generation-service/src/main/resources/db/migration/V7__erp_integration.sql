-- The serials a work order asks for can be fixed (an ERP operator's override, or the form's serial quantity) instead
-- of computed from the quantity and the configuration.
ALTER TABLE workorder_serial_generation ADD COLUMN serials_fixed BOOLEAN NOT NULL DEFAULT false;
-- The ERP sent a work order whose wo_id a manual work order already has: kept visible here, never applied.
ALTER TABLE workorder_serial_generation ADD COLUMN erp_conflict TEXT;
-- When the ERP acknowledged the work order's serialization confirmation (erp-sync-service).
ALTER TABLE workorder_serial_generation ADD COLUMN erp_confirmed_at TIMESTAMP WITH TIME ZONE;
