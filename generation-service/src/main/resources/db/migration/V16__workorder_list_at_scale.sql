-- The work-order list at 100 000 work orders and more (issue #15).
-- No work order changes while the counts are seeded from the table and the triggers put in place.
LOCK TABLE workorder_serial_generation IN SHARE MODE;

-- How many work orders there are per origin and status, so the list's count under a status or source filter is a sum
-- over a few rows instead of a scan. Writers append signed rows (no two writers ever wait on one counter row);
-- WorkOrderCounts.fold() sums them back into one row per group every few seconds.
CREATE TABLE workorder_count (
    id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    wo_source                VARCHAR(20) NOT NULL,
    sscc_generation_status   VARCHAR(20) NOT NULL,
    serial_generation_status VARCHAR(20) NOT NULL,
    work_orders              BIGINT      NOT NULL
);

INSERT INTO workorder_count (wo_source, sscc_generation_status, serial_generation_status, work_orders)
SELECT wo_source, sscc_generation_status, serial_generation_status, count(*)
FROM workorder_serial_generation
GROUP BY wo_source, sscc_generation_status, serial_generation_status;

-- Statement-level triggers with transition tables: one appended row per group a statement touched, however many
-- work orders it wrote (an ERP page inserts fifty at once).
CREATE FUNCTION workorder_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO workorder_count (wo_source, sscc_generation_status, serial_generation_status, work_orders)
    SELECT wo_source, sscc_generation_status, serial_generation_status, count(*)
    FROM new_rows
    GROUP BY wo_source, sscc_generation_status, serial_generation_status;
    RETURN NULL;
END $$;

CREATE FUNCTION workorder_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO workorder_count (wo_source, sscc_generation_status, serial_generation_status, work_orders)
    SELECT wo_source, sscc_generation_status, serial_generation_status, -count(*)
    FROM old_rows
    GROUP BY wo_source, sscc_generation_status, serial_generation_status;
    RETURN NULL;
END $$;

-- Most updates (progress of an issue, a new revision) leave origin and status as they were: they net to nothing and
-- append nothing.
CREATE FUNCTION workorder_count_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO workorder_count (wo_source, sscc_generation_status, serial_generation_status, work_orders)
    SELECT wo_source, sscc_generation_status, serial_generation_status, sum(change)
    FROM (SELECT wo_source, sscc_generation_status, serial_generation_status, 1 AS change FROM new_rows
          UNION ALL
          SELECT wo_source, sscc_generation_status, serial_generation_status, -1 FROM old_rows) AS changes
    GROUP BY wo_source, sscc_generation_status, serial_generation_status
    HAVING sum(change) <> 0;
    RETURN NULL;
END $$;

CREATE FUNCTION workorder_count_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM workorder_count;
    RETURN NULL;
END $$;

CREATE TRIGGER workorder_count_inserted AFTER INSERT ON workorder_serial_generation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION workorder_count_inserted();
CREATE TRIGGER workorder_count_deleted AFTER DELETE ON workorder_serial_generation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION workorder_count_deleted();
CREATE TRIGGER workorder_count_updated AFTER UPDATE ON workorder_serial_generation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION workorder_count_updated();
CREATE TRIGGER workorder_count_truncated AFTER TRUNCATE ON workorder_serial_generation
    FOR EACH STATEMENT EXECUTE FUNCTION workorder_count_truncated();

-- The search: what a work order may be found by, lower-cased, fields separated by a control character (which a search
-- may not contain, so no match spans two fields), under a trigram index that serves LIKE '%text%'.
ALTER TABLE workorder_serial_generation ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
    lower(wo_id) || chr(31) || lower(wo_name) || chr(31) || gtin || chr(31) || lower(lot)) STORED;
CREATE INDEX idx_wo_serial_search ON workorder_serial_generation USING gin (search_text public.gin_trgm_ops);

-- The status filter matches either generation's status: the SSCC one is served by idx_wo_serial_status, this one the
-- other side of the OR.
CREATE INDEX idx_wo_serial_serial_status ON workorder_serial_generation (serial_generation_status);
