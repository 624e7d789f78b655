package io.devicehub.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryCommandTest {

    @TempDir
    Path results;

    private void write(String name, String json) throws IOException {
        Files.writeString(results.resolve(name), json);
    }

    @Test
    void eachFigureStandsBesideItsTargetAndWhatDidNotRunSaysSo() throws IOException {
        write("run.json", """
                {"mode":"full","date":"2026-11-26T12:00:00Z","commit":"abc1234","cores":2,"memoryGiB":23,
                 "java":"openjdk 17","serverOptions":"-Xmx2g","openFiles":"20000","idleWanted":50000,"idleHeld":18000,
                 "database":"H2 file","starts":[{"label":"empty","millis":12000,"load1":0.2},
                 {"label":"seeded","millis":16500,"runtimeMillis":4100,"deployMillis":11900,"load1":0.3}],"steps":[{"step":"list","load1":0.1}]}""");
        write("list.json", """
                {"devicesInAccount":10000,"requests":500,"errors":0,
                 "latency":{"p50Ms":40.0,"p95Ms":120.5,"p99Ms":180.0}}""");
        write("writes.json", """
                {"devices":64,"concurrency":8,"closedLoop":{"callsPerSecond":412,"errors":0,
                 "latency":{"p50Ms":17.5,"p99Ms":60.25}}}""");

        String table = SummaryCommand.render(results);

        assertTrue(table.contains("idle sessions capped at 18000 by the open-files limit (20000)"), table);
        assertTrue(table.contains("Load average (1 min) at each step: list 0.1"), table);
        assertTrue(table.contains("| devices list page | p95 ≤ 200 ms with 10,000 devices | 10,000 devices, 500 "
                + "requests: p50 40.0 ms, p95 120.5 ms, p99 180.0 ms, 0 errors | meets |"), table);
        assertTrue(table.contains("| cold start on Payara Micro (launch → /health 200) | ≤ 15 s | empty 12.0 s "
                + "(load 0.2); seeded 16.5 s (Micro 4.1 s + deploy 11.9 s, load 0.3) | misses |"), table);
        assertTrue(table.contains("| reconnect storm after a server restart | 10,000 devices all online within 30 s, "
                + "credential checks ≤ 1 core | — | not run |"), table);
        assertTrue(table.contains("| acknowledged writes (a device's description, one commit each) | no target: the "
                + "price of durable commits | H2 file, 8 in flight: 412 writes/s, p50 17.5 ms, p99 60.3 ms, 0 errors "
                + "| measured |"), table);
    }

    @Test
    void theHeapIsProjectedTo50000SessionsOnlyFromEnoughOfThem() throws IOException {
        write("idle.json", """
                {"devices":500,"online":500,"failed":0,"droppedWhileHeld":0,"rampMillis":7000,
                 "server":{"before":{"liveHeapBytes":80000000,"threads":115},
                           "firstStage":{"liveHeapBytes":90000000,"threads":300},
                           "online":{"liveHeapBytes":110000000,"threads":317},
                           "averagePerSession":{"liveHeapBytesPerSession":60000},
                           "perSession":{"sessions":400,"liveHeapBytesPerSession":50000}}}""");

        assertTrue(SummaryCommand.render(results).contains("| too few sessions to project |"));

        write("idle.json", """
                {"devices":20000,"online":20000,"failed":0,"droppedWhileHeld":0,"rampMillis":90000,
                 "server":{"before":{"liveHeapBytes":80000000,"threads":115},
                           "firstStage":{"liveHeapBytes":150000000,"threads":300},
                           "online":{"liveHeapBytes":438000000,"threads":302},
                           "averagePerSession":{"liveHeapBytesPerSession":17900},
                           "perSession":{"sessions":16000,"liveHeapBytesPerSession":18000}}}""");

        String table = SummaryCommand.render(results);
        assertTrue(table.contains("18,000 bytes live heap per added session (17,900 on average); 50,000 sessions → "
                + "932 MiB live heap | fits (projected) |"), table);
    }

    @Test
    void aQuickRunsVerdictsAreMarkedAsValidationScale() throws IOException {
        write("run.json", """
                {"mode":"quick","date":"d","commit":"c","cores":2,"memoryGiB":23,"java":"j","serverOptions":"o",
                 "openFiles":"20000","idleWanted":500,"idleHeld":500,"database":"H2 file","starts":[],"steps":[]}""");
        write("list.json", """
                {"devicesInAccount":10000,"requests":50,"errors":0,
                 "latency":{"p50Ms":40.0,"p95Ms":90.0,"p99Ms":100.0}}""");

        String table = SummaryCommand.render(results);

        assertTrue(table.startsWith("Quick (validation-scale) run"), table);
        assertTrue(table.contains("| meets (quick scale) |"), table);
    }
}
