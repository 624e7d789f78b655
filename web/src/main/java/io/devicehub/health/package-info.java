/** MicroProfile Health checks: what {@code /health} reports to load balancers and orchestrators. */
package io.devicehub.health;
