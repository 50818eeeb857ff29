-- The packaging levels of the newest breakdown (AggregationComputed.levels, JSON): which SSCC-identified levels a
-- work order's SSCCs label, and what a container of each holds. Demands stored before hold none until recomputed.
ALTER TABLE aggregation_demand ADD COLUMN levels TEXT NOT NULL DEFAULT '[]';
