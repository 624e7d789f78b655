/**
 * Who may use the console: form sign-in with Jakarta Security against the account store, and the HTTP headers that
 * keep the pages from being framed or sniffed.
 */
package io.devicehub.console.security;
