package io.devicehub.sampling;

import io.devicehub.bucket.BucketSettings;
import io.devicehub.bucket.BucketSource;
import io.devicehub.bucket.SourceCheck;
import io.devicehub.common.FieldError;
import io.devicehub.protocol.ResourceDescription;
import io.devicehub.session.LiveSession;
import io.devicehub.session.LiveSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * Whether a bucket may sample the resource it names, as far as the server can know: a device that is online and
 * has described itself must have declared that resource, with an output ({@code output} or {@code input/output}).
 * Of a device that is offline nothing is known; its bucket is accepted, and a wrong resource shows as failed samples
 * with their reason.
 */
@ApplicationScoped
public class SampledResourceCheck implements SourceCheck {

    @Inject
    LiveSessions sessions;

    @Override
    public List<FieldError> errors(long accountId, BucketSettings settings) {
        if (settings.source() != BucketSource.RESOURCE || settings.sampleDevice() == null
                || settings.sampleResource() == null) {
            return List.of();
        }
        Optional<LiveSession> session = sessions.find(accountId, settings.sampleDevice());
        if (session.isEmpty() || session.get().resources().isEmpty()) {
            return List.of();
        }
        Optional<ResourceDescription> resource = session.get().resource(settings.sampleResource());
        if (resource.isEmpty()) {
            List<String> outputs = sampleable(session.get());
            return List.of(new FieldError("source.resource", "is not a resource of " + settings.sampleDevice()
                    + (outputs.isEmpty() ? ", which has none with an output" : "; its resources with an output are "
                    + String.join(", ", outputs))));
        }
        if (!resource.get().kind().producesOutput()) {
            return List.of(new FieldError("source.resource", "is " + resource.get().kind().withArticle()
                    + " resource; only output and input/output resources give something to sample"));
        }
        return List.of();
    }

    /** The names of the resources of the device's session that can be sampled, in the order it declared them. */
    public static List<String> sampleable(LiveSession session) {
        return session.resources().stream().filter(resource -> resource.kind().producesOutput())
                .map(ResourceDescription::name).toList();
    }
}
