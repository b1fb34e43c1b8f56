-- The fewest people a report may describe, chosen by each trust: 5 unless it asks for more, and
-- never below 3, since a figure over one or two people points at them.
ALTER TABLE trusts ADD COLUMN smallest_group INTEGER NOT NULL DEFAULT 5 CHECK (smallest_group >= 3);
