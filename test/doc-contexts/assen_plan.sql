-- Context "assen_plan" of the documentation's examples: the same as
-- "assen", which now holds the planned status of the sample data
-- (data/assen/15_planstatus.sql); kept as a name for the time model's pages.
\ir assen.sql
