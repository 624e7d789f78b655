package io.devicehub.client;

import io.devicehub.vocabulary.ResourceKind;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Something a device can be called for: a named value it takes, a value it produces, both, or an action. A resource
 * pairs the name and kind the server sees with the handler that answers calls, and optionally an example, a JSON
 * Schema and a description that the console shows.
 *
 * <p>Resources are immutable: {@link #example}, {@link #schema} and {@link #description} return a copy, so one
 * declaration can be shared. Handlers run on the client's executor, never on the network thread; they may block
 * briefly, or return a {@link CompletionStage} (the {@code …Async} factories) for longer work. A handler that throws,
 * or whose stage fails, answers the call with an error carrying the exception's message.
 */
public final class Resource {

    /** Produces the value of an {@link ResourceKind#OUTPUT output} resource; {@code null} is sent as JSON null. */
    @FunctionalInterface
    public interface OutputHandler {
        JsonValue produce() throws Exception;
    }

    /** Takes the value of an {@link ResourceKind#INPUT input} resource. */
    @FunctionalInterface
    public interface InputHandler {
        void accept(JsonValue input) throws Exception;
    }

    /** Takes a value and answers with one, for {@link ResourceKind#INPUT_OUTPUT input/output} resources. */
    @FunctionalInterface
    public interface InputOutputHandler {
        JsonValue apply(JsonValue input) throws Exception;
    }

    /** Performs the action of a {@link ResourceKind#RUN run} resource. */
    @FunctionalInterface
    public interface RunHandler {
        void run() throws Exception;
    }

    /** The one shape all handlers are adapted to; the output is ignored for kinds without one. */
    @FunctionalInterface
    interface Invocation {
        CompletionStage<? extends JsonValue> invoke(JsonValue input) throws Exception;
    }

    private final String name;
    private final ResourceKind kind;
    private final Invocation invocation;
    private final String description;
    private final Side input;
    private final Side output;

    /** The example and schema of one direction; both optional. */
    record Side(JsonValue example, JsonObject schema) {

        static final Side NONE = new Side(null, null);

        boolean isEmpty() {
            return example == null && schema == null;
        }
    }

    private Resource(String name, ResourceKind kind, Invocation invocation, String description, Side input,
                     Side output) {
        this.name = name;
        this.kind = kind;
        this.invocation = invocation;
        this.description = description;
        this.input = input;
        this.output = output;
    }

    private static Resource of(String name, ResourceKind kind, Object handler, Invocation invocation) {
        ProtocolRules.resource(name);
        Objects.requireNonNull(handler, () -> "the handler of resource '" + name + "' must not be null");
        return new Resource(name, kind, invocation, null, Side.NONE, Side.NONE);
    }

    /** An output resource whose value {@code handler} produces when called. */
    public static Resource output(String name, OutputHandler handler) {
        return of(name, ResourceKind.OUTPUT, handler, input -> CompletableFuture.completedFuture(handler.produce()));
    }

    /** An output resource whose value is ready when the stage that {@code handler} returns completes. */
    public static Resource outputAsync(String name,
                                       Supplier<? extends CompletionStage<? extends JsonValue>> handler) {
        return of(name, ResourceKind.OUTPUT, handler, input -> handler.get());
    }

    /** An input resource: {@code handler} takes the value of each call. */
    public static Resource input(String name, InputHandler handler) {
        return of(name, ResourceKind.INPUT, handler, input -> {
            handler.accept(input);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** An input resource whose call is answered when the stage that {@code handler} returns completes. */
    public static Resource inputAsync(String name, Function<? super JsonValue, ? extends CompletionStage<?>> handler) {
        return of(name, ResourceKind.INPUT, handler, input -> ignoringValue(handler.apply(input)));
    }

    /** An input/output resource: {@code handler} turns the value of each call into the answer. */
    public static Resource inputOutput(String name, InputOutputHandler handler) {
        return of(name, ResourceKind.INPUT_OUTPUT, handler,
                input -> CompletableFuture.completedFuture(handler.apply(input)));
    }

    /** An input/output resource answered with the value of the stage that {@code handler} returns. */
    public static Resource inputOutputAsync(
            String name, Function<? super JsonValue, ? extends CompletionStage<? extends JsonValue>> handler) {
        return of(name, ResourceKind.INPUT_OUTPUT, handler, handler::apply);
    }

    /** A run resource: {@code handler} performs the action. */
    public static Resource run(String name, RunHandler handler) {
        return of(name, ResourceKind.RUN, handler, input -> {
            handler.run();
            return CompletableFuture.completedFuture(null);
        });
    }

    /** A run resource whose call is answered when the stage that {@code handler} returns completes. */
    public static Resource runAsync(String name, Supplier<? extends CompletionStage<?>> handler) {
        return of(name, ResourceKind.RUN, handler, input -> ignoringValue(handler.get()));
    }

    private static CompletionStage<JsonValue> ignoringValue(CompletionStage<?> stage) {
        if (stage == null) {
            throw new IllegalStateException("the handler returned no CompletionStage");
        }
        return stage.thenApply(ignored -> null);
    }

    /**
     * A copy with an example value, which the console uses to seed its editor: the input's for input resources, the
     * output's for output resources, both for input/output resources.
     *
     * @throws IllegalStateException for a run resource, which has no values
     */
    public Resource example(JsonValue example) {
        Objects.requireNonNull(example, "example");
        requireValues("an example");
        return new Resource(name, kind, invocation, description,
                kind.takesInput() ? new Side(example, input.schema()) : input,
                kind.producesOutput() ? new Side(example, output.schema()) : output);
    }

    /**
     * A copy with a JSON Schema for the values, applied like {@link #example(JsonValue)}.
     *
     * @throws IllegalStateException for a run resource, which has no values
     */
    public Resource schema(JsonObject schema) {
        Objects.requireNonNull(schema, "schema");
        requireValues("a schema");
        return new Resource(name, kind, invocation, description,
                kind.takesInput() ? new Side(input.example(), schema) : input,
                kind.producesOutput() ? new Side(output.example(), schema) : output);
    }

    /**
     * A copy with a separate example for the input of an input/output resource, e.g. when it answers with
     * something other than it takes.
     *
     * @throws IllegalStateException unless this resource takes an input
     */
    public Resource inputExample(JsonValue example) {
        Objects.requireNonNull(example, "example");
        require(kind.takesInput(), "has no input");
        return new Resource(name, kind, invocation, description, new Side(example, input.schema()), output);
    }

    /**
     * A copy with a separate example for the output.
     *
     * @throws IllegalStateException unless this resource produces an output
     */
    public Resource outputExample(JsonValue example) {
        Objects.requireNonNull(example, "example");
        require(kind.producesOutput(), "has no output");
        return new Resource(name, kind, invocation, description, input, new Side(example, output.schema()));
    }

    /**
     * A copy with a separate JSON Schema for the input.
     *
     * @throws IllegalStateException unless this resource takes an input
     */
    public Resource inputSchema(JsonObject schema) {
        Objects.requireNonNull(schema, "schema");
        require(kind.takesInput(), "has no input");
        return new Resource(name, kind, invocation, description, new Side(input.example(), schema), output);
    }

    /**
     * A copy with a separate JSON Schema for the output.
     *
     * @throws IllegalStateException unless this resource produces an output
     */
    public Resource outputSchema(JsonObject schema) {
        Objects.requireNonNull(schema, "schema");
        require(kind.producesOutput(), "has no output");
        return new Resource(name, kind, invocation, description, input, new Side(output.example(), schema));
    }

    /**
     * A copy with a text the console shows next to the resource.
     *
     * @throws IllegalArgumentException for more than 255 characters
     */
    public Resource description(String description) {
        return new Resource(name, kind, invocation, ProtocolRules.description(description), input, output);
    }

    private void requireValues(String what) {
        require(kind != ResourceKind.RUN, "is a run resource: it takes and produces no values, so it has no " + what);
    }

    private void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException("resource '" + name + "' " + problem);
        }
    }

    /** The name calls address the resource by. */
    public String name() {
        return name;
    }

    /** What the resource does with values. */
    public ResourceKind kind() {
        return kind;
    }

    /** The text the console shows, if one was given. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    Side input() {
        return input;
    }

    Side output() {
        return output;
    }

    /** Starts the handler for a call; the caller makes sure this runs on an executor thread. */
    CompletionStage<? extends JsonValue> invoke(JsonValue callInput) throws Exception {
        CompletionStage<? extends JsonValue> stage = invocation.invoke(callInput);
        if (stage == null) {
            throw new IllegalStateException("the handler of resource '" + name + "' returned no CompletionStage");
        }
        return stage;
    }

    @Override
    public String toString() {
        return name + " (" + kind.wireName() + ")";
    }
}
