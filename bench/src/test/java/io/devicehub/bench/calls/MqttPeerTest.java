package io.devicehub.bench.calls;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MQTT peer through the real broker the benchmark uses (Mosquitto on 127.0.0.1:1883, which {@code bin/provision}
 * installs and starts): every call answered with its own payload, many at once, over the responders round-robin;
 * and a responder that answers wrongly is counted as an error, not a success.
 */
class MqttPeerTest {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = 1883;

    @Test
    void everyRequestComesBackFromItsResponder() throws Exception {
        try (MqttPeer peer = MqttPeer.connect(HOST, PORT, 4)) {
            List<CompletableFuture<String>> calls = new ArrayList<>();
            for (long sequence = 0; sequence < 500; sequence++) {
                calls.add(peer.call(sequence));
            }
            for (CompletableFuture<String> call : calls) {
                assertNull(call.get(20, TimeUnit.SECONDS));
            }
            LoadResult loop = new ClosedLoop(peer, 16).run(Duration.ofSeconds(1));
            assertEquals(0, loop.toJson().getInt("errors"), loop.toJson().toString());
            assertTrue(loop.toJson().getJsonNumber("succeeded").longValue() > 100, loop.toJson().toString());
        }
    }

    @Test
    void anAnswerThatIsNotTheRequestIsAnError() throws Exception {
        try (MqttPeer peer = MqttPeer.connect(HOST, PORT, 1)) {
            // A second subscriber on the responder's topic answers first, with another payload.
            Mqtt5AsyncClient liar = MqttClient.builder().useMqttVersion5().identifier("bench-liar-" + System.nanoTime())
                    .serverHost(HOST).serverPort(PORT).buildAsync();
            liar.connect().get(10, TimeUnit.SECONDS);
            liar.subscribeWith().topicFilter(peer.requestTopic(0)).qos(MqttQos.AT_MOST_ONCE)
                    .callback(request -> liar.publishWith().topic(request.getResponseTopic().orElseThrow())
                            .correlationData(request.getCorrelationData().orElse(null))
                            .payload("{\"n\":-1}".getBytes(StandardCharsets.UTF_8)).send())
                    .send().get(10, TimeUnit.SECONDS);
            try {
                List<String> outcomes = new ArrayList<>();
                for (long sequence = 0; sequence < 20; sequence++) {
                    outcomes.add(peer.call(sequence).get(20, TimeUnit.SECONDS));
                }
                assertTrue(outcomes.contains("wrong answer"), outcomes.toString());
            } finally {
                liar.disconnect().get(10, TimeUnit.SECONDS);
            }
        }
    }
}
