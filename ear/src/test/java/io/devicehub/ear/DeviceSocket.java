package io.devicehub.ear;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A device's first exchange over the JDK's WebSocket client: send {@code auth}, read the answer. */
final class DeviceSocket {

    private DeviceSocket() {
    }

    static String authenticate(URI endpoint, String auth) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(endpoint, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            answer.complete(text.toString());
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        answer.complete("closed " + statusCode + " " + reason);
                        return null;
                    }
                }).join();
        try {
            socket.sendText(auth, true).join();
            return answer.orTimeout(15, TimeUnit.SECONDS).join();
        } finally {
            socket.abort();
        }
    }
}
