package io.devicehub.api.tokens;

import io.devicehub.api.json.JsonInput;
import io.devicehub.token.Scope;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.util.List;
import java.util.Set;

/** The body of {@code POST /api/v1/auth/token}. */
@Schema(name = "SignIn", requiredProperties = {"username", "password"}, properties = {
        @SchemaProperty(name = "username", example = "alice"),
        @SchemaProperty(name = "password", example = "correct horse battery staple"),
        @SchemaProperty(name = "scopes", description = "Narrow the token to these scopes; all when left out.",
                example = "[\"devices:read\", \"resources:call\"]")})
public record SignInRequest(String username, String password, List<String> scopes) {

    @Override
    public String toString() {
        return "SignInRequest[username=" + username + ", password=<hidden>]";
    }

    /** The parsed request, with scopes as values; the password is never kept beyond the request. */
    record Parsed(String username, String password, Set<Scope> scopes) {

        @Override
        public String toString() {
            return "Parsed[username=" + username + ", password=<hidden>]";
        }
    }

    static Parsed from(JsonObject json) {
        JsonInput input = JsonInput.of(json, "username", "password", "scopes");
        String username = input.string("username");
        String password = input.string("password");
        Set<Scope> scopes = ScopeNames.read(input);
        if (username == null || username.isBlank()) {
            input.error("username", "is required");
        }
        if (password == null || password.isEmpty()) {
            input.error("password", "is required");
        }
        input.check();
        return new Parsed(username, password, scopes);
    }
}
