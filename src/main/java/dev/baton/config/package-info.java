/**
 * Configuration: one immutable {@link dev.baton.config.SessionConfig} read from MicroProfile Config
 * under the {@code session.} prefix and validated at start-up, and the {@link java.time.Clock} that
 * every time-dependent part reads.
 */
package dev.baton.config;
