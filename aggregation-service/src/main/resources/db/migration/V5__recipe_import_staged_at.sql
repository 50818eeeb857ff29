-- When a bulk import's rows were staged: an import whose service was killed mid-upload never reached the DELETE that
-- ends every import, and its rows are swept once they are older than any running import could be.
ALTER TABLE recipe_import_row ADD COLUMN staged_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now();
CREATE INDEX idx_recipe_import_row_staged_at ON recipe_import_row (staged_at);
