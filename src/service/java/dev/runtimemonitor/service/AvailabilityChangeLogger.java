package dev.runtimemonitor.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.context.ApplicationListener;

/**
 * One log line each time Spring's liveness or readiness state changes: at start-up, and
 * when a shutdown begins and readiness turns to {@code REFUSING_TRAFFIC} before the web
 * server drains. Operators read from it when the pod stopped taking traffic.
 */
final class AvailabilityChangeLogger implements ApplicationListener<AvailabilityChangeEvent<?>> {

	private static final Logger logger = LoggerFactory.getLogger(AvailabilityChangeLogger.class);

	@Override
	public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
		logger.info("Availability: {} is now {}", event.getState().getClass().getSimpleName(), event.getState());
	}

}
