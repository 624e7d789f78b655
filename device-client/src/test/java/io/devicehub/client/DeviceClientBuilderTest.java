package io.devicehub.client;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceClientBuilderTest {

    private static final URI URL = URI.create("ws://localhost:8080/ws/devices");
    private static final String SECRET = "k3Qm9TzX2fLw8RbV5nYc1HdP";

    private static DeviceClientBuilder complete() {
        return DeviceClient.builder(URL).account("alice").device("greenhouse-1").credential(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/ws/devices", "localhost:8080", "/ws/devices", "ws:///nohost"})
    void anAddressThatIsNotAWebSocketUrlIsRefused(String address) {
        assertThrows(IllegalArgumentException.class, () -> DeviceClient.builder(URI.create(address)));
    }

    @Test
    void secureWebSocketsAreAccepted() {
        assertDoesNotThrow(() -> DeviceClient.builder(URI.create("wss://hub.example.org/ws/devices")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "greenhouse 1", "green.house", "123456789012345678901234567890123", "ü"})
    void aDeviceIdentifierOutsideTheRulesIsRefused(String device) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceClient.builder(URL).device(device));
        assertTrue(e.getMessage().contains("1 to 32 of A-Z a-z 0-9 _ -"), e.getMessage());
    }

    @Test
    void aDeviceIdentifierOf32LettersDigitsUnderscoresAndDashesIsAccepted() {
        assertDoesNotThrow(() -> DeviceClient.builder(URL).device("Ab_-" + "9".repeat(28)));
    }

    @Test
    void anEmptyCredentialIsRefusedWithoutEchoingIt() {
        assertThrows(IllegalArgumentException.class, () -> DeviceClient.builder(URL).credential(""));
        assertThrows(IllegalArgumentException.class, () -> DeviceClient.builder(URL).account(" "));
    }

    @Test
    void buildingWithoutAccountDeviceOrCredentialSaysWhatIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DeviceClient.builder(URL).account("alice").device("d").build());
        assertTrue(e.getMessage().contains("credential"), e.getMessage());
    }

    @Test
    void twoResourcesOfTheSameNameAreRefused() {
        DeviceClientBuilder builder = complete().resource(Resource.run("reboot", () -> { }));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.resource(Resource.output("reboot", () -> JsonValue.NULL)));
        assertTrue(e.getMessage().contains("reboot"), e.getMessage());
    }

    @Test
    void aDeviceDeclaresAtMost100Resources() {
        DeviceClientBuilder builder = complete();
        for (int i = 0; i < 100; i++) {
            builder.resource(Resource.run("r" + i, () -> { }));
        }
        assertThrows(IllegalArgumentException.class, () -> builder.resource(Resource.run("one-too-many", () -> { })));
    }

    @Test
    void aDescriptionThatDoesNotFitInOneMessageIsRefusedAtBuild() {
        DeviceClientBuilder builder = complete();
        for (int i = 0; i < 10; i++) {
            builder.resource(Resource.output("big" + i, () -> null)
                    .example(TestJson.JSON.createValue("x".repeat(7_000))));
        }
        assertThrows(IllegalArgumentException.class, builder::build);
    }

    @Test
    void theCredentialAppearsInNoDescriptionOfTheClient() {
        DeviceClientBuilder builder = complete();
        DeviceClient client = builder.build();
        try {
            assertFalse(builder.toString().contains(SECRET));
            assertFalse(client.toString().contains(SECRET));
        } finally {
            client.close();
        }
    }

    @Test
    void aNewClientIsOfflineUntilStarted() {
        try (DeviceClient client = complete().build()) {
            assertEquals(ConnectionState.Status.OFFLINE, client.state().status());
            assertEquals("not started", client.state().reason());
            assertThrows(IllegalStateException.class, () -> client.awaitOnline(java.time.Duration.ofMillis(1)));
        }
    }
}
