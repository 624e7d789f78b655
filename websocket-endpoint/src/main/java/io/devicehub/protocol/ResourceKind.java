package io.devicehub.protocol;

import java.util.Arrays;
import java.util.Optional;

/** What a device resource does: takes a value, produces one, both, or runs an action. */
public enum ResourceKind {
    INPUT("input", true, false),
    OUTPUT("output", false, true),
    INPUT_OUTPUT("input/output", true, true),
    RUN("run", false, false);

    private final String wireName;
    private final boolean takesInput;
    private final boolean producesOutput;

    ResourceKind(String wireName, boolean takesInput, boolean producesOutput) {
        this.wireName = wireName;
        this.takesInput = takesInput;
        this.producesOutput = producesOutput;
    }

    /** The kind as written in the protocol, e.g. {@code input/output}. */
    public String wireName() {
        return wireName;
    }

    /** "an input", "an output", "an input/output", "a run": for messages. */
    public String withArticle() {
        return (this == RUN ? "a " : "an ") + wireName;
    }

    public boolean takesInput() {
        return takesInput;
    }

    public boolean producesOutput() {
        return producesOutput;
    }

    public static Optional<ResourceKind> fromWire(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
