package io.devicehub.token;

/** An API or access token was revoked (fired inside the transaction; observers act after it commits). */
public record TokenRevoked(long accountId, long tokenId) {
}
