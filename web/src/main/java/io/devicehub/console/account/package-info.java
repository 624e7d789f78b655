/** Signing up, signing in and out, and who is signed in. */
package io.devicehub.console.account;
