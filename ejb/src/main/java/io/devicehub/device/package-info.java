/**
 * The device registry: each account's devices with their identifier, description and hashed credentials, and the
 * events that tell other parts of DeviceHub (live sessions, the console) what changed.
 */
package io.devicehub.device;
