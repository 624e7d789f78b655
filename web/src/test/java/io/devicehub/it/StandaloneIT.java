package io.devicehub.it;

import org.h2.tools.Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * DeviceHub as a user runs it, without Arquillian: on the embedded default it keeps its data across restarts, and
 * {@code /health} follows the database. Both concern the embedded H2 setup, so they run in the H2 run only.
 */
class StandaloneIT {

    private Path workDir;

    @BeforeEach
    void onlyOnTheEmbeddedDatabase() throws Exception {
        assumeTrue(Deployments.database().equals("h2"), "about the embedded database");
        workDir = Files.createDirectories(Path.of("target", "standalone")).resolve(Names.unique("run-"));
    }

    /** Also: stopping the server (SIGTERM) tells connected devices so, with close code 1001 (docs/protocol.md). */
    @Test
    void theEmbeddedDefaultKeepsAccountsAndDevicesAcrossARestart() throws Exception {
        String username = Names.unique("keeper");
        try (MicroProcess first = MicroProcess.start(workDir, Map.of());
             Browser browser = new Browser(first.url())) {
            new Console(browser, "").signUp(username, "a long sign-in password")
                    .addDevice("kept-device", "survives restarts", "long enough credential");
            assertEquals("kept-device ONLINE", simulate(first, username, "kept-device", "long enough credential"));

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
        }
    }

    @Test
    void healthFollowsTheDatabaseAndSignUpCanBeClosed() throws Exception {
        Server database = startH2(0);
        int port = database.getPort();
        try (MicroProcess micro = MicroProcess.start(workDir, Map.of(
                "DB_URL", "jdbc:h2:tcp://localhost:" + port + "/devicehub;MODE=LEGACY",
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
