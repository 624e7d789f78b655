package io.devicehub.it;

import org.h2.tools.Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * DeviceHub as a user runs it, without Arquillian: on the embedded default it keeps its data across restarts (and
 * goes on sampling), {@code /health} follows the database, and the server opens no port and tells no version beyond
 * what it must ({@link KillIT}: what it acknowledged survives {@code kill -9}). They concern how the server is started and the embedded
 * H2 setup, so they run in the H2 run only.
 */
class StandaloneIT {

    private Path workDir;

    @BeforeEach
    void onlyOnTheEmbeddedDatabase() throws Exception {
        assumeTrue(Deployments.database().equals("h2"), "about the embedded database");
        workDir = Files.createDirectories(Path.of("target", "standalone")).resolve(Names.unique("run-"));
    }

    /**
     * Also: stopping the server (SIGTERM) tells connected devices so, with close code 1001 (docs/protocol.md); and a
     * bucket sampling the device's resource goes on sampling it after the restart.
     */
    @Test
    void theEmbeddedDefaultKeepsAccountsAndDevicesAcrossARestart() throws Exception {
        String username = Names.unique("keeper");
        long sampledBefore;
        try (MicroProcess first = MicroProcess.start(workDir, Map.of());
             Browser browser = new Browser(first.url())) {
            new Console(browser, "").signUp(username, "a long sign-in password")
                    .addDevice("kept-device", "survives restarts", "long enough credential");
            assertEquals("kept-device ONLINE", simulate(first, username, "kept-device", "long enough credential"));
            sampledBefore = sampleForAWhile(first, username, true);
            assertTrue(sampledBefore > 0, "the bucket sampled the device before the restart");

            RawDevice device = RawDevice.connect(URI.create("ws://localhost:" + first.url().getPort() + "/ws/devices"));
            assertTrue(device.authenticate(username, "kept-device", "long enough credential").contains("welcome"));
            first.stop();
            assertEquals(1001, device.closeCode(), "close reason: " + device.closeReason());
        }
        assertTrue(Files.isRegularFile(workDir.resolve("data/devicehub.mv.db")), "the H2 file is under ./data");

        try (MicroProcess second = MicroProcess.start(workDir, Map.of());
             Browser browser = new Browser(second.url())) {
            Console console = new Console(browser, "").signIn(username, "a long sign-in password");
            assertTrue(console.isOn("/devices/index.xhtml"), browser.path());
            assertTrue(browser.textOf("devices:table_data", "kept-device").contains("survives restarts"));
            assertTrue(sampleForAWhile(second, username, false) > sampledBefore,
                    "the restarted server samples the device again, without being told");
        }
    }

    /**
     * Connects the device (the SDK's test device, whose {@code temperature} is an output) for a few seconds while a
     * bucket samples it every second — created first when {@code create} — and answers the bucket's record count.
     */
    private static long sampleForAWhile(MicroProcess server, String username, boolean create) throws Exception {
        Api api = new Api(server.url());
        String token = api.accessToken(username, "a long sign-in password");
        if (create) {
            api.post("api/v1/buckets", token, "{\"identifier\":\"sampled\",\"name\":\"Sampled\",\"source\":"
                    + "{\"type\":\"resource\",\"device\":\"kept-device\",\"resource\":\"temperature\","
                    + "\"intervalSeconds\":1}}").assertCreated();
        }
        long before = api.get("api/v1/buckets/sampled", token).json().getJsonNumber("records").longValue();
        try (TestDevice device = TestDevice.online(server.url(), username, "kept-device", "long enough credential")) {
            Instant deadline = Instant.now().plusSeconds(20);
            long records = before;
            while (records < before + 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                records = api.get("api/v1/buckets/sampled", token).json().getJsonNumber("records").longValue();
            }
            assertTrue(device.state().isOnline(), "the device stayed online");
            return records;
        }
    }

