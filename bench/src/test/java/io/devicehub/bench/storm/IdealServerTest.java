package io.devicehub.bench.storm;

import io.devicehub.bench.report.Distribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdealServerTest {

    @Test
    void aServerThatIsNeverDownSeesEachDeviceAfterItsFirstDelayOfAtMostOneSecond() {
        Distribution back = new Distribution(IdealServer.fromReadyMillis(10_000, 0, 1));

        assertTrue(back.max() <= 1_000, "the first attempt waits up to 1 s: " + back.max());
    }

    @Test
    void afterARestartTheLastOfTenThousandDevicesIsBackWithinTheTenSecondCap() {
        Distribution back = new Distribution(IdealServer.fromReadyMillis(10_000, 25_000, 1));

        assertTrue(back.max() > 5_000, "some devices draw delays near the cap: " + back.max());
        assertTrue(back.max() <= 10_000, "the cap for recently lost sessions: " + back.max());
    }

    @Test
    void afterAnOutageOfMinutesDevicesHaveBackedOffToTheSixtySecondCap() {
        Distribution back = new Distribution(IdealServer.fromReadyMillis(10_000, 300_000, 1));

        assertTrue(back.max() > 30_000, "ceilings of 32 s and then 60 s: " + back.max());
        assertTrue(back.max() <= 60_000);
    }

    @Test
    void theSameSeedGivesTheSameFloor() {
        assertEquals(new Distribution(IdealServer.fromReadyMillis(100, 12_000, 7)).max(),
                new Distribution(IdealServer.fromReadyMillis(100, 12_000, 7)).max());
    }
}
