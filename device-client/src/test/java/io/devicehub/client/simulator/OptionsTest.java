package io.devicehub.client.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    private static final Map<String, String> NO_ENVIRONMENT = Map.of();
    private static final String SECRET = "k3Qm9TzX2fLw8RbV5nYc1HdP";

    private static Options parse(String... args) throws UsageException {
        return Options.parse(args, NO_ENVIRONMENT);
    }

    private static String usageError(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void theMinimalCommandLineGetsTheDefaults() throws Exception {
        Options options = parse("--account", "alice", "--device", "demo", "--credential", SECRET);

        assertEquals(URI.create("ws://localhost:8080/ws/devices"), options.url());
        assertEquals("alice", options.account());
        assertEquals(SECRET, options.credential());
        assertEquals(1, options.count());
        assertEquals(Duration.ofSeconds(10), options.dataInterval());
        assertEquals(List.of("demo"), options.deviceNames());
        assertFalse(options.help());
    }

    @Test
    void everyOptionMayAlsoBeWrittenWithAnEqualsSign() throws Exception {
        Options options = parse("--url=wss://hub.example.org/ws/devices", "--account=alice", "--device=demo",
                "--credential=" + SECRET, "--count=3", "--data-interval=2.5");

        assertEquals(URI.create("wss://hub.example.org/ws/devices"), options.url());
        assertEquals(3, options.count());
        assertEquals(Duration.ofMillis(2_500), options.dataInterval());
    }

    @Test
    void theCredentialMayComeFromTheEnvironment() throws Exception {
        Options options = Options.parse(new String[] {"--account", "alice", "--device", "demo"},
                Map.of("DEVICEHUB_CREDENTIAL", SECRET));

        assertEquals(SECRET, options.credential());
    }

    @Test
    void anExplicitCredentialWinsOverTheEnvironment() throws Exception {
        Options options = Options.parse(new String[] {"--account", "alice", "--device", "demo", "--credential", "other-secret"},
                Map.of("DEVICEHUB_CREDENTIAL", SECRET));

        assertEquals("other-secret", options.credential());
    }

    @Test
    void withACountTheDevicesAreNumberedFromOne() throws Exception {
        assertEquals(List.of("demo-1", "demo-2", "demo-3"),
                parse("--account", "alice", "--device", "demo", "--credential", SECRET, "--count", "3").deviceNames());
    }

    @Test
    void aDataIntervalOfZeroDisablesPushing() throws Exception {
        assertEquals(Duration.ZERO, parse("--account", "a", "--device", "d", "--credential", SECRET,
                "--data-interval", "0").dataInterval());
    }

    @Test
    void helpIsRecognisedAnywhere() throws Exception {
        assertTrue(parse("--help").help());
        assertTrue(parse("--account", "alice", "-h").help());
    }

    @Test
    void theUsageRecommendsTheEnvironmentForTheCredential() {
        assertTrue(Options.USAGE.contains("DEVICEHUB_CREDENTIAL"));
        assertTrue(Options.USAGE.contains("process list"));
    }

    @Test
    void aMissingAccountDeviceOrCredentialIsAUsageError() {
        assertEquals("--account is required", usageError("--device", "demo", "--credential", SECRET));
        assertEquals("--device is required", usageError("--account", "alice", "--credential", SECRET));
        assertTrue(usageError("--account", "alice", "--device", "demo").contains("DEVICEHUB_CREDENTIAL"));
    }

    @Test
    void anOptionWithoutItsValueIsAUsageError() {
        assertEquals("--account needs a value", usageError("--device", "demo", "--account"));
    }

    @Test
    void anUnknownOptionOrStrayArgumentIsAUsageError() {
        assertEquals("unknown option --colour", usageError("--colour", "blue"));
        assertEquals("unexpected argument 'alice'", usageError("alice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "many", "10001", "1.5"})
    void aCountOutsideOneToTenThousandIsAUsageError(String count) {
        assertTrue(usageError("--account", "a", "--device", "d", "--credential", SECRET, "--count", count)
                .startsWith("--count must be"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "soon", "0.01", "86401"})
    void aDataIntervalOutsideTheRangeIsAUsageError(String seconds) {
        assertTrue(usageError("--account", "a", "--device", "d", "--credential", SECRET, "--data-interval", seconds)
                .startsWith("--data-interval must be"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/ws/devices", "localhost:8080", "ws://"})
    void aUrlThatIsNotAWebSocketUrlIsAUsageError(String url) {
        assertTrue(usageError("--url", url, "--account", "a", "--device", "d", "--credential", SECRET)
                .startsWith("--url must be"));
    }

    @Test
    void aDeviceIdentifierOutsideTheRulesIsAUsageErrorAlsoWhenTheSuffixMakesItSo() {
        assertTrue(usageError("--account", "a", "--device", "my device", "--credential", SECRET)
                .contains("1 to 32"));
        String thirtyOne = "d".repeat(31);
        assertTrue(usageError("--account", "a", "--device", thirtyOne, "--credential", SECRET, "--count", "2")
                .contains(thirtyOne + "-1"));
    }

    @Test
    void theCredentialNeverAppearsWhenOptionsArePrinted() throws Exception {
        assertFalse(parse("--account", "alice", "--device", "demo", "--credential", SECRET).toString().contains(SECRET));
    }
}
