package io.devicehub.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Acknowledged means durable: clients write while the server is killed ({@code kill -9}) and restarted, twice, on
 * the embedded H2 and on MariaDB — registry writes, REST batches of records, devices' records answered
 * {@code stored} — and after each restart everything acknowledged is there. The server is started as a user starts
 * it ({@code bin/serve}), so these run in the H2 run only, and choose their database themselves.
 */
class KillIT {

    private Path workDir;

    @BeforeEach
    void onlyInTheEmbeddedRun() throws Exception {
        assumeTrue(Deployments.database().equals("h2"), "starts its own servers; once per build");
        workDir = Files.createDirectories(Path.of("target", "standalone")).resolve(Names.unique("kill-"));
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
}
