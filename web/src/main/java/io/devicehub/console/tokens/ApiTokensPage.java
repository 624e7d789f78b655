package io.devicehub.console.tokens;

import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import io.devicehub.console.Messages;
import io.devicehub.console.account.CurrentAccount;
import io.devicehub.device.Device;
import io.devicehub.device.DeviceQuery;
import io.devicehub.device.DeviceSort;
import io.devicehub.device.Devices;
import io.devicehub.token.ApiToken;
import io.devicehub.token.ApiTokens;
import io.devicehub.token.IssuedToken;
import io.devicehub.token.NewApiToken;
import io.devicehub.token.Scope;
import io.devicehub.token.TokenNotFoundException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Backs {@code tokens/index.xhtml}: creates API tokens, lists and revokes them.
 * <p>
 * Request-scoped on purpose, like {@code AddDevicePage}: a new token's secret lives only in the request that created
 * it, and is rendered once in that request's answer. It is never kept in the session or the view, so reloading the
 * page, going back or opening it again cannot show it; DeviceHub keeps only its hash.
 */
@Named
@RequestScoped
public class ApiTokensPage {

    static final String FORM = "create";

    /** The expiry choices, in days; 0 means never. */
    private static final Map<String, Integer> EXPIRIES = expiries();

    @Inject
    ApiTokens tokens;

    @Inject
    Devices devices;

    @Inject
    CurrentAccount account;

    private String name;
    private List<String> scopes = new ArrayList<>(List.of(Scope.DEVICES_READ.wireName()));
    private String expiry = "30";
    private String device;
    private List<String> resources = new ArrayList<>();

    private IssuedToken created;
    private List<ApiToken> list;

    public void create() {
        try {
            created = tokens.create(account.id(), new NewApiToken(name, scopeValues(), expiresAt(),
                    device == null || device.isBlank() ? null : device.strip(), new LinkedHashSet<>(resources)));
        } catch (InvalidInputException invalid) {
            for (FieldError error : invalid.errors()) {
                Messages.fieldError(FORM, "expiresAt".equals(error.field()) ? "expiry" : error.field(),
                        error.message());
            }
            return;
        }
        list = null;
        Messages.info("API token " + created.token().getName() + " created. Copy it now: it will not be shown "
                + "again.");
        name = null;
        device = null;
        resources = new ArrayList<>();
    }

    public void revoke(long id) {
        try {
            ApiToken revoked = tokens.revoke(account.id(), id);
            Messages.info("API token " + revoked.getName() + " revoked. Programs using it are refused from now on.");
        } catch (TokenNotFoundException gone) {
            Messages.error(gone.getMessage());
        }
        list = null;
    }

    /** Identifiers of the account's devices that contain what was typed, for the device field. */
    public List<String> completeDevice(String typed) {
        String text = typed == null ? null : typed.strip();
        if (text != null && text.length() > 100) {
            return List.of();
        }
        return devices.list(account.id(), new DeviceQuery(text, 0, 10, DeviceSort.IDENTIFIER, true)).items().stream()
                .map(Device::getIdentifier)
                .toList();
    }

    public List<ApiToken> getTokens() {
        if (list == null) {
            list = tokens.list(account.id());
        }
        return list;
    }

    /** The secret of the token just created, or {@code null}: only in the answer to the request that made it. */
    public String getSecret() {
        return created == null ? null : created.secret();
    }

    public String getCreatedName() {
        return created == null ? null : created.token().getName();
    }

    public Scope[] getScopeChoices() {
        return Scope.values();
    }

    public Map<String, String> getExpiryChoices() {
        Map<String, String> labels = new LinkedHashMap<>();
        EXPIRIES.forEach((key, days) -> labels.put(days == 0 ? "Never" : days + " days", key));
        return labels;
    }

    /** A token's scopes as their wire names, for the list. */
    public String scopesOf(ApiToken token) {
        return String.join(", ", token.getScopes().stream().map(Scope::wireName).toList());
    }

    /** A token's device limit for the list, e.g. "greenhouse-1: temperature, led", or "All devices". */
    public String limitOf(ApiToken token) {
        if (token.getDevice() == null) {
            return "All devices";
        }
        return token.getResources().isEmpty() ? token.getDevice()
                : token.getDevice() + ": " + String.join(", ", token.getResources().stream().sorted().toList());
    }

    /** "Active", "Expired" or "Revoked". */
    public String statusOf(ApiToken token) {
        String status = token.getStatus().name();
        return status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The colour of a token's status: green while it works, amber once expired, red once revoked. */
    public String severityOf(ApiToken token) {
        return switch (token.getStatus()) {
            case ACTIVE -> "success";
            case EXPIRED -> "warning";
            case REVOKED -> "danger";
        };
    }

    private Set<Scope> scopeValues() {
        Set<Scope> values = new LinkedHashSet<>();
        for (String wire : scopes) {
            Scope.fromWire(wire).ifPresent(values::add);
        }
        return values;
    }

    private Instant expiresAt() {
        int days = Optional.ofNullable(EXPIRIES.get(expiry)).orElse(30);
        return days == 0 ? null : Instant.now().plus(Duration.ofDays(days));
    }

    private static Map<String, Integer> expiries() {
        Map<String, Integer> choices = new LinkedHashMap<>();
        for (int days : new int[]{7, 30, 90, 365}) {
            choices.put(Integer.toString(days), days);
        }
        choices.put("never", 0);
        return choices;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes == null ? new ArrayList<>() : scopes;
    }

    public String getExpiry() {
        return expiry;
    }

    public void setExpiry(String expiry) {
        this.expiry = expiry;
    }

    public String getDevice() {
        return device;
    }

    public void setDevice(String device) {
        this.device = device;
    }

    public List<String> getResources() {
        return resources;
    }

    public void setResources(List<String> resources) {
        this.resources = resources == null ? new ArrayList<>() : resources;
    }
}
