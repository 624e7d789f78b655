package io.devicehub.api.devices;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Proxy;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which requests the lean call path takes on, and which it leaves to JAX-RS, which answers them as before. */
class DirectCallsTest {

    @Test
    void aPlainCallIsTakenWithItsFirstTimeout() {
        assertEquals(new DirectCalls.Target(false, "greenhouse-1", "temperature", null),
                DirectCalls.target(request("GET", "/api/v1/devices/greenhouse-1/resources/temperature", null,
                        Map.of())));
        assertEquals(new DirectCalls.Target(true, "d", "$fs", "PT2S"),
                DirectCalls.target(request("POST", "/hub/api/v1/devices/d/resources/$fs", "x=1&timeout=PT2S&timeout=9",
                        Map.of("Content-Type", "application/json; charset=UTF-8", "Accept", "*/*"))));
        assertEquals("", DirectCalls.target(request("GET", "/api/v1/devices/d/resources/r", "timeout", Map.of()))
                .timeout());
    }

    @ParameterizedTest(name = "{0} {1} ?{2} Accept: {3} Content-Type: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "HEAD | /api/v1/devices/d/resources/r | - | - | -",
            "PUT | /api/v1/devices/d/resources/r | - | - | -",
            "GET | /api/v1/devices/d/resources | - | - | -",
            "GET | /api/v1/devices/d/resources/ | - | - | -",
            "GET | /api/v1/devices/d/resources/r/x | - | - | -",
            "GET | /api/v1/devices//resources/r | - | - | -",
            "GET | /api/v1/devices/d%2Fe/resources/r | - | - | -",
            "GET | /api/v1/devices/d/resources/r;v=1 | - | - | -",
            "GET | /api/v1/devices/d/resources/r | timeout=1%30 | - | -",
            "GET | /api/v1/devices/d/resources/r | timeout=+1 | - | -",
            "GET | /api/v1/devices/d/resources/r | - | text/html | -",
            "GET | /api/v1/devices/d/resources/r | - | 'application/json, text/html' | -",
            "GET | /api/v1/devices/d/resources/r | - | application/json;q=0 | -",
            "POST | /api/v1/devices/d/resources/r | - | - | -",
            "POST | /api/v1/devices/d/resources/r | - | - | text/plain",
            "POST | /api/v1/devices/d/resources/r | - | - | application/merge-patch+json",
            "GET | /api/v1/devicesx/d/resources/r | - | - | -"})
    void anythingElseIsLeftToJaxRs(String method, String uri, String query, String accept, String contentType) {
        Map<String, String> headers = new java.util.HashMap<>();
        if (accept != null) {
            headers.put("Accept", accept);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        assertNull(DirectCalls.target(request(method, uri, query, headers)));
    }

    private static HttpServletRequest request(String method, String uri, String query, Map<String, String> headers) {
        String context = uri.startsWith("/hub/") ? "/hub" : "";
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, called, arguments) -> switch (called.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> context;
                    case "getQueryString" -> query;
                    case "getContentType" -> headers.get("Content-Type");
                    case "getHeader" -> headers.get((String) arguments[0]);
                    default -> throw new UnsupportedOperationException(called.getName());
                });
    }
}
