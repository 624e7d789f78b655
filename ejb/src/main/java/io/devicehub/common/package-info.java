/**
 * What every feature shares: the typed failures a user can cause, the field-level description of invalid input,
 * pages of results, and how instants are stored.
 */
package io.devicehub.common;
