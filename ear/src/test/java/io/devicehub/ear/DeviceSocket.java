package io.devicehub.ear;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A device on the JDK's WebSocket client: authenticates, then waits to see how the server ends the session. */
final class DeviceSocket implements AutoCloseable {

    private final CompletableFuture<String> firstAnswer = new CompletableFuture<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    DeviceSocket(URI endpoint) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(endpoint, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    firstAnswer.complete(text.toString());
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                firstAnswer.complete("closed " + statusCode + " " + reason);
                closeCode.complete(statusCode);
                return null;
            }
        }).join();
    }

    /** Sends {@code auth} and returns the server's answer. */
    String authenticate(String auth) {
        socket.sendText(auth, true).join();
        return firstAnswer.orTimeout(15, TimeUnit.SECONDS).join();
    }

    /** The close code the server ended the session with, or -1 when it is still open after 15 s. */
    int closeCode() {
        return closeCode.completeOnTimeout(-1, 15, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
