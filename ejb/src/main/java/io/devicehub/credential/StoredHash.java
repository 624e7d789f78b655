package io.devicehub.credential;

import java.util.Base64;

/**
 * The parameters recorded in a stored PBKDF2 hash, {@code <algorithm>:<iterations>:<base64 salt>:<base64 hash>}.
 */
record StoredHash(String algorithm, int iterations, int saltBytes) {

    static StoredHash parse(String stored) {
        String[] parts = stored.split(":");
        if (parts.length != 4) {
            return new StoredHash("unknown", 0, 0);
        }
        try {
            return new StoredHash(parts[0], Integer.parseInt(parts[1]), Base64.getDecoder().decode(parts[2]).length);
        } catch (IllegalArgumentException malformed) {
            return new StoredHash("unknown", 0, 0);
        }
    }

    boolean isWeakerThan(String wantedAlgorithm, int wantedIterations, int wantedSaltBytes) {
        return !algorithm.equals(wantedAlgorithm) || iterations < wantedIterations || saltBytes < wantedSaltBytes;
    }
}
