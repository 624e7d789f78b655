package io.devicehub.it;

import org.h2.tools.Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * DeviceHub as a user runs it, without Arquillian: on the embedded default it keeps its data across restarts, what
 * it acknowledged survives {@code kill -9} (on MariaDB too), {@code /health} follows the database, and the server
 * opens no port and tells no version beyond what it must. They concern how the server is started and the embedded
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

    @Test
    void everyAcknowledgedWriteSurvivesAKillOnTheEmbeddedDatabase() throws Exception {
        acknowledgedWritesSurviveKills(Map.of());
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillOnMariaDb() throws Exception {
        String url = System.getProperty("it.mysql.url");
        String user = System.getProperty("it.mysql.user");
        String password = System.getProperty("it.mysql.password");
        assumeTrue(url != null && reachable(url, user, password), "MariaDB is provisioned (bin/test)");
        acknowledgedWritesSurviveKills(Map.of("DB_URL", url, "DB_USER", user, "DB_PASSWORD", password));
    }

    /**
     * Eight clients write while the server is killed (SIGKILL), twice: new devices (201) and description changes of
     * their own device (200, small transactions, hundreds a second). After each restart every acknowledged
     * registration is there, every device's description is the last acknowledged one or a later one that was sent,
     * and new registrations still get fresh ids.
     */
    private void acknowledgedWritesSurviveKills(Map<String, String> database) throws Exception {
        String username = Names.unique("durable");
        Set<String> registered = ConcurrentHashMap.newKeySet();
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        Map<String, Integer> sent = new ConcurrentHashMap<>();
        Set<Long> storedByApi = ConcurrentHashMap.newKeySet();
        Set<Long> storedForDevice = ConcurrentHashMap.newKeySet();
        String recorder = null;
        Map<String, String> environment = new java.util.HashMap<>(database);
        environment.put("DEVICEHUB_WS_MESSAGES_PER_SECOND", "200"); // the device's 50 data messages a second
        for (int round = 0; round <= 2; round++) {
            try (MicroProcess server = MicroProcess.start(workDir, environment)) {
                Api api = new Api(server.url());
                if (round == 0) {
                    SignUpForm.account(server.url(), username);
                }
                String token = api.accessToken(username, "a long sign-in password");
                if (round == 0) {
                    api.post("api/v1/buckets", token, "{\"identifier\":\"batches\",\"name\":\"REST batches\","
                            + "\"source\":{\"type\":\"api\"}}").assertCreated();
                    api.post("api/v1/buckets", token, "{\"identifier\":\"readings\",\"name\":\"Device data\","
                            + "\"source\":{\"type\":\"devices\"}}").assertCreated();
                    recorder = api.register(token, "recorder");
                }
                if (round > 0) {
                    assertTrue(storedByApi.size() >= 100 && storedForDevice.size() >= 10, "records were acknowledged"
                            + " before the kill: " + storedByApi.size() + " by REST, " + storedForDevice.size()
                            + " to the device");
                }
                assertStored(api, token, "batches", storedByApi);
                assertStored(api, token, "readings", storedForDevice);
                Set<String> present = new HashSet<>();
                for (JsonValue item : api.get("api/v1/devices?limit=500", token).json().getJsonArray("items")) {
                    JsonObject device = item.asJsonObject();
                    present.add(device.getString("identifier"));
                    Integer last = acknowledged.get(device.getString("identifier"));
                    if (last != null) {
                        int stored = Integer.parseInt(device.getString("description").substring(1));
                        assertTrue(stored >= last && stored <= sent.get(device.getString("identifier")),
                                device + ": acknowledged v" + last + ", sent up to v" + sent.get(device
                                        .getString("identifier")));
                    }
                }
                Set<String> lost = new HashSet<>(registered);
                lost.removeAll(present);
                assertTrue(lost.isEmpty(), "acknowledged registrations lost by the kill: " + lost);
                if (round == 2) {
                    assertEquals(201, api.post("api/v1/devices", token, "{\"identifier\":\"after\",\"generate\":true}")
                            .status(), "a fresh id after the kills");
                    return;
                }
                ExecutorService clients = Executors.newFixedThreadPool(8);
                List<CompletableFuture<Void>> writers = new ArrayList<>();
                for (int w = 0; w < 8; w++) {
                    String mine = "w" + round + "-" + w;
                    int thisRound = round;
                    writers.add(CompletableFuture.runAsync(() -> write(api, token, mine, thisRound, registered,
                            acknowledged, sent), clients));
                }
                int thisRound = round;
                writers.add(CompletableFuture.runAsync(() -> writeBatches(api, token, thisRound, storedByApi)));
                TestDevice device = TestDevice.online(server.url(), username, "recorder", recorder);
                writers.add(CompletableFuture.runAsync(() -> pushData(device, storedForDevice)));
                Thread.sleep(4000);
                server.kill();
                for (CompletableFuture<Void> writer : writers) {
                    writer.get(30, TimeUnit.SECONDS);
                }
                device.close();
                clients.shutdown();
            }
        }
    }

    /** Registers {@code mine}, then devices of its own and new descriptions of {@code mine}, until refused. */
    private static void write(Api api, String token, String mine, int round, Set<String> registered,
                              Map<String, Integer> acknowledged, Map<String, Integer> sent) {
        try {
            assertEquals(201, api.post("api/v1/devices", token, "{\"identifier\":\"" + mine
                    + "\",\"description\":\"v0\",\"generate\":true}").status());
            registered.add(mine);
            acknowledged.put(mine, 0);
            sent.put(mine, 0);
            for (int i = 1; ; i++) {
                String path = "api/v1/devices/" + mine;
                sent.put(mine, i);
                Api.Reply changed = api.patch(path, token, "{\"description\":\"v" + i + "\"}");
                assertEquals(200, changed.status(), changed.body());
                acknowledged.put(mine, i);
                if (i % 50 == 0) {
                    String extra = mine + "-" + i;
                    Api.Reply created = api.post("api/v1/devices", token, "{\"identifier\":\"" + extra
                            + "\",\"generate\":true}");
                    assertEquals(201, created.status(), "round " + round + ": " + created.body());
                    registered.add(extra);
                }
            }
        } catch (UncheckedIOException killed) {
            // the server is gone; what it acknowledged is counted
        }
    }

    /**
     * Writes batches of 100 records with timestamps of their own (distinct per round) until the server is gone, and
     * notes those of each batch answered 200.
     */
    private static void writeBatches(Api api, String token, int round, Set<Long> stored) {
        long ts = 1_700_000_000_000L + round * 100_000_000L;
        try {
            while (true) {
                StringBuilder batch = new StringBuilder("[");
                List<Long> sentTs = new ArrayList<>();
                for (int i = 0; i < 100; i++, ts++) {
                    batch.append(i == 0 ? "" : ",").append("{\"ts\":").append(ts).append(",\"value\":{\"n\":")
                            .append(ts).append("}}");
                    sentTs.add(ts);
                }
                Api.Reply written = api.post("api/v1/buckets/batches/records", token, batch.append("]").toString());
                assertEquals(200, written.status(), written.body());
                stored.addAll(sentTs);
            }
        } catch (UncheckedIOException killed) {
            // the server is gone; what it acknowledged is counted
        }
    }

    /**
     * Pushes data with the SDK (each with an id, answered "stored" after the commit), 50 a second (half the
     * server's default rate per device), up to 50 waiting, until the server is gone; notes each stored timestamp.
     */
    private static void pushData(TestDevice device, Set<Long> stored) {
        java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(50);
        try {
            for (int i = 0; device.state().status() == io.devicehub.client.ConnectionState.Status.ONLINE; i++) {
                if (!window.tryAcquire(2, TimeUnit.SECONDS)) {
                    continue;
                }
                Thread.sleep(20);
                device.push("readings", Json.createObjectBuilder().add("n", i).build()).whenComplete((at, failed) -> {
                    window.release();
                    if (at != null) {
                        stored.add(at.toEpochMilli());
                    }
                });
            }
        } catch (InterruptedException | IllegalStateException stopped) {
            // the device went offline with the server, or the SDK's buffer filled meanwhile
        }
    }

    /** Every timestamp in {@code acknowledged} has its record in {@code bucket}, read back through an export. */
    private static void assertStored(Api api, String token, String bucket, Set<Long> acknowledged) {
        Api.Reply export = api.get("api/v1/buckets/" + bucket + "/export?format=csv&timestamps=ms", token);
        assertEquals(200, export.status(), export.body());
        Set<Long> present = new HashSet<>();
        export.body().lines().skip(1).forEach(row -> present.add(Long.parseLong(row.substring(0, row.indexOf(',')))));
        Set<Long> lost = new java.util.TreeSet<>(acknowledged);
        lost.removeAll(present);
        assertTrue(lost.isEmpty(), lost.size() + " of " + acknowledged.size() + " acknowledged records of " + bucket
                + " lost by the kill, first " + lost.stream().limit(5).toList());
    }

    private static boolean reachable(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return connection.isValid(2);
        } catch (SQLException notThere) {
            return false;
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
