package io.devicehub.api.devices;

import io.devicehub.api.json.JsonBody;
import io.devicehub.api.json.MaxBodyBytes;
import io.devicehub.api.security.ApiCaller;
import io.devicehub.api.security.CurrentCaller;
import io.devicehub.api.security.RequiresScope;
import io.devicehub.api.security.TokenRestrictedException;
import io.devicehub.session.FleetCalls;
import io.devicehub.token.Scope;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.glassfish.jersey.server.ChunkedOutput;

import java.util.List;

/**
 * {@code POST /api/v1/calls}: one resource called on many devices in one request, the outcomes streamed as NDJSON
 * while the devices answer ({@link FleetCallStream}, {@link FleetCalls}), from a thread of its own: the request
 * thread returns at once, as for single calls. The request is checked whole first, so a
 * bad one calls no device and is answered with one problem, like any other request; once the stream has started
 * the status is 200 and each device's line says how its call went.
 */
@Path("v1/calls")
@RequestScoped
@Tag(name = "Resources")
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class FleetCallsResource {

    /** Room for {@value FleetCalls#MAX_DEVICES} identifiers of the longest kind and an input of 64 KiB. */
    static final int MAX_BODY_BYTES = 1_048_576;

    static final String NDJSON = "application/x-ndjson";

    @Inject
    FleetCalls fleet;

    @Inject
    CurrentCaller caller;

    /** A thread per fleet call (at most {@value FleetCalls#MAX_RUNNING}), so that none holds a request thread. */
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(NDJSON)
    @RequiresScope(Scope.RESOURCES_CALL)
    @Operation(summary = "Call a resource on many devices", description = "Calls one resource, with one input, on "
            + "up to 10,000 devices at once: named in devices, or selected by the device list's filters (filter.q: "
            + "text the identifier or description contains; filter.status: online, offline or any). One timeout "
            + "for all (default 10 s, at most 60 s). The answer is NDJSON, streamed as the devices answer: a line "
            + "per device, either the single call's result {device, resource, output, durationMs} or {device, "
            + "problem} with the problem a single call of that device would have answered (device-offline, "
            + "device-timeout, unknown-resource, invalid-input, token-restricted, …), then a summary line "
            + "{summary: {devices, answered, failed, problems, durationMs}}. The input member is the input for "
            + "input and input/output resources (any JSON, also null); leave it out for output and run resources. "
            + "A token limited to one device reaches only that device and cannot use filter. Needs resources:call.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "read the temperature of the online devices", value = "{\"resource\": "
                    + "\"temperature\", \"filter\": {\"q\": \"greenhouse\", \"status\": \"online\"}, "
                    + "\"timeout\": 2000}"),
            @ExampleObject(name = "switch the LED of three devices", value = "{\"resource\": \"led\", \"input\": "
                    + "true, \"devices\": [\"greenhouse-1\", \"greenhouse-2\", \"greenhouse-3\"]}")}))
    @APIResponse(responseCode = "200", description = "A line per device as it answers, then the summary",
            content = @Content(mediaType = NDJSON, examples = @ExampleObject(name = "ndjson", value = "{\"device\":"
                    + "\"greenhouse-2\",\"resource\":\"temperature\",\"output\":{\"celsius\":21.5},\"durationMs\":"
                    + "12}\n{\"device\":\"greenhouse-1\",\"problem\":{\"type\":\"urn:devicehub:problem:device-"
                    + "offline\",\"title\":\"The device is offline\",\"status\":503,\"detail\":\"Device "
                    + "greenhouse-1 is offline.\"}}\n{\"summary\":{\"devices\":2,\"answered\":1,\"failed\":1,"
                    + "\"problems\":{\"device-offline\":1},\"durationMs\":14}}")))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "413", description = "The body is larger than 1 MiB",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "16 fleet calls are running on the server, the most it runs at "
            + "once (server-busy, with Retry-After)", content = @Content(mediaType = "application/problem+json"))
    public Response call(@MaxBodyBytes(MAX_BODY_BYTES) JsonBody body) {
        ApiCaller me = caller.get();
        FleetCallRequest request = FleetCallRequest.parse(JsonBody.required(body).object());
        me.requireResourceAnywhere(request.resource());
        List<String> devices;
        if (request.devices() != null) {
            devices = request.devices();
        } else {
            if (me.token().device() != null) {
                throw new TokenRestrictedException("This token is limited to the device '" + me.token().device()
                        + "'; it cannot select devices with a filter. Name the device in devices.");
            }
            devices = fleet.matching(me.accountId(), request.q(), request.status());
        }
        FleetCalls.Permit permit = fleet.admit();
        ChunkedOutput<String> output = new ChunkedOutput<>(String.class);
        try {
            threads.newThread(new FleetCallStream(fleet, me.accountId(), request, devices, me::allowsDevice, permit,
                    output)).start();
        } catch (RuntimeException notStarted) {
            permit.close();
            throw notStarted;
        }
        return Response.ok(output, NDJSON).build();
    }
}
