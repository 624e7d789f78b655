/**
 * The web console: backing beans for the Faces pages, one per page and named after it. Only these beans create
 * FacesMessages; the boundaries in the ejb module know nothing about Faces.
 */
package io.devicehub.console;
