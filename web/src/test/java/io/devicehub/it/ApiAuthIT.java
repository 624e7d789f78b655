package io.devicehub.it;

import io.devicehub.token.TokenKind;
import io.devicehub.token.TokenSecret;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authentication and tokens over real HTTP: access tokens for a password, API tokens shown once and listed without
 * their secret, every kind of 401, expiry, revocation, scopes endpoint by endpoint, tokens limited to a device and
 * some of its resources, and throttling. The throttling test runs last: it blocks this test client's address.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiAuthIT {

    private static final String ALL_SCOPES = "[\"devices:read\",\"devices:write\",\"resources:call\","
            + "\"buckets:read\",\"buckets:write\"]";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.devicehubWar();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private String username;
    private String access;

    @BeforeEach
    void signUp() {
        api = new Api(base);
        username = Names.unique("tok");
        SignUpForm.account(base, username);
        access = api.accessToken(username, SignUpForm.PASSWORD);
    }

    @Test
    @Order(1)
    void anAccessTokenIsIssuedForAUsernameAndPasswordAndTellsWhatItIs() {
        Api.Reply issued = api.post("api/v1/auth/token", null, "{\"username\":\"" + username.toUpperCase()
                + "\",\"password\":\"" + SignUpForm.PASSWORD + "\"}");
        assertEquals(200, issued.status(), issued.body());
        assertTrue(issued.contentType().startsWith(Api.JSON));
        JsonObject token = issued.json();
        assertTrue(token.getString("token").matches("dh_at_[0-9A-Za-z]{38}"), token.toString());
        assertTrue(token.getString("token").matches(TokenSecret.PATTERN));
        assertEquals("Bearer", token.getString("tokenType"));
        assertTrue(Math.abs(token.getInt("expiresIn") - 3600) < 10, token.toString());
        assertEquals(List.of("devices:read", "devices:write", "resources:call", "buckets:read", "buckets:write"),
                token.getJsonArray("scopes").getValuesAs(jakarta.json.JsonString::getString));

        JsonObject presented = api.get("api/v1/auth/token", token.getString("token")).json();
        assertEquals(username, presented.getString("account"));
        assertEquals("access", presented.getString("kind"));

        Api.Reply narrowed = api.post("api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\""
                + SignUpForm.PASSWORD + "\",\"scopes\":[\"devices:read\"]}");
        String reader = narrowed.json().getString("token");
        assertEquals(200, api.get("api/v1/devices", reader).status());
        api.post("api/v1/devices", reader, "{\"identifier\":\"x\",\"generate\":true}")
                .assertProblem(403, "insufficient-scope");

        api.post("api/v1/auth/token", null, "{\"username\":\"" + username + "\"}").assertProblem(400, "invalid-input");
        api.post("api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"x\",\"scopes\":"
                + "[\"root\"]}").assertProblem(400, "invalid-input");
    }

    @Test
    @Order(2)
    void aWrongUsernameOrPasswordGetsOneGenericAnswerAndRepeatedFailuresAreRefusedForAWhile() {
        Api.Reply wrongPassword = api.post("api/v1/auth/token", null, "{\"username\":\"" + username
                + "\",\"password\":\"not the password\"}").assertProblem(401, "invalid-credentials");
        Api.Reply noSuchUser = api.post("api/v1/auth/token", null, "{\"username\":\"no-" + username
                + "\",\"password\":\"" + SignUpForm.PASSWORD + "\"}").assertProblem(401, "invalid-credentials");
        assertEquals(wrongPassword.body(), noSuchUser.body(), "nothing tells which of the two was wrong");
        assertEquals("Bearer realm=\"DeviceHub\"", wrongPassword.header("WWW-Authenticate"));

        int checked = 1; // the wrong password above
        Api.Reply refused = null;
        for (int i = 0; i < 8 && refused == null; i++) {
            Api.Reply reply = api.post("api/v1/auth/token", null, "{\"username\":\"" + username
                    + "\",\"password\":\"guess " + i + "\"}");
            if (reply.status() == 429) {
                refused = reply;
            } else {
                reply.assertProblem(401, "invalid-credentials");
                checked++;
            }
        }
        assertEquals(5, checked, "five wrong passwords are checked, then the account is refused for a while");
        refused.assertProblem(429, "too-many-attempts");
        assertEquals("1", refused.header("Retry-After"));
        assertEquals(1, refused.json().getInt("retryAfter"));
        assertEquals("Too many failed attempts. Try again in 1 second.", refused.detail());
        api.post("api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\""
                + SignUpForm.PASSWORD + "\"}").assertProblem(429, "too-many-attempts");

        RawHttp.Reply elsewhere = RawHttp.postJson(api.serverRoot(), "127.0.0.2", api.uri("api/v1/auth/token")
                .getPath(), "{\"username\":\"" + username + "\",\"password\":\"" + SignUpForm.PASSWORD + "\"}");
        assertEquals(200, elsewhere.status(), "the real user elsewhere is not locked out: " + elsewhere.body());
        assertTrue(elsewhere.body().contains("\"token\":\"dh_at_"), elsewhere.body());
    }

    @Test
    @Order(10)
    void aRequestWithTwoAuthorizationHeadersIsRefused() {
        String signIn = "{\"username\":\"" + username + "\",\"password\":\"" + SignUpForm.PASSWORD + "\"}";
        for (String request : List.of("GET api/v1/devices", "POST api/v1/auth/token")) {
            String[] parts = request.split(" ");
            RawHttp.Reply twice = RawHttp.exchange(api.serverRoot(), "127.0.0.1", parts[0] + " "
                    + api.uri(parts[1]).getPath() + " HTTP/1.1\r\nContent-Type: application/json"
                    + "\r\nAuthorization: Bearer " + access + "\r\nAuthorization: Bearer "
                    + TokenSecret.generate(TokenKind.API), parts[0].equals("POST") ? signIn : null);
            String path = parts[1];
            assertEquals(400, twice.status(), path + ": " + twice.body());
            assertTrue(twice.header("Content-Type").startsWith("application/problem+json"), twice.headers().toString());
            assertTrue(twice.body().contains("\"type\":\"urn:devicehub:problem:bad-request\"")
                    && twice.body().contains("Send one Authorization header, not 2."), twice.body());
            assertTrue(twice.header("WWW-Authenticate").contains("error=\"invalid_request\""));
        }
    }

    @Test
    @Order(3)
    void everyRequestWithoutAValidTokenIs401WithABearerChallenge() throws Exception {
        Api.Reply missing = api.get("api/v1/devices", null).assertProblem(401, "not-authenticated");
        assertEquals("Bearer realm=\"DeviceHub\"", missing.header("WWW-Authenticate"));

        Api.Reply basic = api.send(api.request("api/v1/devices", null).header("Authorization", "Basic YTpi"))
                .assertProblem(401, "not-authenticated");
        assertTrue(basic.header("WWW-Authenticate").contains("error=\"invalid_request\""));

        String lookAlike = access.substring(0, access.length() - 1) + (access.endsWith("A") ? "B" : "A");
        Api.Reply malformed = api.get("api/v1/devices", lookAlike).assertProblem(401, "not-authenticated");
        assertTrue(malformed.header("WWW-Authenticate").contains("error=\"invalid_token\""));

        Api.Reply unknown = api.get("api/v1/devices", TokenSecret.generate(TokenKind.API))
                .assertProblem(401, "not-authenticated");
        assertEquals("The token is not valid.", unknown.detail());

        for (String path : List.of("api/v1/devices/x", "api/v1/devices/x/resources/led", "api/v1/tokens",
                "api/v1/auth/token")) {
            api.get(path, null).assertProblem(401, "not-authenticated");
        }

        SignUpForm console = SignUpForm.account(base, Names.unique("cookie"));
        HttpResponse<String> withCookie = console.http().send(HttpRequest.newBuilder(api.uri("api/v1/devices"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, withCookie.statusCode(), "a console session is no API credential: " + withCookie.body());
    }

    @Test
    @Order(4)
    void anApiTokenIsShownOnceListedWithoutItsSecretAndWorksUntilRevoked() {
        Api.Reply created = api.post("api/v1/tokens", access, "{\"name\":\"dashboard\",\"scopes\":" + ALL_SCOPES + "}");
        assertEquals(201, created.status(), created.body());
        JsonObject token = created.json();
        String secret = token.getString("token");
        assertTrue(secret.matches("dh_pat_[0-9A-Za-z]{38}"), secret);
        assertTrue(created.header("Location").endsWith("/api/v1/tokens/" + token.getInt("id")),
                created.header("Location"));
        assertEquals("active", token.getString("status"));
        assertEquals(secret.substring(0, 11) + "…", token.getString("hint"));

        Api.Reply listed = api.get("api/v1/tokens", access);
        assertEquals(200, listed.status());
        assertFalse(listed.body().contains(secret), "the secret is never shown again");
        JsonObject first = listed.value().asJsonArray().getJsonObject(0);
        assertEquals("dashboard", first.getString("name"));
        assertFalse(first.containsKey("token"));
        Api.Reply read = api.get("api/v1/tokens/" + token.getInt("id"), access);
        assertFalse(read.body().contains(secret));

        assertEquals(200, api.get("api/v1/devices", secret).status());
        assertEquals("api", api.get("api/v1/auth/token", secret).json().getString("kind"));
        assertEquals(204, api.delete("api/v1/tokens/" + token.getInt("id"), access).status());
        assertEquals("The token has been revoked.",
                api.get("api/v1/devices", secret).assertProblem(401, "not-authenticated").detail());
        assertEquals("revoked", api.get("api/v1/tokens/" + token.getInt("id"), access).json().getString("status"));

        api.get("api/v1/tokens/999999999", access).assertProblem(404, "token-not-found");
        api.delete("api/v1/tokens/abc", access).assertProblem(404, "token-not-found");
        String others = api.accessToken(registerOther(), SignUpForm.PASSWORD);
        api.delete("api/v1/tokens/" + token.getInt("id"), others).assertProblem(404, "token-not-found");
    }

    @Test
    @Order(5)
    void anApiTokenStopsWorkingWhenItExpires() throws InterruptedException {
        Instant expiresAt = Instant.now().plusSeconds(2);
        Api.Reply created = api.post("api/v1/tokens", access, "{\"name\":\"short-lived\",\"scopes\":[\"devices:read\"],"
                + "\"expiresAt\":\"" + expiresAt + "\"}");
        String secret = created.json().getString("token");
        assertEquals(200, api.get("api/v1/devices", secret).status());

        Thread.sleep(Math.max(0, expiresAt.toEpochMilli() - System.currentTimeMillis()) + 300);
        assertEquals("The token has expired.",
                api.get("api/v1/devices", secret).assertProblem(401, "not-authenticated").detail());
        assertEquals("expired", api.get("api/v1/tokens/" + created.json().getInt("id"), access).json()
                .getString("status"));

        api.post("api/v1/tokens", access, "{\"name\":\"past\",\"scopes\":[\"devices:read\"],\"expiresAt\":\""
                + Instant.now().minusSeconds(60) + "\"}").assertProblem(400, "invalid-input");
    }

    @Test
    @Order(6)
    void onlyAnAccessTokenManagesTokensButAnyTokenCanRevokeItself() {
        String everything = api.apiToken(access, "{\"name\":\"all\",\"scopes\":" + ALL_SCOPES + "}");
        api.get("api/v1/tokens", everything).assertProblem(403, "access-token-required");
        api.post("api/v1/tokens", everything, "{\"name\":\"child\",\"scopes\":[\"devices:read\"]}")
                .assertProblem(403, "access-token-required");

        String reader = api.post("api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\""
                + SignUpForm.PASSWORD + "\",\"scopes\":[\"devices:read\"]}").json().getString("token");
        Api.Reply widened = api.post("api/v1/tokens", reader, "{\"name\":\"wider\",\"scopes\":[\"devices:read\","
                + "\"devices:write\",\"resources:call\"]}").assertProblem(400, "invalid-input");
        assertEquals(List.of("scopes"), widened.errorFields());
        assertTrue(widened.body().contains("may include only scopes of the token creating it: devices:read"),
                widened.body());
        assertFalse(api.get("api/v1/tokens", access).body().contains("wider"), "no token was made");
        assertEquals(201, api.post("api/v1/tokens", reader, "{\"name\":\"as narrow\",\"scopes\":"
                + "[\"devices:read\"]}").status(), "a token as narrow as its creator is fine");

        assertEquals(204, api.delete("api/v1/auth/token", everything).status());
        api.get("api/v1/devices", everything).assertProblem(401, "not-authenticated");
        assertEquals(204, api.delete("api/v1/auth/token", access).status(), "signing out an access token");
        api.get("api/v1/tokens", access).assertProblem(401, "not-authenticated");
    }

    @Test
    @Order(7)
    void eachEndpointNeedsItsScope() {
        api.register(access, "probe");
        String reader = api.apiToken(access, "{\"name\":\"r\",\"scopes\":[\"devices:read\"]}");
        String writer = api.apiToken(access, "{\"name\":\"w\",\"scopes\":[\"devices:write\"]}");
        String caller = api.apiToken(access, "{\"name\":\"c\",\"scopes\":[\"resources:call\"]}");
        String buckets = api.apiToken(access, "{\"name\":\"b\",\"scopes\":[\"buckets:read\",\"buckets:write\"]}");

        assertEquals(200, api.get("api/v1/devices", reader).status());
        assertEquals(200, api.get("api/v1/devices/probe", reader).status());
        assertEquals(200, api.get("api/v1/devices/probe/connections", reader).status());
        Api.Reply denied = api.post("api/v1/devices", reader, "{\"identifier\":\"n\",\"generate\":true}")
                .assertProblem(403, "insufficient-scope");
        assertEquals("Bearer realm=\"DeviceHub\", error=\"insufficient_scope\", scope=\"devices:write\"",
                denied.header("WWW-Authenticate"));
        api.patch("api/v1/devices/probe", reader, "{\"enabled\":false}").assertProblem(403, "insufficient-scope");
        api.post("api/v1/devices/probe/credential", reader, "{\"generate\":true}")
                .assertProblem(403, "insufficient-scope");
        api.delete("api/v1/devices/probe", reader).assertProblem(403, "insufficient-scope");
        api.get("api/v1/devices/probe/resources/led", reader).assertProblem(403, "insufficient-scope");

        api.get("api/v1/devices", writer).assertProblem(403, "insufficient-scope");
        api.get("api/v1/devices/probe/resources", writer).assertProblem(403, "insufficient-scope");
        assertEquals(201, api.post("api/v1/devices", writer, "{\"identifier\":\"made\",\"generate\":true}").status());
        assertEquals(200, api.patch("api/v1/devices/made", writer, "{\"description\":\"x\"}").status());

        api.get("api/v1/devices/probe", caller).assertProblem(403, "insufficient-scope");
        api.get("api/v1/devices/probe/resources", caller).assertProblem(503, "device-offline");
        api.get("api/v1/devices/probe/resources/led", caller).assertProblem(503, "device-offline");

        for (String path : List.of("api/v1/devices", "api/v1/devices/probe", "api/v1/devices/probe/resources",
                "api/v1/devices/probe/resources/led")) {
            api.get(path, buckets).assertProblem(403, "insufficient-scope");
        }
        assertEquals(204, api.delete("api/v1/devices/made", writer).status());
    }

    @Test
    @Order(8)
    void aTokenLimitedToOneDeviceAndSomeResourcesReachesNothingElse() {
        api.register(access, "d1");
        api.register(access, "d2");
        String limited = api.apiToken(access, "{\"name\":\"only d1\",\"scopes\":" + ALL_SCOPES
                + ",\"device\":\"d1\",\"resources\":[\"temperature\"]}");

        assertEquals(200, api.get("api/v1/devices/d1", limited).status());
        assertEquals(200, api.patch("api/v1/devices/d1", limited, "{\"description\":\"mine\"}").status());
        api.get("api/v1/devices", limited).assertProblem(403, "token-restricted");
        api.post("api/v1/devices", limited, "{\"identifier\":\"d3\",\"generate\":true}")
                .assertProblem(403, "token-restricted");
        api.get("api/v1/devices/d2", limited).assertProblem(403, "token-restricted");
        api.delete("api/v1/devices/d2", limited).assertProblem(403, "token-restricted");
        api.get("api/v1/devices/no-such-device", limited).assertProblem(403, "token-restricted");
        api.get("api/v1/devices/d1/resources/state", limited).assertProblem(403, "token-restricted");
        api.get("api/v1/devices/d1/resources/temperature", limited).assertProblem(503, "device-offline");
        api.get("api/v1/devices/d2/resources/temperature", limited).assertProblem(403, "token-restricted");

        JsonObject listed = api.get("api/v1/tokens", access).value().asJsonArray().getJsonObject(0);
        assertEquals("d1", listed.getString("device"));
        assertEquals("temperature", listed.getJsonArray("resources").getString(0));

        assertEquals(204, api.delete("api/v1/devices/d1", access).status());
        api.get("api/v1/devices/d1", limited).assertProblem(401, "not-authenticated");
        assertFalse(api.get("api/v1/tokens", access).body().contains("only d1"),
                "deleting a device deletes the tokens limited to it");
    }

    @Test
    @Order(9)
    void aNewTokenIsCheckedFieldByField() {
        Api.Reply empty = api.post("api/v1/tokens", access, "{}").assertProblem(400, "invalid-input");
        assertEquals(List.of("name", "scopes"), empty.errorFields());

        assertEquals(List.of("scopes[1]"), api.post("api/v1/tokens", access,
                "{\"name\":\"x\",\"scopes\":[\"devices:read\",\"devices:admin\"]}").errorFields());
        assertEquals(List.of("device"), api.post("api/v1/tokens", access,
                "{\"name\":\"x\",\"scopes\":[\"devices:read\"],\"device\":\"not-mine\"}").errorFields());
        assertEquals(List.of("resources"), api.post("api/v1/tokens", access,
                "{\"name\":\"x\",\"scopes\":[\"resources:call\"],\"resources\":[\"led\"]}").errorFields());
        assertEquals(List.of("expiresAt"), api.post("api/v1/tokens", access,
                "{\"name\":\"x\",\"scopes\":[\"devices:read\"],\"expiresAt\":\"next week\"}").errorFields());
        assertEquals(List.of("name"), api.post("api/v1/tokens", access,
                "{\"name\":\"" + "n".repeat(65) + "\",\"scopes\":[\"devices:read\"]}").errorFields());
        assertEquals(List.of("nmae"), api.post("api/v1/tokens", access,
                "{\"nmae\":\"x\",\"scopes\":[\"devices:read\"]}").errorFields());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void failedTokenChecksFromOneAddressAreRefusedForAWhile() throws InterruptedException {
        String valid = api.apiToken(access, "{\"name\":\"valid\",\"scopes\":[\"devices:read\"]}");
        Api.Reply refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            Api.Reply reply = api.get("api/v1/devices", TokenSecret.generate(TokenKind.API));
            if (reply.status() == 429) {
                refused = reply;
            } else {
                reply.assertProblem(401, "not-authenticated");
            }
        }
        assertNotNull(refused, "guessing tokens from one address is refused after a number of failures");
        refused.assertProblem(429, "too-many-attempts");
        int wait = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(wait >= 1, refused.header("Retry-After"));
        api.get("api/v1/devices", valid).assertProblem(429, "too-many-attempts");

        Thread.sleep(wait * 1000L + 200);
        assertEquals(200, api.get("api/v1/devices", valid).status(), "a valid token works again after the wait");
    }

    private String registerOther() {
        String other = Names.unique("other");
        SignUpForm.account(base, other);
        return other;
    }
}
