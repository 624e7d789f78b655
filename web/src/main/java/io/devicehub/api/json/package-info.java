/**
 * Request bodies of the REST API: read with a size limit, parsed with JSON-P, and taken apart member by member so
 * that a wrong type, an unknown member or a malformed document is answered with the field it concerns.
 * Responses are records written by JSON-B.
 */
package io.devicehub.api.json;
