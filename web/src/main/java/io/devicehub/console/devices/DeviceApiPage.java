package io.devicehub.console.devices;

import io.devicehub.common.InvalidJsonException;
import io.devicehub.console.ConsolePush;
import io.devicehub.console.account.CurrentAccount;
import io.devicehub.protocol.ResourceDescription;
import io.devicehub.session.CallResult;
import io.devicehub.session.DeviceOverview;
import io.devicehub.session.DeviceView;
import io.devicehub.session.ResourceCalls;
import io.devicehub.vocabulary.ResourceKind;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Backs {@code devices/api.xhtml?id=…}: the resources the device described, grouped by kind, each with an input
 * editor seeded from the device's example, a Run button and the answer. A call never holds the request: Run starts
 * it and returns; when the device answers (or the call fails) Faces push tells the page to show the outcome.
 */
@Named
@ViewScoped
public class DeviceApiPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DeviceOverview overview;

    @Inject
    ResourceCalls calls;

    @Inject
    ConsolePush push;

    @Inject
    CurrentAccount account;

    private String identifier;
    private final Map<String, String> inputs = new ConcurrentHashMap<>();
    private final Map<String, CallOutcome> outcomes = new ConcurrentHashMap<>();

    public void load() throws IOException {
        DevicePages.refuseUnknown(overview, account.id(), identifier);
    }

    /** The resources of one kind, as the device described them in its current session. */
    public List<ResourceDescription> resources(String kind) {
        ResourceKind wanted = ResourceKind.valueOf(kind);
        return view().resources().stream().filter(resource -> resource.kind() == wanted).toList();
    }

    public List<String> getKinds() {
        return Arrays.stream(ResourceKind.values()).map(Enum::name)
                .filter(kind -> !resources(kind).isEmpty()).toList();
    }

    public boolean isOnline() {
        return view().online();
    }

    /** The text in a resource's input editor, first seeded from the device's example. */
    public Map<String, String> getInputs() {
        for (ResourceDescription resource : view().resources()) {
            if (resource.kind().takesInput()) {
                inputs.computeIfAbsent(resource.name(), name -> resource.inputExample() == null ? ""
                        : PrettyJson.format(resource.inputExample()));
            }
        }
        return inputs;
    }

    public CallOutcome outcome(String resource) {
        return outcomes.get(resource);
    }

    /** Starts a call of {@code resource} with the input typed for it; the outcome arrives through push. */
    public void run(String resource) {
        ResourceDescription described = view().session() == null ? null
                : view().session().resource(resource).orElse(null);
        JsonValue input = null;
        if (described != null && described.kind().takesInput()) {
            try {
                input = PrettyJson.parse(inputs.getOrDefault(resource, ""));
            } catch (InvalidJsonException notJson) {
                outcomes.put(resource, CallOutcome.failed("The input is not valid JSON: " + notJson.getMessage()));
                return;
            }
        }
        long accountId = account.id();
        outcomes.put(resource, CallOutcome.running());
        calls.call(accountId, identifier, resource, input, null).whenComplete((result, failure) -> {
            outcomes.put(resource, failure == null ? answered(result) : CallOutcome.failed(reason(failure)));
            push.callFinished(accountId, identifier, resource);
        });
    }

    /** A ready-to-copy curl command for the same call through the REST API. */
    public String curl(ResourceDescription resource) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String base = external.getRequestScheme() + "://" + external.getRequestServerName()
                + (isDefaultPort(external) ? "" : ":" + external.getRequestServerPort())
                + external.getRequestContextPath();
        String url = base + "/api/v1/devices/" + identifier + "/resources/" + resource.name();
        String auth = "curl -H \"Authorization: Bearer $DEVICEHUB_TOKEN\"";
        if (!resource.kind().takesInput()) {
            return auth + " " + url;
        }
        String body = inputs.getOrDefault(resource.name(), "").replaceAll("\\s*\\n\\s*", " ").strip();
        return auth + " -H \"Content-Type: application/json\" \\\n     -d '" + body.replace("'", "'\\''") + "' "
                + url;
    }

    private static boolean isDefaultPort(ExternalContext external) {
        int port = external.getRequestServerPort();
        return "http".equals(external.getRequestScheme()) && port == 80
                || "https".equals(external.getRequestScheme()) && port == 443;
    }

    private static CallOutcome answered(CallResult result) {
        return CallOutcome.answered(PrettyJson.format(result.output()), Math.max(1, result.duration().toMillis()));
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getMessage() == null ? "The call failed." : cause.getMessage();
    }

    /** The device and its live session, looked up once per request. */
    private DeviceView view() {
        return DevicePages.viewOf(overview, account.id(), identifier);
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }
}
