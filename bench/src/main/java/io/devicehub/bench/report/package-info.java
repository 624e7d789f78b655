/**
 * How figures are reported: latency percentiles from HdrHistogram (microsecond resolution, corrected for coordinated
 * omission where the load is open-loop), exact percentiles of small samples, and {@code summary}, which turns the
 * raw JSON of a run into the table of {@code docs/benchmarks.md}, each figure beside the target.
 */
package io.devicehub.bench.report;
