/**
 * MicroProfile Health checks: liveness says the application is running; readiness says it can serve
 * sessions (the database answers and a signing key is loaded). The server publishes them at {@code
 * /health/live} and {@code /health/ready}.
 */
package dev.baton.health;
