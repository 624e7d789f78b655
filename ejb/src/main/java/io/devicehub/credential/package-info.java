/**
 * Secrets that prove who someone is: account passwords and device credentials. Both are stored only as
 * PBKDF2-HMAC-SHA256 hashes with their own 32-byte random salt, the algorithm and iteration count kept beside the
 * hash so that the cost can be raised later. Failed checks are throttled here too.
 */
package io.devicehub.credential;
