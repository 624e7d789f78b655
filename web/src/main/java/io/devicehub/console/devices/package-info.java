/** The Devices section: the list of the account's devices and the form that adds one. */
package io.devicehub.console.devices;
