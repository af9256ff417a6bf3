/**
 * MicroProfile Metrics an operator graphs: sessions created, refreshes, theft detections, 401s by
 * reason and refresh latency, all under the {@code baton_} prefix. They observe Baton's CDI events,
 * so the engine knows nothing of them; without a metrics implementation they record nothing.
 */
package dev.baton.metrics;
