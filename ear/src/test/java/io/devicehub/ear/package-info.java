/** Proves that the EAR deploys on a full Payara Server and serves a working console. */
package io.devicehub.ear;
