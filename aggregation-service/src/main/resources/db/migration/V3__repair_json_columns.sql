-- Versions up to 0.1.0 wrote these JSONB columns as JSON strings holding the JSON text; store the JSON itself.
UPDATE workorder_packaging SET levels = (levels #>> '{}')::jsonb WHERE jsonb_typeof(levels) = 'string';
UPDATE replicated_config SET document = (document #>> '{}')::jsonb WHERE jsonb_typeof(document) = 'string';
