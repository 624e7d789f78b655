-- Roll-ups of bucket records, for aggregation: per bucket, UTC minute (the epoch milliseconds it starts at) and
-- field, how many of the minute's records have a number in that field, their sum, minimum and maximum, and the
-- timestamps of the first and the last of them. The path '' (no field has that name) counts the minute's records.
-- Every slot of an aggregation (a minute to a year, in any time zone whose offset is whole minutes) is a run of whole
-- minutes, so the database adds up at most 1,440 rows a field per day instead of reading every record's JSON.
-- They are kept by the writes, in the same transaction as the records: added to for new records, computed again
-- from the records for a minute where a record was replaced or deleted.
CREATE TABLE bucket_rollup (
    bucket_id   BIGINT       NOT NULL,
    minute_ts   BIGINT       NOT NULL,
    path        VARCHAR(255) ${case_sensitive} NOT NULL,
    value_count BIGINT       NOT NULL,
    sum_value   DOUBLE       NOT NULL,
    min_value   DOUBLE       NOT NULL,
    max_value   DOUBLE       NOT NULL,
    first_ts    BIGINT       NOT NULL,
    last_ts     BIGINT       NOT NULL,
    CONSTRAINT pk_bucket_rollup PRIMARY KEY (bucket_id, minute_ts, path)
) ${table_options};

-- The minutes before rolled_up_to have their roll-ups. A new bucket has them all from its first record on (the
-- largest BIGINT: rolled up to the end of time); a bucket that already held records gets them from the server in
-- the background, oldest first, in small chunks (BucketHousekeeping), and is aggregated from its records until then.
ALTER TABLE bucket ADD rolled_up_to BIGINT DEFAULT 9223372036854775807 NOT NULL;
UPDATE bucket SET rolled_up_to = 0 WHERE records > 0;
