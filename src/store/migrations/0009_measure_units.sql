-- 0009: each unit's measure states, the merge of everyone in its subtree, in
-- measure_month beside the people's (their person field marked with bit 23),
-- so a collective objective reads its unit's rows, not every member's. The
-- program builds them from the people's rows (store/sqlite_measure.c), keeps
-- them with each new batch and rebuilds a unit's when someone moves.
SELECT 1;
