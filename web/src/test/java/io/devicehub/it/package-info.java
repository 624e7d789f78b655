/**
 * Integration tests against the real built WAR on a real Payara Micro (Arquillian managed container), the real
 * database (H2, or MySQL/MariaDB in the "it-mysql" run) and a real headless Chromium.
 */
package io.devicehub.it;
