/**
 * Errors of the REST API as RFC 9457 problem details ({@code application/problem+json}): the catalogue of problem
 * types with their stable {@code type} URIs and statuses, the one place that maps every exception to a problem, and
 * the exception mapper that writes it.
 */
package io.devicehub.api.problem;
