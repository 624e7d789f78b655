package io.devicehub.it;

import io.devicehub.client.ConnectionState;
import io.devicehub.client.DeviceClient;
import io.devicehub.client.Resource;
import jakarta.json.Json;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real device for the console tests, built with the SDK: one resource of every kind plus one that always fails.
 */
public final class TestDevice implements AutoCloseable {

    private final DeviceClient client;
    private final AtomicReference<JsonValue> led = new AtomicReference<>(JsonValue.FALSE);

    private TestDevice(URI endpoint, String account, String device, String credential) {
        client = DeviceClient.builder(endpoint)
                .account(account).device(device).credential(credential)
                .resource(Resource.output("temperature", () -> Json.createObjectBuilder().add("celsius", 21.5).build())
                        .example(Json.createObjectBuilder().add("celsius", 20).build())
                        .description("Air temperature"))
                .resource(Resource.input("led", led::set).example(JsonValue.TRUE))
                .resource(Resource.inputOutput("echo", input -> input)
                        .inputExample(Json.createObjectBuilder().add("say", "hello").build()))
                .resource(Resource.run("reboot", () -> { }))
                .resource(Resource.output("broken", () -> {
                    throw new IllegalStateException("sensor unplugged");
                }))
                .build();
    }

    /** Connects the device to the server at {@code base} and waits until it is online. */
    public static TestDevice online(URL base, String account, String device, String credential) {
        URI endpoint = URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/ws/devices");
        TestDevice testDevice = new TestDevice(endpoint, account, device, credential);
        testDevice.client.start();
        try {
            if (!testDevice.client.awaitOnline(Duration.ofSeconds(15))) {
                throw new AssertionError(device + " did not come online: " + testDevice.client.state());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return testDevice;
    }

    public JsonValue led() {
        return led.get();
    }

    public java.util.concurrent.CompletionStage<java.time.Instant> push(String bucket, JsonValue value) {
        return client.push(bucket, value);
    }

    public ConnectionState state() {
        return client.state();
    }

    @Override
    public void close() {
        client.close();
    }
}
