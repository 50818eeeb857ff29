-- The list's date-range filter and its "created_at" ordering, at 100 000 work orders and more.
CREATE INDEX idx_wo_serial_created ON workorder_serial_generation (created_at, id);
