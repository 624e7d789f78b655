package io.devicehub.ear;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EAR on a real Payara Server 6: it deploys, migrates its database, reports healthy, and a new user can sign
 * up, add a device and see it listed, the device connects over WebSocket, and the REST API authenticates with a
 * bearer token beside the console's form sign-in — the same paths the WAR on Payara Micro is tested along.
 */
class EarDeploymentIT {

    @Test
    void theEarDeploysOnPayaraServerAndServesAWorkingConsole() throws Exception {
        Path home = PayaraDistribution.install(System.getProperty("payara.version"),
                Path.of(System.getProperty("maven.repo.local")), Path.of(System.getProperty("payara.unpack.dir")));
        Path ear = Path.of(System.getProperty("devicehub.ear"));
        try (PayaraServer server = new PayaraServer(home, Integer.getInteger("smoke.portbase", 28000)).start()) {
            server.deploy(ear);
            URI base = URI.create("http://localhost:" + server.httpPort() + "/");
            FormClient console = new FormClient(base);
            String username = "ear" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

            HttpResponse<String> login = console.get("devices/index.xhtml");
            HttpResponse<String> health = console.get("health");
            HttpResponse<String> signedUp = console.submit("signup.xhtml", "signup", Map.of(
                    "username", username, "email", username + "@example.com",
                    "password", "an ear smoke password", "confirmation", "an ear smoke password"), "create");
            HttpResponse<String> added = console.submit("devices/add.xhtml", "add", Map.of(
                    "identifier", "ear-device", "description", "added through the EAR",
                    "credential", "an ear device credential"), "submit");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(base.resolve("api/v1/devices")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(base.resolve("api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username
                            + "\",\"password\":\"an ear smoke password\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher secret = Pattern.compile("\"token\":\"(dh_at_[0-9A-Za-z]+)\"").matcher(token.body());
            HttpResponse<String> listed = http.send(HttpRequest.newBuilder(base.resolve("api/v1/devices"))
                    .header("Authorization", "Bearer " + (secret.find() ? secret.group(1) : "none")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String welcome;
            int closedWith;
            try (DeviceSocket device = new DeviceSocket(URI.create("ws://localhost:" + server.httpPort()
                    + "/ws/devices"))) {
                welcome = device.authenticate("{\"type\":\"auth\",\"account\":\"" + username
                        + "\",\"device\":\"ear-device\",\"credential\":\"an ear device credential\"}");
                http.send(HttpRequest.newBuilder(base.resolve("api/v1/devices/ear-device"))
                        .header("Authorization", "Bearer " + secret.group(1))
                        .header("Content-Type", "application/merge-patch+json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                closedWith = device.closeCode();
            }

            assertAll(
                    () -> assertTrue(login.uri().getPath().endsWith("/login.xhtml"), login.uri().toString()),
                    () -> assertEquals(200, health.statusCode(), health.body()),
                    () -> assertTrue(health.body().contains("\"database\""), health.body()),
                    () -> assertTrue(signedUp.uri().getPath().endsWith("/devices/index.xhtml"),
                            signedUp.uri() + "\n" + signedUp.body()),
                    () -> assertTrue(signedUp.body().contains("No devices yet"), signedUp.body()),
                    () -> assertTrue(added.body().contains("Device ear-device added"), added.body()),
                    () -> assertTrue(added.body().contains("added through the EAR"), added.body()),
                    () -> assertTrue(welcome.startsWith("{\"type\":\"welcome\""), welcome),
                    () -> assertEquals(4410, closedWith, "disabling the device ends its session"),
                    () -> assertEquals(401, anonymous.statusCode(), anonymous.body()),
                    () -> assertTrue(anonymous.headers().firstValue("Content-Type").orElse("")
                            .startsWith("application/problem+json"), anonymous.headers().toString()),
                    () -> assertEquals(200, token.statusCode(), token.body()),
                    () -> assertEquals(200, listed.statusCode(), listed.body()),
                    () -> assertTrue(listed.body().contains("\"identifier\":\"ear-device\""), listed.body()));
        }
    }
}
