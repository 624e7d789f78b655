package io.devicehub.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.devicehub.client.TestJson.object;
import static io.devicehub.client.TestJson.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallDispatchTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            new DaemonThreads("call-dispatch-test"));

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private JsonObject answer(String call, Resource... resources) throws Exception {
        return answer(65_536, call, resources);
    }

    private JsonObject answer(int maxFrameBytes, String call, Resource... resources) throws Exception {
        Map<String, Resource> byName = new LinkedHashMap<>();
        for (Resource resource : resources) {
            byName.put(resource.name(), resource);
        }
        CallDispatch dispatch = new CallDispatch(byName, executor, maxFrameBytes);
        return object(dispatch.answer((Incoming.Call) Incoming.parse(call)).get(5, TimeUnit.SECONDS));
    }

    @Test
    void aCallToAnOutputResourceAnswersWithItsOutput() throws Exception {
        assertEquals(object("{\"type\":\"result\",\"id\":\"c1-1\",\"output\":{\"celsius\":21.7}}"),
                answer("{\"type\":\"call\",\"id\":\"c1-1\",\"resource\":\"temperature\"}",
                        Resource.output("temperature", () -> value("{\"celsius\":21.7}"))));
    }

    @Test
    void aCallToAnInputResourcePassesItsInputAndAnswersWithoutOutput() throws Exception {
        AtomicReference<JsonValue> led = new AtomicReference<>();

        assertEquals(object("{\"type\":\"result\",\"id\":\"c1-2\"}"),
                answer("{\"type\":\"call\",\"id\":\"c1-2\",\"resource\":\"led\",\"input\":true}",
                        Resource.input("led", led::set)));
        assertEquals(JsonValue.TRUE, led.get());
    }

    @Test
    void aCallToAnInputOutputResourceAnswersWithWhatTheHandlerMadeOfTheInput() throws Exception {
        assertEquals(object("{\"type\":\"result\",\"id\":\"c1-3\",\"output\":{\"any\":[\"json\",1,true]}}"),
                answer("{\"type\":\"call\",\"id\":\"c1-3\",\"resource\":\"echo\",\"input\":{\"any\":[\"json\",1,true]}}",
                        Resource.inputOutput("echo", input -> input)));
    }

    @Test
    void aCallToARunResourceRunsItAndAnswersWithoutOutput() throws Exception {
        AtomicReference<String> ran = new AtomicReference<>();

        assertEquals(object("{\"type\":\"result\",\"id\":\"c1-4\"}"),
                answer("{\"type\":\"call\",\"id\":\"c1-4\",\"resource\":\"reboot\"}",
                        Resource.run("reboot", () -> ran.set("yes"))));
        assertEquals("yes", ran.get());
    }

    @Test
    void anOutputHandlerThatReturnsNullAnswersWithJsonNull() throws Exception {
        assertEquals(object("{\"type\":\"result\",\"id\":\"c\",\"output\":null}"),
                answer("{\"type\":\"call\",\"id\":\"c\",\"resource\":\"t\"}", Resource.output("t", () -> null)));
    }

    @Test
    void anInputResourceCalledWithoutInputGetsJsonNull() throws Exception {
        AtomicReference<JsonValue> received = new AtomicReference<>();

        answer("{\"type\":\"call\",\"id\":\"c\",\"resource\":\"led\"}", Resource.input("led", received::set));
        assertEquals(JsonValue.NULL, received.get());
    }

    @Test
    void anAsynchronousHandlerIsAnsweredWhenItsStageCompletes() throws Exception {
        CompletableFuture<JsonValue> reading = new CompletableFuture<>();
        Resource slow = Resource.outputAsync("slow", () -> reading);
        CallDispatch dispatch = new CallDispatch(Map.of("slow", slow), executor, 65_536);

        CompletableFuture<String> answer = dispatch.answer(new Incoming.Call("c9", "slow", null));
        Thread.sleep(50);
        assertFalse(answer.isDone());
        reading.complete(value("42"));
        assertEquals(object("{\"type\":\"result\",\"id\":\"c9\",\"output\":42}"),
                object(answer.get(5, TimeUnit.SECONDS)));
    }

    @Test
    void anAsynchronousInputOrRunHandlerAnswersWithoutOutput() throws Exception {
        assertEquals(object("{\"type\":\"result\",\"id\":\"a\"}"),
                answer("{\"type\":\"call\",\"id\":\"a\",\"resource\":\"led\",\"input\":1}",
                        Resource.inputAsync("led", input -> CompletableFuture.completedFuture("ignored"))));
        assertEquals(object("{\"type\":\"result\",\"id\":\"b\"}"),
                answer("{\"type\":\"call\",\"id\":\"b\",\"resource\":\"go\"}",
                        Resource.runAsync("go", () -> CompletableFuture.completedFuture(null))));
        assertEquals(object("{\"type\":\"result\",\"id\":\"c\",\"output\":[1]}"),
                answer("{\"type\":\"call\",\"id\":\"c\",\"resource\":\"wrap\",\"input\":1}",
                        Resource.inputOutputAsync("wrap", input -> CompletableFuture.completedFuture(
                                TestJson.JSON.createArrayBuilder().add(input).build()))));
    }

    @Test
    void aHandlerThatThrowsIsAnsweredWithAnErrorCarryingItsMessage() throws Exception {
        assertEquals(object("{\"type\":\"error\",\"id\":\"c1-4\",\"message\":\"reboot is disabled while updating\"}"),
                answer("{\"type\":\"call\",\"id\":\"c1-4\",\"resource\":\"reboot\"}",
                        Resource.run("reboot", () -> {
                            throw new java.io.IOException("reboot is disabled while updating");
                        })));
    }

    @Test
    void aFailedStageIsAnsweredWithAnErrorCarryingTheCausesMessage() throws Exception {
        assertEquals(object("{\"type\":\"error\",\"id\":\"c2\",\"message\":\"sensor not ready\"}"),
                answer("{\"type\":\"call\",\"id\":\"c2\",\"resource\":\"t\"}",
                        Resource.outputAsync("t", () -> CompletableFuture.supplyAsync(() -> {
                            throw new IllegalStateException("sensor not ready");
                        }, executor))));
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsClass() throws Exception {
        assertEquals("UnsupportedOperationException",
                answer("{\"type\":\"call\",\"id\":\"c\",\"resource\":\"t\"}", Resource.output("t", () -> {
                    throw new UnsupportedOperationException();
                })).getString("message"));
    }

    @Test
    void anAsyncHandlerThatReturnsNoStageIsAnsweredWithAnError() throws Exception {
        assertEquals("error", answer("{\"type\":\"call\",\"id\":\"c\",\"resource\":\"t\"}",
                Resource.outputAsync("t", () -> null)).getString("type"));
    }

    @Test
    void aCallToAnUnknownResourceIsAnsweredWithAnError() throws Exception {
        assertEquals(object("{\"type\":\"error\",\"id\":\"c5\",\"message\":\"Unknown resource 'fan'.\"}"),
                answer("{\"type\":\"call\",\"id\":\"c5\",\"resource\":\"fan\"}", Resource.run("reboot", () -> { })));
    }

    @Test
    void handlersRunOnTheExecutorNeverOnTheThreadThatReadTheCall() throws Exception {
        AtomicReference<Thread> handlerThread = new AtomicReference<>();

        answer("{\"type\":\"call\",\"id\":\"c\",\"resource\":\"where\"}",
                Resource.run("where", () -> handlerThread.set(Thread.currentThread())));
        assertNotEquals(Thread.currentThread(), handlerThread.get());
        assertTrue(handlerThread.get().getName().startsWith("call-dispatch-test"));
    }

    @Test
    void anOutputTooLargeForOneMessageIsAnsweredWithAnErrorInstead() throws Exception {
        JsonObject answer = answer(1_000, "{\"type\":\"call\",\"id\":\"c\",\"resource\":\"big\"}",
                Resource.output("big", () -> TestJson.JSON.createValue("x".repeat(2_000))));
        assertEquals("error", answer.getString("type"));
        assertTrue(answer.getString("message").contains("too large"), answer.getString("message"));
    }

    @Test
    void aCallArrivingWhileTheDeviceShutsDownIsStillAnswered() throws Exception {
        executor.shutdown();
        assertEquals("error",
                answer("{\"type\":\"call\",\"id\":\"c\",\"resource\":\"r\"}", Resource.run("r", () -> { }))
                        .getString("type"));
    }
}
