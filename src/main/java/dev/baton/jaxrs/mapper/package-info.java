/**
 * One {@link jakarta.ws.rs.ext.ExceptionMapper} per exception: every error Baton answers is JSON,
 * client mistakes are 4xx, server faults are 5xx with a correlation id in the log, and no stack
 * trace or token ever reaches a response.
 */
package dev.baton.jaxrs.mapper;
