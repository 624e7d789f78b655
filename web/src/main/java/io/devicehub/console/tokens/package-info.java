/** The API Tokens section: create account API tokens (shown once), list them, revoke them. */
package io.devicehub.console.tokens;
