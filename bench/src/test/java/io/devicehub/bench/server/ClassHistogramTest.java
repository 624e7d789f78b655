package io.devicehub.bench.server;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClassHistogramTest {

    private static final String BEFORE = """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         10000         800000  [B (java.base@17.0.15)
               2:          2000          48000  java.lang.String (java.base@17.0.15)
               3:           100           4000  org.glassfish.tyrus.core.TyrusSession
            Total         12100         852000
            """;

    private static final String AFTER = """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         30000        2800000  [B (java.base@17.0.15)
               2:          2000          48000  java.lang.String (java.base@17.0.15)
               3:          1100          44000  org.glassfish.tyrus.core.TyrusSession
               4:           500          20000  org.glassfish.tyrus.core.TyrusSession
               5:          1000          16000  io.devicehub.session.DeviceConnection
            Total         34600        2928000
            """;

    @Test
    void theTotalIsTheLiveHeap() {
        assertEquals(852_000, ClassHistogram.parse(BEFORE).totalBytes());
        assertEquals(2_928_000, ClassHistogram.parse(AFTER).totalBytes());
    }

    @Test
    void growthIsByClassLargestFirstWithRowsOfOneClassFromSeveralLoadersAddedUp() {
        List<ClassHistogram.Entry> growth = ClassHistogram.parse(BEFORE).growthTo(ClassHistogram.parse(AFTER), 10);

        assertEquals(3, growth.size(), "classes that did not grow are left out");
        assertEquals(new ClassHistogram.Entry("[B", 20_000, 2_000_000), growth.get(0));
        assertEquals(new ClassHistogram.Entry("org.glassfish.tyrus.core.TyrusSession", 1_500, 60_000), growth.get(1));
        assertEquals(new ClassHistogram.Entry("io.devicehub.session.DeviceConnection", 1_000, 16_000), growth.get(2));
    }
}
