package io.devicehub.bench.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProcStatTest {

    @Test
    void userAndSystemTicksAreReadAfterTheNameWhateverTheNameHolds() {
        String line = "4242 (http-thread-pool::http-listener(3) x) S 1 4242 4242 0 -1 4194624 100 0 0 0 "
                + "250 75 0 0 20 0 180 0 12345 0 0";

        ProcStat stat = ProcStat.parse(line);

        assertEquals(250, stat.userTicks());
        assertEquals(75, stat.systemTicks());
        assertEquals(3_250, stat.cpuMillis());
    }
}
