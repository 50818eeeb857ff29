-- The audit trail (NFR-004): one row per write, stored in the transaction of the change it records (or, for a refused
-- write, after its rollback). Rows are only ever added: the triggers refuse UPDATE, DELETE and TRUNCATE, whoever asks.
CREATE TABLE audit_entry (
    id          BIGSERIAL PRIMARY KEY,
    entry_id    UUID         NOT NULL UNIQUE,
    at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
    service     VARCHAR(60)  NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    roles       VARCHAR(200) NOT NULL,
    action      VARCHAR(80)  NOT NULL,
    entity_type VARCHAR(60)  NOT NULL,
    entity_id   VARCHAR(200),
    outcome     VARCHAR(10)  NOT NULL CHECK (outcome IN ('success', 'refused', 'failed')),
    change      JSONB,
    request_id  VARCHAR(100)
);
-- newest first is how the trail is read; the filters a reviewer asks by
CREATE INDEX idx_audit_entry_newest ON audit_entry (at DESC, id DESC);
CREATE INDEX idx_audit_entry_entity ON audit_entry (entity_type, entity_id, at DESC);
CREATE INDEX idx_audit_entry_actor ON audit_entry (actor, at DESC);
CREATE INDEX idx_audit_entry_request ON audit_entry (request_id);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
