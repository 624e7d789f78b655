package io.devicehub.device;

import io.devicehub.common.AlreadyRegisteredException;
import io.devicehub.common.InputValidator;
import io.devicehub.common.InvalidInputException;
import io.devicehub.common.Page;
import io.devicehub.common.UniqueKey;
import io.devicehub.credential.CredentialHashing;
import io.devicehub.credential.ServerKey;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one entry to the device registry, and its transaction edge. Every operation is scoped to the calling account:
 * a device of another account is "not found", never "forbidden", so that its existence is not revealed.
 * <p>
 * Changes are announced as events (past tense, e.g. {@link DeviceDeleted}); observers that act on them observe
 * {@code during = TransactionPhase.AFTER_SUCCESS}, so that nothing reacts to a change that was rolled back.
 */
@Stateless
public class Devices {

    /** Identifiers per {@code IN} list when asking which exist. */
    private static final int EXISTING_CHUNK = 1_000;

    private static final String DUPLICATE = "You already have a device with this identifier.";

    @PersistenceContext
    EntityManager em;

    @Inject
    InputValidator inputs;

    @Inject
    CredentialHashing hashing;

    @Inject
    ServerKey serverKey;

    @Inject
    Event<Object> events;

    /**
     * Registers a device for the account.
     *
     * @throws InvalidInputException      when a field breaks its rules
     * @throws AlreadyRegisteredException when the account already has a device with this identifier
     */
    public Device register(long accountId, DeviceRegistration registration) {
        inputs.validate(registration);
        if (find(accountId, registration.identifier()).isPresent()) {
            throw new AlreadyRegisteredException("identifier", DUPLICATE);
        }
        Device device = new Device(accountId, registration.identifier(), registration.description(),
                hashing.hash(registration.credential()), Instant.now());
        try {
            em.persist(device);
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueKey.violated(e, "uk_device_account_identifier")) {
                throw new AlreadyRegisteredException("identifier", DUPLICATE);
            }
            throw e;
        }
        device.rememberCredentialMac(serverKey.mac(device.macContext(), registration.credential()));
        events.fire(new DeviceRegistered(accountId, device.getIdentifier()));
        return device;
    }

    /** Whether the account has a device with this identifier (for checking as the user types). */
    public boolean exists(long accountId, String identifier) {
        return find(accountId, identifier).isPresent();
    }

    public Optional<Device> find(long accountId, String identifier) {
        if (identifier == null || !identifier.matches(DeviceIdentifier.PATTERN)) {
            return Optional.empty();
        }
        return em.createNamedQuery(Device.BY_IDENTIFIER, Device.class)
                .setParameter("accountId", accountId)
                .setParameter("identifier", identifier)
                .getResultStream().findFirst();
    }

    /** @throws DeviceNotFoundException when the account has no such device */
    public Device get(long accountId, String identifier) {
        return find(accountId, identifier).orElseThrow(() -> new DeviceNotFoundException(identifier));
    }

    /** One page of the account's devices, filtered and sorted as asked; ties are broken by registration order. */
    public Page<Device> list(long accountId, DeviceQuery query) {
        inputs.validate(query);
        if (query.identifiers() != null && query.identifiers().excludesAll()) {
            return new Page<>(List.of(), 0, query.offset(), query.limit());
        }
        Filter filter = new Filter(accountId, query.text(), query.identifiers());
        String direction = query.ascending() ? " ASC" : " DESC";
        List<Device> items = filter.apply(em.createQuery("SELECT d" + filter.jpql
                        + " ORDER BY d." + query.sort().attribute + direction + ", d.id" + direction, Device.class))
                .setFirstResult(query.offset())
                .setMaxResults(query.limit())
                .getResultList();
        return new Page<>(items, count(accountId, query.text(), query.identifiers()), query.offset(), query.limit());
    }

    /** How many of the account's devices contain {@code text} in their identifier or description (all when blank). */
    public long count(long accountId, String text) {
        return count(accountId, text, null);
    }

    /** The same, restricted by {@code identifiers} ({@code null}: no restriction). */
    public long count(long accountId, String text, IdentifierFilter identifiers) {
        if (identifiers != null && identifiers.excludesAll()) {
            return 0;
        }
        Filter filter = new Filter(accountId, text, identifiers);
        return filter.apply(em.createQuery("SELECT COUNT(d)" + filter.jpql, Long.class)).getSingleResult();
    }

    /**
     * The identifiers of the account's devices whose identifier or description contains {@code text} (ignoring
     * case; {@code null} for all) and that {@code identifiers} lets pass ({@code null}: all), in identifier order, at
     * most {@code max}: the devices a fleet call's filter selects.
     */
    public List<String> identifiers(long accountId, String text, IdentifierFilter identifiers, int max) {
        if (identifiers != null && identifiers.excludesAll()) {
            return List.of();
        }
        Filter filter = new Filter(accountId, text, identifiers);
        return filter.apply(em.createQuery("SELECT d.identifier" + filter.jpql + " ORDER BY d.identifier",
                        String.class))
                .setMaxResults(max)
                .getResultList();
    }

    /** Which of {@code identifiers} the account has, asked in chunks that any database takes in one statement. */
    public Set<String> existing(long accountId, Collection<String> identifiers) {
        List<String> valid = identifiers.stream().filter(id -> id != null && id.matches(DeviceIdentifier.PATTERN))
                .distinct().toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < valid.size(); from += EXISTING_CHUNK) {
            found.addAll(em.createQuery("SELECT d.identifier FROM Device d WHERE d.accountId = :accountId"
                            + " AND d.identifier IN :ids", String.class)
                    .setParameter("accountId", accountId)
                    .setParameter("ids", valid.subList(from, Math.min(valid.size(), from + EXISTING_CHUNK)))
                    .getResultList());
        }
        return found;
    }

    /** @throws DeviceNotFoundException when the account has no such device */
    public Device describe(long accountId, String identifier, String description) {
        inputs.validateValue(DeviceRegistration.class, "description", description);
        Device device = get(accountId, identifier);
        device.describe(description);
        events.fire(new DeviceUpdated(accountId, identifier));
        return device;
    }

    /**
     * Changes what a request asks of a device in one transaction: its description (when {@code changesDescription};
     * {@code null} removes it) and whether it is enabled (unless {@code enabled} is {@code null}). Everything is
     * checked before anything changes, and a failure changes nothing; the live session is closed only once a
     * disabling is committed.
     *
     * @throws DeviceNotFoundException when the account has no such device
     * @throws InvalidInputException   on the field {@code description} when it is too long
     */
    public Device change(long accountId, String identifier, boolean changesDescription, String description,
                         Boolean enabled) {
        if (changesDescription) {
            inputs.validateValue(DeviceRegistration.class, "description", description);
        }
        Device device = get(accountId, identifier);
        if (changesDescription) {
            describe(accountId, identifier, description);
        }
        if (enabled != null) {
            setEnabled(accountId, identifier, enabled);
        }
        return device;
    }

    /** Enables or disables a device; a disabled device cannot connect and its live session is closed. */
    public Device setEnabled(long accountId, String identifier, boolean enabled) {
        Device device = get(accountId, identifier);
        if (device.isEnabled() != enabled) {
            device.enable(enabled);
            events.fire(enabled ? new DeviceEnabled(accountId, identifier) : new DeviceDisabled(accountId, identifier));
        }
        return device;
    }

    /** Replaces a device's credential; sessions opened with the old one are closed. */
    public Device rotateCredential(long accountId, String identifier, String credential) {
        inputs.validateValue(DeviceRegistration.class, "credential", credential);
        Device device = get(accountId, identifier);
        device.changeCredential(hashing.hash(credential), Instant.now());
        device.rememberCredentialMac(serverKey.mac(device.macContext(), credential));
        events.fire(new CredentialRotated(accountId, identifier));
        return device;
    }

    /** Deletes a device; a live session is closed. */
    public void delete(long accountId, String identifier) {
        em.remove(get(accountId, identifier));
        events.fire(new DeviceDeleted(accountId, identifier));
    }

    /** The account, text and identifier conditions shared by {@link #list} and {@link #count}. */
    private static final class Filter {

        final String jpql;
        private final long accountId;
        private final String pattern;
        private final IdentifierFilter identifiers;

        Filter(long accountId, String text, IdentifierFilter identifiers) {
            this.accountId = accountId;
            boolean filtered = text != null && !text.isBlank();
            this.pattern = filtered ? "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%" : null;
            this.identifiers = identifiers == null || identifiers.excludesNone() ? null : identifiers;
            this.jpql = " FROM Device d WHERE d.accountId = :accountId"
                    + (filtered ? " AND (LOWER(d.identifier) LIKE :text ESCAPE '!'"
                    + " OR LOWER(d.description) LIKE :text ESCAPE '!')" : "")
                    + (this.identifiers == null ? ""
                    : this.identifiers.include() ? " AND d.identifier IN :ids" : " AND d.identifier NOT IN :ids");
        }

        <T> TypedQuery<T> apply(TypedQuery<T> query) {
            query.setParameter("accountId", accountId);
            if (identifiers != null) {
                query.setParameter("ids", identifiers.identifiers());
            }
            return pattern == null ? query : query.setParameter("text", pattern);
        }

        private static String escapeLike(String text) {
            return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        }
    }
}
