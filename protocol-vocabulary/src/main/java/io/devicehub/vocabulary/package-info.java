/**
 * The vocabulary of the device protocol shared by the server and the device SDK: {@link
 * io.devicehub.vocabulary.CloseCodes} and {@link io.devicehub.vocabulary.ResourceKind}. Each side used to keep its own
 * copy under different names for the same codes; one copy cannot drift.
 */
package io.devicehub.vocabulary;
