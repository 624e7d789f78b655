package io.devicehub.client;

import jakarta.json.JsonValue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Turns a {@code call} into its answer: runs the resource's handler on the executor (the network thread must stay
 * free to read the next message) and writes a {@code result}, or an {@code error} with the failure's message.
 */
final class CallDispatch {

    /** Enough for any useful message, and keeps an answer far below the frame limit. */
    static final int MAX_ERROR_CHARS = 1_000;

    private final Map<String, Resource> resources;
    private final Executor executor;
    private final int maxFrameBytes;

    CallDispatch(Map<String, Resource> resources, Executor executor, int maxFrameBytes) {
        this.resources = resources;
        this.executor = executor;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** The answer to send, once the handler is done; never completes exceptionally. */
    CompletableFuture<String> answer(Incoming.Call call) {
        Resource resource = call.resource() == null ? null : resources.get(call.resource());
        if (resource == null) {
            return CompletableFuture.completedFuture(Messages.callError(call.id(),
                    call.resource() == null ? "The call names no resource." :
                            "Unknown resource '" + call.resource() + "'."));
        }
        CompletableFuture<String> answer = new CompletableFuture<>();
        try {
            executor.execute(() -> invoke(resource, call, answer));
        } catch (RejectedExecutionException e) {
            answer.complete(Messages.callError(call.id(), "The device is shutting down."));
        }
        return answer;
    }

    private void invoke(Resource resource, Incoming.Call call, CompletableFuture<String> answer) {
        JsonValue input = resource.kind().takesInput() && call.input() != null ? call.input() : JsonValue.NULL;
        CompletionStage<? extends JsonValue> stage;
        try {
            stage = resource.invoke(input);
        } catch (Throwable t) {
            // Answer even for an Error, or the caller waits for the timeout; then let a fatal one go on.
            answer.complete(Messages.callError(call.id(), message(t)));
            if (t instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return;
        }
        stage.whenComplete((output, error) -> answer.complete(error == null
                ? result(resource, call.id(), output)
                : Messages.callError(call.id(), message(error))));
    }

    private String result(Resource resource, String id, JsonValue output) {
        if (!resource.kind().producesOutput()) {
            return Messages.result(id, null);
        }
        String result = Messages.result(id, output == null ? JsonValue.NULL : output);
        int bytes = Messages.utf8Length(result);
        if (bytes > maxFrameBytes) {
            return Messages.callError(id, "The output of '" + resource.name() + "' is too large: " + bytes
                    + " bytes, and a message holds at most " + maxFrameBytes + ".");
        }
        return result;
    }

    /** The message an answer carries: the exception's own, unwrapped from the stage machinery. */
    static String message(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause.getMessage();
        if (text == null || text.isBlank()) {
            text = cause.getClass().getSimpleName();
        }
        return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) + "…" : text;
    }
}
