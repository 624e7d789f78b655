package io.devicehub.bench.calls;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The peer of the relayed call: MQTT 5 request/response through a broker (Mosquitto on this machine kind), the way a
 * user would build device RPC without DeviceHub. Each responder — the stand-in for a device — subscribes to its own
 * request topic and answers every request on the request's response topic with its correlation data and the request's
 * payload, as the echo devices do. One requester publishes {@code {"n": seq}} to the responders round-robin, with its
 * response topic and the sequence as correlation data, and a call succeeds when the same payload comes back. QoS 0,
 * like the WebSocket's one delivery attempt; the HiveMQ client (Netty) for both sides, in the load generator.
 */
final class MqttPeer implements CallTarget, AutoCloseable {

    private static final long TIMEOUT_SECONDS = 15;

    private final Mqtt5AsyncClient requester;
    private final List<Mqtt5AsyncClient> responders = new ArrayList<>();
    private final String[] requestTopics;
    private final String responseTopic;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(byte[] payload, CompletableFuture<String> answer) {
    }

    private MqttPeer(String host, int port, int responderCount) {
        String run = Long.toString(System.nanoTime(), 36);
        requestTopics = new String[responderCount];
        for (int i = 0; i < responderCount; i++) {
            requestTopics[i] = "devicehub-bench/" + run + "/request/" + i;
            responders.add(client(host, port, "bench-responder-" + run + "-" + i));
        }
        responseTopic = "devicehub-bench/" + run + "/response";
        requester = client(host, port, "bench-requester-" + run);
    }

    /** Connects the responders and the requester and subscribes them; fails if the broker does not answer. */
    static MqttPeer connect(String host, int port, int responderCount) throws Exception {
        MqttPeer peer = new MqttPeer(host, port, responderCount);
        try {
            peer.start();
        } catch (Exception failed) {
            peer.close();
            throw failed;
        }
        return peer;
    }

    private static Mqtt5AsyncClient client(String host, int port, String identifier) {
        return MqttClient.builder().useMqttVersion5().identifier(identifier).serverHost(host).serverPort(port)
                .buildAsync();
    }

    private void start() throws Exception {
        List<CompletableFuture<?>> ready = new ArrayList<>();
        for (int i = 0; i < responders.size(); i++) {
            Mqtt5AsyncClient responder = responders.get(i);
            String topic = requestTopics[i];
            ready.add(responder.connectWith().cleanStart(true).send()
                    .thenCompose(connected -> responder.subscribeWith().topicFilter(topic).qos(MqttQos.AT_MOST_ONCE)
                            .callback(request -> answer(responder, request)).send()));
        }
        ready.add(requester.connectWith().cleanStart(true).send()
                .thenCompose(connected -> requester.subscribeWith().topicFilter(responseTopic)
                        .qos(MqttQos.AT_MOST_ONCE).callback(this::received).send()));
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    /** A responder's part: the request's payload back to its response topic, with its correlation data. */
    private static void answer(Mqtt5AsyncClient responder, Mqtt5Publish request) {
        if (request.getResponseTopic().isEmpty()) {
            return;
        }
        responder.publishWith().topic(request.getResponseTopic().get()).qos(MqttQos.AT_MOST_ONCE)
                .correlationData(request.getCorrelationData().orElse(null))
                .payload(request.getPayloadAsBytes()).send();
    }

    @Override
    public CompletableFuture<String> call(long sequence) {
        byte[] payload = ("{\"n\":" + sequence + "}").getBytes(StandardCharsets.UTF_8);
        CompletableFuture<String> answer = new CompletableFuture<>();
        pending.put(sequence, new Pending(payload, answer));
        requester.publishWith().topic(requestTopics[(int) (sequence % requestTopics.length)])
                .qos(MqttQos.AT_MOST_ONCE).responseTopic(responseTopic)
                .correlationData(ByteBuffer.allocate(Long.BYTES).putLong(0, sequence))
                .payload(payload).send()
                .whenComplete((sent, failure) -> {
                    if (failure != null && pending.remove(sequence) != null) {
                        answer.complete("publish: " + failure.getClass().getSimpleName());
                    }
                });
        return answer.completeOnTimeout("TimeoutException", TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((failure, impossible) -> pending.remove(sequence));
    }

    private void received(Mqtt5Publish response) {
        ByteBuffer correlation = response.getCorrelationData().orElse(null);
        if (correlation == null || correlation.remaining() != Long.BYTES) {
            return;
        }
        Pending call = pending.remove(correlation.getLong(correlation.position()));
        if (call != null) {
            call.answer().complete(Arrays.equals(call.payload(), response.getPayloadAsBytes()) ? null
                    : "wrong answer");
        }
    }

    /** The request topic of responder {@code index}. */
    String requestTopic(int index) {
        return requestTopics[index];
    }

    int responders() {
        return responders.size();
    }

    @Override
    public void close() {
        List<CompletableFuture<?>> closing = new ArrayList<>();
        for (Mqtt5AsyncClient responder : responders) {
            closing.add(responder.disconnect().exceptionally(notConnected -> null));
        }
        closing.add(requester.disconnect().exceptionally(notConnected -> null));
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException ignored) {
            // the broker went away: nothing left to close
        }
    }
}
