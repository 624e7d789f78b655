package io.devicehub.api.devices;

import io.devicehub.api.json.JsonBody;
import io.devicehub.api.security.ApiCaller;
import io.devicehub.api.security.CurrentCaller;
import io.devicehub.api.security.RequiresScope;
import io.devicehub.session.CallTimeout;
import io.devicehub.session.CallTimeoutException;
import io.devicehub.session.InputMismatchException;
import io.devicehub.session.LiveSession;
import io.devicehub.session.ResourceCalls;
import io.devicehub.token.Scope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code /api/v1/devices/{id}/resources}: what a connected device declared, and calls of it. A call suspends the
 * request and returns its thread at once; the answer is written when the device answers, fails, or the timeout
 * passes ({@link ResourceCalls}), so calls in flight never hold HTTP threads.
 */
@Path("v1/devices/{id}/resources")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Resources", description = "What connected devices declare, and calls of it")
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "503", description = "The device is offline (device-offline) or has too many calls "
        + "waiting (device-busy)", content = @Content(mediaType = "application/problem+json"))
public class DeviceResourcesResource {

    /** How long past the longest call the request may stay suspended, should a call never end. */
    private static final Duration SAFETY_MARGIN = Duration.ofSeconds(5);

    @Inject
    ResourceCalls calls;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @RequiresScope({Scope.DEVICES_READ, Scope.RESOURCES_CALL})
    @Operation(summary = "What the device declared", description = "The resources the connected device described, "
            + "with their kinds, examples and schemas. Known only while it is online. Needs devices:read or "
            + "resources:call; a token limited to some resources sees only those.")
    @APIResponse(responseCode = "200", description = "The resources",
            content = @Content(schema = @Schema(implementation = DeviceResourcesJson.class)))
    public DeviceResourcesJson describe(@Parameter(description = "The device identifier.", example = "greenhouse-1")
                                        @PathParam("id") String id) {
        ApiCaller me = caller.get();
        me.requireDevice(id);
        LiveSession session = calls.online(me.accountId(), id);
        return new DeviceResourcesJson(id, session.resources().stream()
                .filter(resource -> me.allowsResource(resource.name()))
                .map(resource -> ResourceJson.of(uri.getBaseUri().getPath(), id, resource))
                .toList());
    }

    @GET
    @Path("{name}")
    @RequiresScope(Scope.RESOURCES_CALL)
    @Operation(summary = "Call an output or run resource", description = "Reads an output (e.g. a temperature) or "
            + "runs an action; answers when the device does. Needs resources:call.")
    @APIResponse(responseCode = "200", description = "The device's answer",
            content = @Content(schema = @Schema(implementation = CallResultJson.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "405", description = "An input or input/output resource: POST its input",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "502", description = "The device answered with an error (device-error), or with an "
            + "answer the protocol does not allow (invalid-answer)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "504", description = "The device did not answer in time (device-timeout)",
            content = @Content(mediaType = "application/problem+json"))
    public void read(@PathParam("id") String id,
                     @Parameter(description = "The resource name.", example = "temperature")
                     @PathParam("name") String name,
                     @Parameter(description = "How long to wait for the device: milliseconds or an ISO-8601 "
                             + "duration, at most 60 s (default 10 s).", example = "2500")
                     @QueryParam("timeout") String timeout,
                     @Suspended AsyncResponse response) {
        call(id, name, null, timeout, response);
    }

    @POST
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.RESOURCES_CALL)
    @Operation(summary = "Call an input or input/output resource", description = "Sends the body, any JSON value, "
            + "as the resource's input; answers when the device does. Needs resources:call.")
    @RequestBody(required = true, description = "The input: any JSON value.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AnyJson"),
            examples = {@ExampleObject(name = "switch a LED", value = "true"),
                    @ExampleObject(name = "an object", value = "{\"red\": 255, \"green\": 128, \"blue\": 0}")}))
    @APIResponse(responseCode = "200", description = "The device's answer",
            content = @Content(schema = @Schema(implementation = CallResultJson.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "405", description = "An output or run resource: call it with GET",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "413", description = "The body is larger than 64 KiB",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "502", description = "The device answered with an error (device-error), or with an "
            + "answer the protocol does not allow (invalid-answer)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "504", description = "The device did not answer in time (device-timeout)",
            content = @Content(mediaType = "application/problem+json"))
    public void write(@PathParam("id") String id, @PathParam("name") String name,
                      @QueryParam("timeout") String timeout, JsonBody body, @Suspended AsyncResponse response) {
        call(id, name, JsonBody.required(body).value(), timeout, response);
    }

    /** HEAD would otherwise run GET, and so call the device; a call is never a side effect of looking. */
    @HEAD
    @Path("{name}")
    @Operation(hidden = true)
    public void head() {
        throw new NotAllowedException("Calls are GET or POST; HEAD would call the device.", "GET",
                new String[]{"POST"});
    }

    private void call(String id, String name, JsonValue input, String timeout, AsyncResponse response) {
        ApiCaller me = caller.get();
        me.requireResource(id, name);
        Duration wait = CallTimeout.parse(timeout);
        response.setTimeout(CallTimeout.MAX.plus(SAFETY_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        response.setTimeoutHandler(late -> late.resume(new CallTimeoutException("The call of '" + name
                + "' did not end in time.")));
        calls.call(me.accountId(), id, name, input, wait).whenComplete((result, failure) -> {
            // Two calls, not one with a conditional: its type would be Object, and resume(Object) would write the
            // failure as an entity instead of mapping it to a problem.
            if (failure != null) {
                response.resume(failure instanceof InputMismatchException mismatch
                        ? new KindNeedsOtherMethodException(mismatch.resource()) : failure);
            } else {
                response.resume(CallResultJson.of(id, name, result));
            }
        });
    }
}
