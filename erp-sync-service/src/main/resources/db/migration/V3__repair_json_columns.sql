-- Versions up to 0.1.0 wrote reasons as a JSON string holding the JSON text; store the JSON itself.
UPDATE erp_failed_record SET reasons = (reasons #>> '{}')::jsonb WHERE jsonb_typeof(reasons) = 'string';
