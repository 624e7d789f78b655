package io.devicehub.it;

import org.h2.tools.Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void theEmbeddedDefaultKeepsAccountsAndDevicesAcrossARestart() throws Exception {
        String username = Names.unique("keeper");
        try (MicroProcess first = MicroProcess.start(workDir, Map.of());
             Browser browser = new Browser(first.url())) {
            new Console(browser, "").signUp(username, "a long sign-in password")
                    .addDevice("kept-device", "survives restarts", "long enough credential");
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
    void healthIsDownWhileTheDatabaseDoesNotAnswerAndUpAgainAfterwards() throws Exception {
        Server database = startH2(0);
        int port = database.getPort();
        try (MicroProcess micro = MicroProcess.start(workDir, Map.of(
                "DB_URL", "jdbc:h2:tcp://localhost:" + port + "/devicehub;MODE=LEGACY",
                "DB_USER", "devicehub", "DB_PASSWORD", "devicehub"))) {
            assertEquals(200, micro.health());

            database.stop();
            assertEquals(503, awaitHealth(micro, 503));

            database = startH2(port);
            assertEquals(200, awaitHealth(micro, 200));
        } finally {
            database.stop();
        }
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
