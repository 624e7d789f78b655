/**
 * {@code fleet}: how long one fleet call ({@code POST /api/v1/calls}) takes to read a resource of every online
 * device, with thousands of them online. The devices are light WebSocket sessions on one NIO thread that describe
 * one {@code temperature} output and answer each call at once, so that the figure is the server's: fanning the call
 * out, relaying the answers and streaming them back as NDJSON.
 */
package io.devicehub.bench.fleet;
