package io.devicehub.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a resource does with values, as named on the wire. The kind decides whether a call carries an input and
 * whether its answer carries an output.
 */
public enum ResourceKind {

    /** The device takes a value, e.g. a LED. */
    INPUT("input", true, false),
    /** The device produces a value, e.g. a temperature. */
    OUTPUT("output", false, true),
    /** The device takes a value and answers with one. */
    INPUT_OUTPUT("input/output", true, true),
    /** An action without values. */
    RUN("run", false, false);

    private final String wireName;
    private final boolean takesInput;
    private final boolean producesOutput;

    ResourceKind(String wireName, boolean takesInput, boolean producesOutput) {
        this.wireName = wireName;
        this.takesInput = takesInput;
        this.producesOutput = producesOutput;
    }

    /** The {@code kind} member of a {@code describe} message. */
    public String wireName() {
        return wireName;
    }

    /** Whether calls to such a resource carry an {@code input}. */
    public boolean takesInput() {
        return takesInput;
    }

    /** Whether answers from such a resource carry an {@code output}. */
    public boolean producesOutput() {
        return producesOutput;
    }

    /** "an input", "an output", "an input/output", "a run": for messages. */
    public String withArticle() {
        return (this == RUN ? "a " : "an ") + wireName;
    }

    /** The kind a {@code describe} message names, if it names one. */
    public static Optional<ResourceKind> fromWire(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
