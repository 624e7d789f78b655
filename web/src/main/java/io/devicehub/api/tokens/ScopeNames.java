package io.devicehub.api.tokens;

import io.devicehub.api.json.JsonInput;
import io.devicehub.token.Scope;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code scopes} member of a request: an array of scope names such as {@code devices:read}. */
final class ScopeNames {

    private ScopeNames() {
    }

    /** @return the scopes, or {@code null} when the member is absent; unknown names are field errors */
    static Set<Scope> read(JsonInput input) {
        List<String> names = input.strings("scopes");
        if (names == null) {
            return null;
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (names.isEmpty()) {
            input.error("scopes", "must name at least one scope");
        }
        for (int i = 0; i < names.size(); i++) {
            Optional<Scope> scope = Scope.fromWire(names.get(i));
            if (scope.isPresent()) {
                scopes.add(scope.get());
            } else {
                input.error("scopes[" + i + "]", "is not a scope; use " + Scope.choices());
            }
        }
        return scopes;
    }

    static List<String> of(Set<Scope> scopes) {
        return EnumSet.allOf(Scope.class).stream().filter(scopes::contains).map(Scope::wireName).toList();
    }
}
