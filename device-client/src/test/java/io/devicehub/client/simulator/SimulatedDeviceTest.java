package io.devicehub.client.simulator;

import io.devicehub.client.Resource;
import io.devicehub.vocabulary.ResourceKind;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedDeviceTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SimulatedDevice device = new SimulatedDevice(new SplittableRandom(42), Duration.ofMillis(10),
            scheduler);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void itDeclaresOneResourceOfEveryKind() {
        Map<String, ResourceKind> kinds = device.resources().stream()
                .collect(Collectors.toMap(Resource::name, Resource::kind));

        assertEquals(Map.of("temperature", ResourceKind.OUTPUT, "led", ResourceKind.INPUT,
                "state", ResourceKind.OUTPUT, "echo", ResourceKind.INPUT_OUTPUT, "reboot", ResourceKind.RUN), kinds);
        assertTrue(device.resources().stream().allMatch(resource -> resource.description().isPresent()));
    }

    @Test
    void theClimateWalksGentlyWithinPlausibleBounds() {
        JsonObject previous = device.climate();
        for (int i = 0; i < 1_000; i++) {
            JsonObject next = device.climate();
            double celsius = next.getJsonNumber("celsius").doubleValue();
            double humidity = next.getJsonNumber("humidity").doubleValue();
            assertTrue(Math.abs(celsius - previous.getJsonNumber("celsius").doubleValue()) < 1.0, next.toString());
            assertTrue(Math.abs(humidity - previous.getJsonNumber("humidity").doubleValue()) < 3.0, next.toString());
            assertTrue(celsius >= 5 && celsius <= 35 && humidity >= 20 && humidity <= 80, next.toString());
            previous = next;
        }
    }

    @Test
    void theStateReportsTheLedAndTheUptime() {
        JsonObject state = device.state();
        assertEquals(false, state.getBoolean("led"));
        assertTrue(state.getJsonNumber("uptimeSeconds").longValue() >= 0);
    }
}
