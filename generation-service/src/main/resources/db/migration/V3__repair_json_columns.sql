-- Versions up to 0.1.0 wrote the replicated configuration as a JSON string holding the JSON text; store the JSON itself.
UPDATE replicated_config SET document = (document #>> '{}')::jsonb WHERE jsonb_typeof(document) = 'string';
