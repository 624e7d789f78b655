package io.devicehub.token;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a token allows. Each is named on the wire as {@code area:action}, e.g. {@code devices:read}. */
public enum Scope {
    DEVICES_READ("devices:read", "List and read devices, their live statistics, connection history and resources"),
    DEVICES_WRITE("devices:write", "Register, change, enable or disable, re-key and delete devices"),
    RESOURCES_CALL("resources:call", "Call device resources and read their descriptions"),
    BUCKETS_READ("buckets:read", "Read data buckets"),
    BUCKETS_WRITE("buckets:write", "Write to data buckets");

    private final String wireName;
    private final String description;

    Scope(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    /** The scope as written in requests, responses and the database, e.g. {@code devices:read}. */
    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    /** For pages that list the scopes (EL reads properties). */
    public String getWireName() {
        return wireName;
    }

    public String getDescription() {
        return description;
    }

    public static Optional<Scope> fromWire(String name) {
        return Arrays.stream(values()).filter(scope -> scope.wireName.equals(name)).findFirst();
    }

    /** Every scope's wire name, in declaration order, for messages that list the choices. */
    public static String choices() {
        return Arrays.stream(values()).map(Scope::wireName).collect(Collectors.joining(", "));
    }

    /** The stored form: wire names separated by spaces (as OAuth writes scopes), in declaration order. */
    static String join(Collection<Scope> scopes) {
        return Arrays.stream(values()).filter(scopes::contains).map(Scope::wireName).collect(Collectors.joining(" "));
    }

    /** Reads the stored form; names this version does not know are dropped, so they grant nothing. */
    static Set<Scope> split(String stored) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (stored != null) {
            for (String name : stored.split(" ")) {
                fromWire(name).ifPresent(scopes::add);
            }
        }
        return scopes;
    }
}
