package io.devicehub.console.buckets;

import io.devicehub.bucket.Bucket;
import io.devicehub.bucket.BucketSettings;
import io.devicehub.bucket.BucketSource;
import io.devicehub.bucket.Buckets;
import io.devicehub.bucket.RetentionPeriod;
import io.devicehub.bucket.RetentionUnit;
import io.devicehub.common.AlreadyRegisteredException;
import io.devicehub.common.FieldError;
import io.devicehub.common.InvalidInputException;
import io.devicehub.console.Messages;
import io.devicehub.console.account.CurrentAccount;
import io.devicehub.device.DeviceQuery;
import io.devicehub.device.DeviceSort;
import io.devicehub.device.Devices;
import io.devicehub.sampling.SampledResourceCheck;
import io.devicehub.session.LiveSessions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backs {@code buckets/edit.xhtml}: creates a bucket, or with {@code ?id=} changes one (all but its identifier). The
 * source picker offers the account's devices as they are typed and, for a sampled resource, the resources with an
 * output that the chosen device declared — known while it is online; of an offline device the name is typed.
 */
@Named
@ViewScoped
public class BucketFormPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "bucket";

    /** Where the registry's field names are shown on this form. */
    private static final Map<String, String> FIELDS = Map.of(
            "source.device", "device",
            "source.resource", "resource",
            "source.intervalSeconds", "seconds",
            "source.devices", "writers",
            "retention", "retentionAmount");

    @Inject
    Buckets buckets;

    @Inject
    Devices devices;

    @Inject
    LiveSessions sessions;

    @Inject
    SampledResourceCheck sourceCheck;

    @Inject
    CurrentAccount account;

    /** The bucket being changed; {@code null} while creating one. */
    private String editing;

    private String identifier;
    private String name;
    private String description;
    private boolean enabled = true;
    private BucketSource source = BucketSource.DEVICES;
    private String device;
    private String resource;
    private Integer seconds = 60;
    private List<String> writers = new ArrayList<>();
    private int retentionAmount;
    private RetentionUnit retentionUnit = RetentionUnit.DAYS;

    /** With {@code ?id=}: fills the form from that bucket, or answers 404 when the account has none such. */
    public void load() throws IOException {
        if (editing == null) {
            return;
        }
        Optional<Bucket> found = buckets.find(account.id(), editing);
        if (found.isEmpty()) {
            BucketPages.notFound();
            return;
        }
        BucketSettings settings = found.get().settings();
        identifier = settings.identifier();
        name = settings.name();
        description = settings.description();
        enabled = settings.enabled();
        source = settings.source();
        device = settings.sampleDevice();
        resource = settings.sampleResource();
        seconds = settings.sampleSeconds() == null ? 60 : settings.sampleSeconds();
        writers = new ArrayList<>(settings.writers().stream().sorted().toList());
        retentionAmount = settings.retention().amount();
        retentionUnit = settings.retention().unit();
    }

    /** The account's devices whose identifier contains what was typed, first by identifier. */
    public List<String> completeDevice(String typed) {
        String text = typed == null || typed.isBlank() ? null : typed.strip();
        return devices.list(account.id(), new DeviceQuery(text, 0, 20, DeviceSort.IDENTIFIER, true)).items()
                .stream().map(found -> found.getIdentifier()).toList();
    }

    /** The chosen device's resources that can be sampled; empty while it is offline or has not described itself. */
    public List<String> getResources() {
        if (device == null || device.isBlank()) {
            return List.of();
        }
        return sessions.find(account.id(), device.strip()).map(SampledResourceCheck::sampleable).orElse(List.of());
    }

    /** Whether the chosen device is online now (so that its resources are known). */
    public boolean isDeviceOnline() {
        return device != null && !device.isBlank() && sessions.find(account.id(), device.strip()).isPresent();
    }

    /** A device was picked: its first output resource is proposed when none is chosen yet. */
    public void deviceChosen() {
        List<String> offered = getResources();
        if ((resource == null || !offered.contains(resource)) && !offered.isEmpty()) {
            resource = offered.get(0);
        }
    }

    public String save() {
        BucketSettings settings = new BucketSettings(editing == null ? strip(identifier) : editing, strip(name),
                strip(description), enabled, source,
                source == BucketSource.RESOURCE ? strip(device) : null,
                source == BucketSource.RESOURCE ? strip(resource) : null,
                source == BucketSource.RESOURCE ? seconds : null,
                source == BucketSource.DEVICES ? new LinkedHashSet<>(writers) : null,
                new RetentionPeriod(retentionAmount, retentionUnit));
        try {
            if (editing == null) {
                buckets.create(account.id(), settings, sourceCheck);
                Messages.infoAfterRedirect("Bucket " + settings.identifier() + " created.");
            } else {
                buckets.change(account.id(), editing, before -> settings, sourceCheck);
                Messages.infoAfterRedirect("Bucket " + editing + " saved.");
            }
        } catch (InvalidInputException invalid) {
            for (FieldError error : invalid.errors()) {
                Messages.fieldError(FORM, FIELDS.getOrDefault(error.field(), error.field()), error.message());
            }
            return null;
        } catch (AlreadyRegisteredException taken) {
            Messages.fieldError(FORM, "identifier", taken.getMessage());
            return null;
        }
        return "/buckets/bucket?faces-redirect=true&id=" + settings.identifier();
    }

    public boolean isCreating() {
        return editing == null;
    }

    public BucketSource[] getSources() {
        return BucketSource.values();
    }

    public RetentionUnit[] getRetentionUnits() {
        return RetentionUnit.values();
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String getEditing() {
        return editing;
    }

    public void setEditing(String editing) {
        this.editing = editing;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public BucketSource getSource() {
        return source;
    }

    public void setSource(BucketSource source) {
        this.source = source;
    }

    public String getDevice() {
        return device;
    }

    public void setDevice(String device) {
        this.device = device;
    }

    public String getResource() {
        return resource;
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    public Integer getSeconds() {
        return seconds;
    }

    public void setSeconds(Integer seconds) {
        this.seconds = seconds;
    }

    public List<String> getWriters() {
        return writers;
    }

    public void setWriters(List<String> writers) {
        this.writers = writers == null ? new ArrayList<>() : new ArrayList<>(writers);
    }

    public int getRetentionAmount() {
        return retentionAmount;
    }

    public void setRetentionAmount(int retentionAmount) {
        this.retentionAmount = retentionAmount;
    }

    public RetentionUnit getRetentionUnit() {
        return retentionUnit;
    }

    public void setRetentionUnit(RetentionUnit retentionUnit) {
        this.retentionUnit = retentionUnit;
    }
}
