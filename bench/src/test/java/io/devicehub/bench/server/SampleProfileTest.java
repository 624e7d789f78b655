package io.devicehub.bench.server;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SampleProfileTest {

    @Test
    void samplesAreCountedBySelfFrameFirstDeviceHubFrameLayerAndPool() {
        SampleProfile profile = new SampleProfile();
        profile.add("http-thread-pool::http-listener(3)", List.of("java.util.zip.ZipFile$Source.getEntryPos",
                "jakarta.json.spi.JsonProvider.provider", "jakarta.json.Json.createReader",
                "io.devicehub.protocol.InboundCodec.parse", "org.glassfish.tyrus.core.TyrusEndpointWrapper.onMessage"));
        profile.add("http-thread-pool::http-listener(7)", List.of("org.h2.command.Command.executeQuery",
                "org.eclipse.persistence.queries.ReadQuery.execute", "io.devicehub.device.DeviceAuthentication.quickCheck"));
        profile.add("G1 Conc#0", List.of());
        profile.add("http-thread-pool::http-listener(1)", List.of("sun.security.provider.SHA2.implCompress0",
                "javax.crypto.Mac.doFinal", "io.devicehub.device.DeviceAuthentication.quickCheck"));

        JsonObject json = profile.toJson(3);

        assertEquals(4, json.getInt("samples"));
        JsonObject layers = json.getJsonObject("layersInclusive");
        assertEquals(0.5, layers.getJsonNumber("credential checks (DeviceAuthentication, credential.*)").doubleValue());
        assertEquals(0.25, layers.getJsonNumber("JSON (JSON-P, JSON-B)").doubleValue());
        assertEquals(0.25, layers.getJsonNumber("H2").doubleValue());
        assertEquals(0.25, layers.getJsonNumber("JSON-P provider look-up (Json.create* -> JsonProvider.provider)")
                .doubleValue());
        assertEquals(0.25, layers.getJsonNumber("WebSocket (Tyrus, without its servlet filter)").doubleValue());
        JsonObject pool = json.getJsonArray("threadPools").getJsonObject(0);
        assertEquals("http-thread-pool::http-listener(#)", pool.getString("name"));
        assertEquals(0.75, pool.getJsonNumber("share").doubleValue());
        JsonObject own = json.getJsonArray("underDeviceHubMethod").getJsonObject(0);
        assertEquals("io.devicehub.device.DeviceAuthentication.quickCheck", own.getString("name"));
        assertEquals(0.5, own.getJsonNumber("share").doubleValue());
    }
}
