package io.devicehub.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The devices endpoints over real HTTP against the real database: a device's whole life, the list with paging,
 * sorting, search and presence, live statistics and history, every kind of bad request, and two accounts that
 * cannot touch each other's devices.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DevicesApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.devicehubWar();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private String username;
    private String token;

    @BeforeEach
    void signUp() {
        api = new Api(base);
        username = Names.unique("dev");
        SignUpForm.account(base, username);
        token = api.accessToken(username, SignUpForm.PASSWORD);
    }

    @Test
    void aDeviceIsRegisteredReadChangedDisabledRekeyedAndDeleted() {
        Api.Reply created = api.post("api/v1/devices", token, "{\"identifier\":\"greenhouse-1\","
                + "\"description\":\"Greenhouse climate sensor\",\"generate\":true}");
        assertEquals(201, created.status(), created.body());
        assertTrue(created.header("Location").endsWith("/api/v1/devices/greenhouse-1"), created.header("Location"));
        String credential = created.json().getString("credential");
        assertTrue(credential.matches("[A-Za-z0-9]{24}"), credential);
        assertEquals("Greenhouse climate sensor", created.json().getString("description"));
        assertTrue(created.json().getBoolean("enabled"));
        assertFalse(created.json().getBoolean("online"));

        Api.Reply read = api.get("api/v1/devices/greenhouse-1", token);
        assertEquals(200, read.status());
        assertFalse(read.body().contains(credential), "a credential is shown once");
        assertFalse(read.json().containsKey("credential"));

        try (RawDevice device = RawDevice.connect(api.deviceEndpoint())) {
            assertTrue(device.authenticate(username, "greenhouse-1", credential).contains("welcome"));
        }
        Api.Reply own = api.post("api/v1/devices", token, "{\"identifier\":\"own\",\"credential\":\"my own secret\"}");
        assertFalse(own.json().containsKey("credential"), "a given credential is not echoed");

        assertEquals("Moved north", api.patch("api/v1/devices/greenhouse-1", token,
                "{\"description\":\"Moved north\"}").json().getString("description"));
        assertFalse(api.send(api.request("api/v1/devices/greenhouse-1", token)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"description\":null}"))).json()
                .containsKey("description"), "a merge patch with null removes the description");

        try (RawDevice online = RawDevice.connect(api.deviceEndpoint())) {
            assertTrue(online.authenticate(username, "greenhouse-1", credential).contains("welcome"));
            api.patch("api/v1/devices/greenhouse-1", token, "{\"enabled\":false,\"description\":\""
                    + "d".repeat(256) + "\"}").assertProblem(400, "invalid-input");
            assertTrue(api.get("api/v1/devices/greenhouse-1", token).json().getBoolean("enabled"),
                    "a patch with a part that fails changes nothing");
            online.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", online.next(), "and the device stays connected");
            assertFalse(api.patch("api/v1/devices/greenhouse-1", token, "{\"enabled\":false}").json()
                    .getBoolean("enabled"));
            assertEquals(4410, online.closeCode(), "disabling disconnects the device");
        }
        try (RawDevice refused = RawDevice.connect(api.deviceEndpoint())) {
            assertTrue(refused.authenticate(username, "greenhouse-1", credential).contains("unauthorized"));
        }
        assertTrue(api.patch("api/v1/devices/greenhouse-1", token, "{\"enabled\":true}").json().getBoolean("enabled"));

        Api.Reply rotated = api.post("api/v1/devices/greenhouse-1/credential", token, "{\"generate\":true}");
        assertEquals(200, rotated.status(), rotated.body());
        String fresh = rotated.json().getString("credential");
        assertNotEquals(credential, fresh);
        try (RawDevice old = RawDevice.connect(api.deviceEndpoint())) {
            assertTrue(old.authenticate(username, "greenhouse-1", credential).contains("unauthorized"));
        }
        try (RawDevice rekeyed = RawDevice.connect(api.deviceEndpoint())) {
            assertTrue(rekeyed.authenticate(username, "greenhouse-1", fresh).contains("welcome"));
        }
        Api.Reply given = api.post("api/v1/devices/greenhouse-1/credential", token,
                "{\"credential\":\"another long secret\"}");
        assertEquals(200, given.status());
        assertFalse(given.json().containsKey("credential"));

        assertEquals(204, api.delete("api/v1/devices/greenhouse-1", token).status());
        api.get("api/v1/devices/greenhouse-1", token).assertProblem(404, "device-not-found");
        api.delete("api/v1/devices/greenhouse-1", token).assertProblem(404, "device-not-found");
    }

    @Test
    void theListPagesSortsSearchesAndFiltersByPresence() {
        String onlineCredential = null;
        for (int i = 1; i <= 12; i++) {
            String credential = api.register(token, String.format("node-%02d", i));
            if (i == 7) {
                onlineCredential = credential;
            }
        }
        api.patch("api/v1/devices/node-03", token, "{\"description\":\"Boiler room\"}");

        JsonObject newest = api.get("api/v1/devices?limit=5", token).json();
        assertEquals(12, newest.getInt("total"));
        assertEquals(5, newest.getJsonArray("items").size());
        assertEquals("node-12", identifiers(newest).get(0), "newest first by default");

        assertEquals(List.of("node-06", "node-07", "node-08"),
                identifiers(api.get("api/v1/devices?sort=identifier&offset=5&limit=3", token).json()));
        assertEquals("node-12", identifiers(api.get("api/v1/devices?sort=-identifier&limit=1", token).json()).get(0));
        assertEquals(List.of("node-03"), identifiers(api.get("api/v1/devices?q=BOILER", token).json()));

        try (RawDevice online = RawDevice.connect(api.deviceEndpoint())) {
            assertTrue(online.authenticate(username, "node-07", onlineCredential).contains("welcome"));
            JsonObject onlineOnly = api.get("api/v1/devices?status=online", token).json();
            assertEquals(List.of("node-07"), identifiers(onlineOnly));
            assertTrue(onlineOnly.getJsonArray("items").getJsonObject(0).getBoolean("online"));
            assertEquals(11, api.get("api/v1/devices?status=offline", token).json().getInt("total"));
        }

        Api.Reply bad = api.get("api/v1/devices?offset=-1&limit=1000&sort=colour&status=asleep", token)
                .assertProblem(400, "invalid-input");
        assertEquals(List.of("offset", "limit", "sort", "status"), bad.errorFields());
        assertEquals(List.of("limit"), api.get("api/v1/devices?limit=ten", token).errorFields());
    }

    @Test
    void aDeviceShowsItsLiveSessionAndRemembersItsConnections() throws InterruptedException {
        String credential = api.register(token, "meter");
        try (RawDevice device = RawDevice.connect(api.deviceEndpoint())) {
            assertTrue(device.authenticate(username, "meter", credential).contains("welcome"));
            device.send("{\"type\":\"ping\"}");
            device.next();
            JsonObject live = api.get("api/v1/devices/meter", token).json();
            assertTrue(live.getBoolean("online"));
            JsonObject session = live.getJsonObject("session");
            assertTrue(session.getJsonNumber("bytesReceived").longValue() > 0, session.toString());
            assertTrue(session.getJsonNumber("messagesReceived").longValue() >= 2, session.toString());
            assertTrue(session.containsKey("connectedSince") && session.containsKey("remoteAddress"));
        }
        JsonObject history = null;
        for (int i = 0; i < 50; i++) {
            history = api.get("api/v1/devices/meter/connections", token).json();
            if (history.getJsonArray("items").size() == 2) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("disconnected", history.getJsonArray("items").getJsonObject(0).getString("event"));
        assertEquals("connected", history.getJsonArray("items").getJsonObject(1).getString("event"));
        assertEquals(1, api.get("api/v1/devices/meter/connections?limit=1", token).json().getJsonArray("items").size());
        api.get("api/v1/devices/meter/connections?limit=0", token).assertProblem(400, "invalid-input");

        JsonObject offline = api.get("api/v1/devices/meter", token).json();
        assertFalse(offline.getBoolean("online"));
        assertFalse(offline.containsKey("session"));
        assertTrue(offline.getJsonObject("lastConnection").getJsonNumber("bytesReceived").longValue() > 0);
    }

    @Test
    void badBodiesAreAnsweredFieldByField() {
        Api.Reply invalid = api.post("api/v1/devices", token, "{\"identifier\":\"no spaces!\",\"credential\":\"short\","
                + "\"description\":\"" + "d".repeat(256) + "\"}").assertProblem(400, "invalid-input");
        assertEquals(List.of("credential", "description", "identifier"), invalid.errorFields());
        assertEquals("must be 1 to 32 letters, digits, '_' or '-'",
                invalid.json().getJsonArray("errors").getJsonObject(2).getString("message"));

        assertEquals(List.of("colour", "generate", "identifier"), api.post("api/v1/devices", token,
                "{\"identifier\":7,\"generate\":\"yes\",\"colour\":\"red\"}").errorFields());
        assertEquals(List.of("credential"), api.post("api/v1/devices", token,
                "{\"identifier\":\"a\",\"credential\":\"twelve chars!\",\"generate\":true}").errorFields());
        assertEquals(List.of("credential"), api.post("api/v1/devices", token, "{\"identifier\":\"a\"}").errorFields());

        assertTrue(api.post("api/v1/devices", token, "{\"identifier\": }").assertProblem(400, "malformed-json")
                .detail().contains("line 1"));
        api.post("api/v1/devices", token, "[1, 2]").assertProblem(400, "malformed-json");
        String deep = "{\"identifier\":\"deep\",\"generate\":true,\"description\":" + "[".repeat(1000)
                + "]".repeat(1000) + "}";
        assertTrue(api.post("api/v1/devices", token, deep).assertProblem(400, "malformed-json").detail()
                .contains("nested deeper than 32 levels"));
        assertTrue(api.post("api/v1/devices/x/resources/led", token, "[".repeat(1000) + "]".repeat(1000))
                .assertProblem(400, "malformed-json").detail().contains("nested deeper than 32 levels"));
        assertTrue(api.post("api/v1/devices", token, "{\"identifier\":\"n\",\"generate\":" + "9".repeat(1200) + "}")
                .assertProblem(400, "malformed-json").detail().contains("a number may have at most 100 characters"));
        assertTrue(api.post("api/v1/devices", token, "{\"identifier\":\"twice\",\"identifier\":\"again\","
                + "\"generate\":true}").assertProblem(400, "malformed-json").detail()
                .contains("the member 'identifier' appears twice"));
        api.get("api/v1/devices/twice", token).assertProblem(404, "device-not-found");
        api.post("api/v1/devices", token, "").assertProblem(400, "malformed-json");
        api.patch("api/v1/devices/x", token, "{\"enabled\":\"no\"}").assertProblem(400, "invalid-input");

        api.register(token, "taken");
        Api.Reply duplicate = api.post("api/v1/devices", token, "{\"identifier\":\"taken\",\"generate\":true}")
                .assertProblem(409, "already-exists");
        assertEquals(List.of("identifier"), duplicate.errorFields());
    }

    @Test
    void protocolErrorsAreProblemsToo() {
        api.get("api/v1/no-such-thing", token).assertProblem(404, "not-found");
        api.get("api/nothing-here", null).assertProblem(404, "not-found");
        api.get("api/application.wadl", token).assertProblem(404, "not-found");
        Api.Reply options = api.send(api.request("api/v1/devices", token).method("OPTIONS",
                HttpRequest.BodyPublishers.noBody()));
        assertTrue(options.header("Allow").contains("POST"), options.headers().toString());
        assertFalse(options.body().contains("wadl") || options.body().contains("Jersey"), options.body());
        Api.Reply notAllowed = api.send(api.request("api/v1/devices", token).PUT(HttpRequest.BodyPublishers
                .ofString("{}")).header("Content-Type", Api.JSON)).assertProblem(405, "method-not-allowed");
        assertTrue(notAllowed.header("Allow").contains("GET") && notAllowed.header("Allow").contains("POST"));
        api.send(api.request("api/v1/devices", token).header("Accept", "text/html"))
                .assertProblem(406, "not-acceptable");
        api.send(api.request("api/v1/devices", token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("identifier=x")))
                .assertProblem(415, "unsupported-media-type");

        String huge = "{\"identifier\":\"big\",\"generate\":true,\"description\":\"" + "x".repeat(70_000) + "\"}";
        api.post("api/v1/devices", token, huge).assertProblem(413, "payload-too-large");
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        api.send(api.request("api/v1/devices", token).header("Content-Type", Api.JSON).POST(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))))
                .assertProblem(413, "payload-too-large");
        api.get("api/v1/devices/big", token).assertProblem(404, "device-not-found");
    }

    @Test
    void accountsCannotTouchEachOthersDevices() {
        api.post("api/v1/devices", token, "{\"identifier\":\"shared\",\"description\":\"alice's\",\"generate\":true}");
        api.register(token, "alice-only");
        String bobName = Names.unique("bob");
        SignUpForm.account(base, bobName);
        String bob = api.accessToken(bobName, SignUpForm.PASSWORD);
        api.post("api/v1/devices", bob, "{\"identifier\":\"shared\",\"description\":\"bob's\",\"generate\":true}");

        Api.Reply hers = api.get("api/v1/devices/alice-only", bob).assertProblem(404, "device-not-found");
        Api.Reply nobodys = api.get("api/v1/devices/never-was", bob).assertProblem(404, "device-not-found");
        assertEquals(nobodys.detail().replace("never-was", "alice-only"), hers.detail(),
                "another account's device is answered exactly like one that does not exist");
        api.patch("api/v1/devices/alice-only", bob, "{\"enabled\":false}").assertProblem(404, "device-not-found");
        api.post("api/v1/devices/alice-only/credential", bob, "{\"generate\":true}")
                .assertProblem(404, "device-not-found");
        api.get("api/v1/devices/alice-only/connections", bob).assertProblem(404, "device-not-found");
        api.get("api/v1/devices/alice-only/resources", bob).assertProblem(404, "device-not-found");
        api.get("api/v1/devices/alice-only/resources/led", bob).assertProblem(404, "device-not-found");
        api.delete("api/v1/devices/alice-only", bob).assertProblem(404, "device-not-found");

        assertEquals(List.of("shared"), identifiers(api.get("api/v1/devices", bob).json()));
        assertEquals("bob's", api.get("api/v1/devices/shared", bob).json().getString("description"));
        assertEquals("alice's", api.get("api/v1/devices/shared", token).json().getString("description"));
        assertTrue(api.get("api/v1/devices/alice-only", token).json().getBoolean("enabled"), "untouched");
    }

    @Test
    void theOpenApiDocumentDescribesTheApiWithExamples() {
        Api.Reply yaml = api.send(HttpRequest.newBuilder(api.serverRoot().resolve("openapi")));
        assertEquals(200, yaml.status(), yaml.body());
        for (String expected : List.of("/api/v1/devices:", "/api/v1/devices/{id}/resources/{name}:",
                "/api/v1/auth/token:", "/api/v1/tokens/{tokenId}:", "Call an input or input/output resource",
                "/api/v1/calls:", "Call a resource on many devices",
                "urn:devicehub:problem:device-offline", "bearer")) {
            assertTrue(yaml.body().contains(expected), "the OpenAPI document lacks " + expected);
        }
        Api.Reply json = api.send(HttpRequest.newBuilder(api.serverRoot().resolve("openapi?format=JSON")));
        JsonObject document = json.json();
        assertEquals("DeviceHub API", document.getJsonObject("info").getString("title"));
        assertTrue(document.getJsonObject("components").getJsonObject("securitySchemes").containsKey("bearer"));
        assertTrue(document.getJsonObject("paths").getJsonObject("/api/v1/devices").getJsonObject("post")
                .getJsonObject("requestBody").toString().contains("greenhouse-1"), "request examples");
    }

    private static List<String> identifiers(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(device -> device.getString("identifier")).toList();
    }
}
