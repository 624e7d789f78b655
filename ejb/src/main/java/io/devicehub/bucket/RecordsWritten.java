package io.devicehub.bucket;

/**
 * Records were stored in a bucket (fired inside the writing transaction; observe it after success): what shows the
 * bucket live, such as the console's chart, fetches what is new.
 *
 * @param newestTs the newest timestamp among them, in milliseconds
 */
public record RecordsWritten(long accountId, String identifier, int count, long newestTs) {
}
