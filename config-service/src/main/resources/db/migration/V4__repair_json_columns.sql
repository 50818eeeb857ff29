-- Versions up to 0.1.0 wrote these JSONB columns as JSON strings holding the JSON text; store the JSON itself.
UPDATE serial_generation_config SET serial_sources = (serial_sources #>> '{}')::jsonb WHERE jsonb_typeof(serial_sources) = 'string';
UPDATE serial_generation_config SET sscc_sources = (sscc_sources #>> '{}')::jsonb WHERE jsonb_typeof(sscc_sources) = 'string';
UPDATE serial_generation_config SET aggregation_rules = (aggregation_rules #>> '{}')::jsonb WHERE jsonb_typeof(aggregation_rules) = 'string';
UPDATE serial_generation_config SET gs1_company_prefixes = (gs1_company_prefixes #>> '{}')::jsonb WHERE jsonb_typeof(gs1_company_prefixes) = 'string';
UPDATE serial_generation_config SET serial_format = (serial_format #>> '{}')::jsonb WHERE jsonb_typeof(serial_format) = 'string';
UPDATE config_audit SET changes = (changes #>> '{}')::jsonb WHERE jsonb_typeof(changes) = 'string';
