-- The counts' update trigger ran, with its transition tables, on every update of a work order: an issue updates its
-- work order's progress several times, and the scale benchmark measured the issuing path a sixth slower with it. A row
-- trigger whose WHEN compares origin and statuses is decided without calling a function, so only an update that moves
-- a work order between counts pays for it: one row appended for the group it left, one for the group it entered.
DROP TRIGGER workorder_count_updated ON workorder_serial_generation;
DROP FUNCTION workorder_count_updated();

CREATE FUNCTION workorder_count_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO workorder_count (wo_source, sscc_generation_status, serial_generation_status, work_orders)
    VALUES (OLD.wo_source, OLD.sscc_generation_status, OLD.serial_generation_status, -1),
           (NEW.wo_source, NEW.sscc_generation_status, NEW.serial_generation_status, 1);
    RETURN NULL;
END $$;

CREATE TRIGGER workorder_count_moved AFTER UPDATE OF wo_source, sscc_generation_status, serial_generation_status
    ON workorder_serial_generation FOR EACH ROW
    WHEN (OLD.wo_source IS DISTINCT FROM NEW.wo_source
          OR OLD.sscc_generation_status IS DISTINCT FROM NEW.sscc_generation_status
          OR OLD.serial_generation_status IS DISTINCT FROM NEW.serial_generation_status)
    EXECUTE FUNCTION workorder_count_moved();
