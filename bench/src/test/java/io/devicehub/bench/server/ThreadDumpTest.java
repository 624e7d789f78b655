package io.devicehub.bench.server;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThreadDumpTest {

    private static final String DUMP = """
            "http-thread-pool::http-listener(1)" #70 daemon prio=5 os_prio=0 cpu=10.5ms elapsed=5.2s tid=0x00007f nid=0x1f2e waiting on condition  [0x00007f]
               java.lang.Thread.State: WAITING (parking)
            "http-thread-pool::http-listener(2)" #71 daemon prio=5 os_prio=0 cpu=1.5ms elapsed=5.2s tid=0x00007f nid=0x1f2f waiting on condition  [0x00007f]
            "concurrent/__defaultManagedThreadFactory-Thread-1" #90 daemon prio=5 os_prio=0 cpu=0.5ms elapsed=4.0s tid=0x00007f nid=0x2000 runnable  [0x00007f]
            "GC Thread#0" os_prio=0 cpu=5.2ms elapsed=6.0s tid=0x00007f nid=0x1f00 runnable
            """;

    @Test
    void nativeIdsNameThreadsInFull() {
        Map<Long, String> names = ThreadNames.of(DUMP);

        assertEquals("http-thread-pool::http-listener(2)", names.get(0x1f2fL));
        assertEquals("concurrent/__defaultManagedThreadFactory-Thread-1", names.get(0x2000L));
        assertEquals("GC Thread#0", names.get(0x1f00L));
    }

    @Test
    void theCensusFoldsNumbersSoThatPoolsAreCountedTogether() {
        JsonObject census = ThreadCensus.of(DUMP, 2);

        assertEquals(4, census.getInt("javaThreads"));
        JsonObject largest = census.getJsonArray("largestPools").getJsonObject(0);
        assertEquals("http-thread-pool::http-listener(#)", largest.getString("pool"));
        assertEquals(2, largest.getInt("threads"));
        assertEquals(2, census.getJsonArray("largestPools").size());
    }
}
