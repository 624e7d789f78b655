package io.devicehub.client.simulator;

import io.devicehub.client.Resource;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The firmware of one simulated device: a climate sensor that drifts gently, a LED that remembers its state, an
 * uptime, an echo and a reboot that takes about a second. Its resources exercise every kind the protocol has.
 */
final class SimulatedDevice {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonObject SCHEMA_BOOLEAN = JSON.createObjectBuilder().add("type", "boolean").build();

    private final RandomGenerator random;
    private final Duration rebootTime;
    private final ScheduledExecutorService scheduler;
    private double celsius;
    private double humidity;
    private volatile boolean led;
    private volatile long bootedAt = System.nanoTime();

    /** @param scheduler ends a reboot, so that a reboot blocks no thread while it "takes" its time */
    SimulatedDevice(RandomGenerator random, Duration rebootTime, ScheduledExecutorService scheduler) {
        this.random = random;
        this.rebootTime = rebootTime;
        this.scheduler = scheduler;
        this.celsius = 19 + random.nextDouble() * 4;
        this.humidity = 40 + random.nextDouble() * 10;
    }

    List<Resource> resources() {
        return List.of(
                Resource.output("temperature", this::climate)
                        .example(climateOf(21.5, 45.0))
                        .description("Air temperature (°C) and relative humidity (%)"),
                Resource.input("led", this::setLed)
                        .example(JsonValue.TRUE).schema(SCHEMA_BOOLEAN)
                        .description("Switches the LED on (true) or off (false)"),
                Resource.output("state", this::state)
                        .example(JSON.createObjectBuilder().add("led", true).add("uptimeSeconds", 42).build())
                        .description("The LED and the seconds since the last (re)boot"),
                Resource.inputOutput("echo", input -> input)
                        .example(JSON.createValue("hello"))
                        .description("Answers with its input"),
                Resource.runAsync("reboot", this::reboot)
                        .description("Restarts the firmware; takes about a second"));
    }

    /** One step of the random walk, also what the device pushes to the bucket {@code climate}. */
    synchronized JsonObject climate() {
        celsius = clamp(celsius + random.nextGaussian() * 0.1, 5, 35);
        humidity = clamp(humidity + random.nextGaussian() * 0.5, 20, 80);
        return climateOf(celsius, humidity);
    }

    private void setLed(JsonValue input) {
        JsonValue.ValueType type = input.getValueType();
        if (type != JsonValue.ValueType.TRUE && type != JsonValue.ValueType.FALSE) {
            throw new IllegalArgumentException("led takes true or false, not " + input);
        }
        led = type == JsonValue.ValueType.TRUE;
    }

    JsonObject state() {
        long uptime = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - bootedAt);
        return JSON.createObjectBuilder().add("led", led).add("uptimeSeconds", uptime).build();
    }

    private CompletableFuture<Void> reboot() {
        CompletableFuture<Void> rebooted = new CompletableFuture<>();
        scheduler.schedule(() -> {
            led = false;
            bootedAt = System.nanoTime();
            rebooted.complete(null);
        }, rebootTime.toNanos(), TimeUnit.NANOSECONDS);
        return rebooted;
    }

    private static JsonObject climateOf(double celsius, double humidity) {
        return JSON.createObjectBuilder()
                .add("celsius", Math.round(celsius * 10) / 10.0)
                .add("humidity", Math.round(humidity * 10) / 10.0)
                .build();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
