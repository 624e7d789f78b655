package io.devicehub.it;

import io.devicehub.account.Accounts;
import io.devicehub.account.SignUp;
import io.devicehub.database.SchemaMigrations;
import io.devicehub.token.TokenSecret;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside the server, against its database and its log: what a token leaves behind, and what hostile input does to
 * the log. Tokens issued through the real API are stored only as their SHA-256 hash (no column holds the secret),
 * and neither tokens nor passwords reach the log, whatever happens to the requests that carry them. Input built to
 * cost the server (deep JSON, endless numbers, oversized frames) is refused without a line in the log.
 */
@ExtendWith(ArquillianExtension.class)
class TokenStorageIT {

    private static final String PASSWORD = "a long sign-in password";

    @Deployment
    static WebArchive deployment() {
        return Deployments.devicehubWar().addClasses(TokenStorageIT.class, Deployments.class, Names.class,
                RawWebSocket.class, RawDevice.class, RawDevice.class.getDeclaredClasses()[0], ServerMessages.class);
    }

    @Inject
    Accounts accounts;

    @Inject
    HttpServletRequest request;

    @Resource(lookup = SchemaMigrations.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void tokensAreStoredOnlyAsTheirHashAndNeverLoggedNorArePasswords() throws Exception {
        String username = Names.unique("vault");
        accounts.signUp(new SignUp(username, username + "@example.com", PASSWORD));
        Recorder log = Recorder.attach();
        Logger.getLogger("io.devicehub.it").fine("the recorder is attached");
        String access;
        String apiToken;
        try {
            JsonObject issued = call("POST", "api/v1/auth/token", null,
                    "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
            access = issued.getString("token");
            JsonObject created = call("POST", "api/v1/tokens", access,
                    "{\"name\":\"stored\",\"scopes\":[\"devices:read\"]}");
            apiToken = created.getString("token");
            call("GET", "api/v1/devices", apiToken, null);
            call("POST", "api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"wrong "
                    + PASSWORD + "\"}");
            call("GET", "api/v1/devices", apiToken.substring(0, apiToken.length() - 1) + "x", null);
            call("POST", "api/v1/devices", apiToken, "{\"identifier\":\"" + apiToken + "\"}");
            call("DELETE", "api/v1/tokens/" + created.getInt("id"), access, null);
            call("GET", "api/v1/devices", apiToken, null);
        } finally {
            log.detach();
        }

        for (String secret : List.of(access, apiToken)) {
            List<String> row = row(TokenSecret.hash(secret));
            assertEquals(TokenSecret.hash(secret), row.get(0), "the hash is the look-up key");
            for (String column : row) {
                assertFalse(column != null && column.contains(secret.substring(7)),
                        "a column holds the secret: " + row);
            }
        }
        assertTrue(log.text().contains("the recorder is attached"), "the recorder saw the server's log");
        for (String secret : List.of(access, apiToken, PASSWORD, apiToken.substring(7, 30))) {
            assertFalse(log.text().contains(secret), "the log shows a secret:\n" + log.text());
        }
    }

    @Test
    void hostileInputIsRefusedWithoutAStackTraceInTheLog() throws Exception {
        String username = Names.unique("flood");
        accounts.signUp(new SignUp(username, username + "@example.com", PASSWORD));
        String access = call("POST", "api/v1/auth/token", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}").getString("token");
        URI devices = URI.create("ws://localhost:" + request.getLocalPort() + request.getContextPath() + "/ws/devices");
        Recorder log = Recorder.attach();
        try {
            for (int i = 0; i < 3; i++) {
                assertEquals("urn:devicehub:problem:malformed-json", call("POST", "api/v1/devices", access,
                        "[".repeat(1000) + "]".repeat(1000)).getString("type"));
                assertEquals("urn:devicehub:problem:malformed-json", call("POST", "api/v1/devices", access,
                        "{\"identifier\":" + "1".repeat(1200) + "}").getString("type"));
                try (RawWebSocket huge = RawWebSocket.connect(devices, "127.0.0.1")) {
                    huge.send("{\"type\":\"auth\",\"pad\":\"" + "x".repeat(1_000_000) + "\"}");
                    assertEquals(1011, huge.closeCode());
                }
                try (RawWebSocket deep = RawWebSocket.connect(devices, "127.0.0.1")) {
                    deep.send("[".repeat(1000) + "]".repeat(1000));
                    assertEquals(1008, deep.closeCode());
                }
            }
        } finally {
            log.detach();
        }
        assertFalse(log.text().contains("Exception") || log.text().contains("Buffer overflow"),
                "hostile input reached the log:\n" + log.text());
    }

    /** Every column of the token's row, as text, the hash first. */
    private List<String> row(String hash) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT * FROM api_token WHERE token_hash = ?")) {
            query.setString(1, hash);
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next(), "a row for the token");
                List<String> columns = new ArrayList<>();
                columns.add(result.getString("token_hash"));
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    columns.add(result.getString(i));
                }
                return columns;
            }
        }
    }

    /** A request to this server's API through its HTTP port, as a program sends it. */
    private JsonObject call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + request.getLocalPort()
                + request.getContextPath() + "/" + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(builder.build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body().startsWith("{") ? Json.createReader(new StringReader(response.body())).readObject()
                : Json.createObjectBuilder().build();
    }

    /** Everything logged in this server, at every level, while attached. */
    private static final class Recorder extends Handler {

        private final StringBuilder text = new StringBuilder();
        private final Logger devicehub = Logger.getLogger("io.devicehub");
        private final Level devicehubLevel = devicehub.getLevel();

        static Recorder attach() {
            Recorder recorder = new Recorder();
            recorder.setLevel(Level.ALL);
            recorder.devicehub.setLevel(Level.ALL);
            Logger.getLogger("").addHandler(recorder);
            return recorder;
        }

        void detach() {
            Logger.getLogger("").removeHandler(this);
            devicehub.setLevel(devicehubLevel);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            text.append(record.getLoggerName()).append(' ').append(record.getMessage()).append('\n');
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(parameter).append('\n');
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                text.append(t).append('\n');
            }
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