    @Test
    void healthFollowsTheDatabaseAndSignUpCanBeClosed() throws Exception {
        Server database = startH2(0);
        int port = database.getPort();
        try (MicroProcess micro = MicroProcess.start(workDir, Map.of(
                "DB_URL", "jdbc:h2:tcp://localhost:" + port + "/devicehub;MODE=LEGACY;WRITE_DELAY=0",
                "DB_USER", "devicehub", "DB_PASSWORD", "devicehub", "DEVICEHUB_SIGNUP_ENABLED", "false"));
             Browser browser = new Browser(micro.url())) {
            browser.open("/signup.xhtml");
            assertTrue(browser.textOf("closed", "closed").contains("Ask its administrator"));
            assertFalse(browser.has("signup:create"), "no sign-up form on a closed server");
            browser.open("/login.xhtml");
            assertFalse(browser.has("signUpLink"), "no link to a closed sign-up page");
            assertEquals(200, micro.health());

            database.stop();
            assertEquals(503, awaitHealth(micro, 503));

            database = startH2(port);
            assertEquals(200, awaitHealth(micro, 200));
        } finally {
            database.stop();
        }
    }

    @Test
    void theServerOpensNoPortAndNamesNoVersionBeyondWhatItMust() throws Exception {
        int metricsPort = MicroProcess.freePort();
        try (MicroProcess server = MicroProcess.start(workDir, Map.of("DEVICEHUB_METRICS_PORT",
                Integer.toString(metricsPort)))) {
            int port = server.url().getPort();
            long deadline = System.currentTimeMillis() + 10_000; // the metrics listener opens just after /health
            while (!server.listeningSockets().contains("127.0.0.1:" + metricsPort)
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(Set.of("*:" + port, "127.0.0.1:" + metricsPort), server.listeningSockets(),
                    "HTTP for everyone, metrics on loopback, and no data-grid port (Hazelcast's would be 6900)");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(server.url().toURI().resolve("login.xhtml"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Server").isEmpty(), page.headers().map().toString());
            HttpResponse<String> publicMetrics = http.send(HttpRequest.newBuilder(server.url().toURI()
                    .resolve("metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, publicMetrics.statusCode());
            assertTrue(publicMetrics.body().contains("Not found · DeviceHub"), publicMetrics.body());
            HttpResponse<String> localMetrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, localMetrics.statusCode());
            assertTrue(localMetrics.body().contains("# TYPE "), localMetrics.body());

            for (String refused : List.of("GET /devices/%00 HTTP/1.1", "GET /" + "x".repeat(9000) + " HTTP/1.1")) {
                RawHttp.Reply bare = RawHttp.exchange(server.url().toURI(), "127.0.0.1", refused, null);
                assertEquals(400, bare.status(), refused.substring(0, 20));
                assertNull(bare.header("Server"), bare.headers().toString());
                assertFalse(bare.body().contains("Payara"), bare.body());
            }
            String log = Files.readString(server.log());
            assertTrue(log.contains("Database: H2 2.3.232"), "the WAR's own H2");
            assertFalse(log.contains("WRITE_DELAY"), "the default URL writes commits at once; no warning");
        }
    }

    /**
     * Runs the simulator as the README says, until the device is online, and returns the line that says so (or the
     * simulator's whole output when it never does).
     */
    private static String simulate(MicroProcess micro, String account, String device, String credential)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("simulator.jar"), "--url", "ws://localhost:" + micro.url().getPort()
                + "/ws/devices", "--account", account, "--device", device).redirectErrorStream(true);
        builder.environment().put("DEVICEHUB_CREDENTIAL", credential);
        Process simulator = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(simulator.getInputStream()))) {
            for (String line; (line = lines.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.startsWith(device + " ONLINE") || line.contains("STOPPED")) {
                    return line.strip();
                }
            }
        } finally {
            simulator.destroy();
            simulator.waitFor();
        }
        return output.toString();
    }

    private Server startH2(int port) throws SQLException {
        return Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists",
                "-baseDir", workDir.resolve("h2-server").toAbsolutePath().toString()).start();
    }

    private static int awaitHealth(MicroProcess micro, int expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status = micro.health();
        while (status != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            status = micro.health();
        }
        return status;
    }
}
