/**
 * A command-line simulator of one or many devices on the DeviceHub SDK, for trying the console, demonstrating the
 * protocol and putting load on a server: {@code java -jar devicehub-simulator.jar --help}.
 */
package io.devicehub.client.simulator;
