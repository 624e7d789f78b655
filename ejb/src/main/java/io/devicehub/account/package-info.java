/**
 * Accounts: the people who sign in to the console and own devices. Sign-up, look-up and password checks with
 * throttling and transparent re-hashing when the hashing cost is raised.
 */
package io.devicehub.account;
