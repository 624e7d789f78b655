package io.devicehub.api.devices;

import io.devicehub.api.json.JsonBody;
import io.devicehub.api.security.ApiCaller;
import io.devicehub.api.security.CurrentCaller;
import io.devicehub.api.security.RequiresScope;
import io.devicehub.common.InvalidInputException;
import io.devicehub.device.Device;
import io.devicehub.device.DeviceConnections;
import io.devicehub.device.DeviceNotFoundException;
import io.devicehub.device.DeviceRegistration;
import io.devicehub.device.Devices;
import io.devicehub.session.DeviceOverview;
import io.devicehub.token.Scope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/devices}: the account's devices. Each method checks the token's device limit first, so that a
 * token limited to one device learns nothing about the others; then the boundaries do the work.
 */
@Path("v1/devices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices", description = "The account's devices")
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class DevicesResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    Devices devices;

    @Inject
    DeviceOverview overview;

    @Inject
    DeviceConnections connections;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @RequiresScope(Scope.DEVICES_READ)
    @Operation(summary = "List devices", description = "One page of the account's devices, each with its live "
            + "statistics when online. Needs devices:read and a token not limited to one device.")
    @APIResponse(responseCode = "200", description = "A page of devices",
            content = @Content(schema = @Schema(implementation = DevicePageJson.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    public DevicePageJson list(
            @Parameter(description = "Position of the first device, from 0.", example = "0",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @QueryParam("offset") String offset,
            @Parameter(description = "Page size, 1 to 500 (default 20).", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
            @QueryParam("limit") String limit,
            @Parameter(description = "identifier, description or created; '-' first for descending "
                    + "(default -created).", example = "identifier") @QueryParam("sort") String sort,
            @Parameter(description = "Text the identifier or description contains, ignoring case.",
                    example = "greenhouse") @QueryParam("q") String q,
            @Parameter(description = "online, offline or any (default).", example = "online")
            @QueryParam("status") String status) {
        ApiCaller me = caller.get();
        me.requireAllDevices();
        DeviceListQuery query = DeviceListQuery.parse(offset, limit, sort, q, status);
        return DevicePageJson.of(overview.list(me.accountId(), query.query(), query.presence()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.DEVICES_WRITE)
    @Operation(summary = "Register a device", description = "With its credential, or generate: true for a strong "
            + "generated one that the answer shows once. Needs devices:write.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewDevice"), examples = {
            @ExampleObject(name = "own credential", value = "{\"identifier\": \"greenhouse-1\", \"description\": "
                    + "\"Greenhouse climate sensor\", \"credential\": \"k3Qm9TzX2fLw8RbV5nYc1HdP\"}"),
            @ExampleObject(name = "generated credential", value = "{\"identifier\": \"greenhouse-2\", "
                    + "\"generate\": true}")}))
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            content = @Content(schema = @Schema(implementation = DeviceJson.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "409", description = "You already have a device with this identifier",
            content = @Content(mediaType = "application/problem+json"))
    public Response register(JsonBody body) {
        ApiCaller me = caller.get();
        me.requireAllDevices();
        NewDevice request = NewDevice.from(JsonBody.required(body).object());
        String credential = request.credentials().resolve();
        Device device = devices.register(me.accountId(),
                new DeviceRegistration(request.identifier(), request.description(), credential));
        return Response.created(uri.getAbsolutePathBuilder().path(device.getIdentifier()).build())
                .entity(DeviceJson.of(device, null).withCredential(request.generate() ? credential : null))
                .build();
    }

    @GET
    @Path("{id}")
    @RequiresScope(Scope.DEVICES_READ)
    @Operation(summary = "Read a device", description = "With its live session's figures when it is online and "
            + "the summary of its last connection. Needs devices:read.")
    @APIResponse(responseCode = "200", description = "The device",
            content = @Content(schema = @Schema(implementation = DeviceJson.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DeviceJson get(@Parameter(description = "The device identifier.", example = "greenhouse-1")
                          @PathParam("id") String id) {
        ApiCaller me = caller.get();
        me.requireDevice(id);
        return DeviceJson.of(overview.find(me.accountId(), id).orElseThrow(() -> new DeviceNotFoundException(id)));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @RequiresScope(Scope.DEVICES_WRITE)
    @Operation(summary = "Change, enable or disable a device", description = "A JSON merge patch: description and/or "
            + "enabled. Disabling disconnects the device and keeps it out. Needs devices:write.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(name = "DeviceChanges", type = SchemaType.OBJECT,
            description = "What to change; members left out stay as they are.", properties = {
                    @SchemaProperty(name = "description", type = SchemaType.STRING, nullable = true,
                            description = "New description; null or \"\" removes it.",
                            example = "Moved to the north greenhouse"),
                    @SchemaProperty(name = "enabled", type = SchemaType.BOOLEAN, description = "false disables the "
                            + "device (it is disconnected and cannot connect); true enables it.")}),
            examples = @ExampleObject(name = "disable", value = "{\"enabled\": false}")))
    @APIResponse(responseCode = "200", description = "The changed device",
            content = @Content(schema = @Schema(implementation = DeviceJson.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DeviceJson update(@PathParam("id") String id, JsonBody body) {
        ApiCaller me = caller.get();
        me.requireDevice(id);
        DeviceChanges changes = DeviceChanges.from(JsonBody.required(body).object());
        devices.change(me.accountId(), id, changes.changesDescription(), changes.description(), changes.enabled());
        return get(id);
    }

    @DELETE
    @Path("{id}")
    @RequiresScope(Scope.DEVICES_WRITE)
    @Operation(summary = "Delete a device", description = "It is disconnected at once. Needs devices:write.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@PathParam("id") String id) {
        ApiCaller me = caller.get();
        me.requireDevice(id);
        devices.delete(me.accountId(), id);
    }

    @POST
    @Path("{id}/credential")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.DEVICES_WRITE)
    @Operation(summary = "Rotate a device's credential", description = "The old credential stops working and the "
            + "device's session is closed (4410). Needs devices:write.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewCredential"),
            examples = @ExampleObject(name = "generated", value = "{\"generate\": true}")))
    @APIResponse(responseCode = "200", description = "Rotated; a generated credential is shown this once",
            content = @Content(schema = @Schema(implementation = CredentialJson.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CredentialJson rotate(@PathParam("id") String id, JsonBody body) {
        ApiCaller me = caller.get();
        me.requireDevice(id);
        NewCredential request = NewCredential.from(JsonBody.required(body).object());
        devices.get(me.accountId(), id);
        String credential = request.credentials().resolve();
        Device device = devices.rotateCredential(me.accountId(), id, credential);
        return CredentialJson.of(device, request.generate() ? credential : null);
    }

    @GET
    @Path("{id}/connections")
    @RequiresScope(Scope.DEVICES_READ)
    @Operation(summary = "A device's connection history", description = "Its most recent connects and disconnects "
            + "(at most 50), newest first. Needs devices:read.")
    @APIResponse(responseCode = "200", description = "The history",
            content = @Content(schema = @Schema(implementation = ConnectionHistoryJson.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ConnectionHistoryJson history(@PathParam("id") String id,
                                         @Parameter(description = "How many events, 1 to 50 (default 50).",
                                                 schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                                         maximum = "50"))
                                         @QueryParam("limit") String limit) {
        ApiCaller me = caller.get();
        me.requireDevice(id);
        return ConnectionHistoryJson.of(id, connections.history(me.accountId(), id, historyLimit(limit)));
    }

    private static int historyLimit(String text) {
        if (text == null || text.isBlank()) {
            return DeviceConnections.HISTORY_SIZE;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= DeviceConnections.HISTORY_SIZE) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new InvalidInputException("limit", "must be a whole number from 1 to " + DeviceConnections.HISTORY_SIZE);
    }
}
