-- Issue 10: PostgreSQL gets one-round-trip functions for a reader's
-- reaction and comment (postgres/0196_reader_writes.sql). SQLite runs the
-- same statements in Go on its one writer connection, where a statement
-- costs no round trip: nothing to change here, the number is kept so both
-- engines report the same schema.
SELECT 1;
