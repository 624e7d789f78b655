/**
 * {@code list}: the console's devices list as a signed-in person loads it, {@code GET /devices/index.xhtml}, timed
 * one request after another. Signing in goes through the real login form: the page's Faces view state, then the
 * form post, as a browser would.
 */
package io.devicehub.bench.console;
