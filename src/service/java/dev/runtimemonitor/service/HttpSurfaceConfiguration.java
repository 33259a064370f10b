package dev.runtimemonitor.service;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The hardening of the service's HTTP surface, which probes, scrapers and fuzzers reach:
 * a blank {@code Accept} header read as none, and unknown paths below {@code /health}
 * answered 404 rather than 500. Also one log line per availability change, so operators
 * see when the service stopped taking traffic.
 */
@Configuration(proxyBeanMethods = false)
class HttpSurfaceConfiguration {

	@Bean
	UnknownHealthPathResolver unknownHealthPathResolver(ObjectProvider<PathMappedEndpoints> endpoints) {
		return new UnknownHealthPathResolver(endpoints);
	}

	@Bean
	FilterRegistrationBean<BlankAcceptHeaderFilter> blankAcceptHeaderFilter() {
		FilterRegistrationBean<BlankAcceptHeaderFilter> registration = new FilterRegistrationBean<>(
				new BlankAcceptHeaderFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	static AvailabilityChangeLogger availabilityChangeLogger() {
		return new AvailabilityChangeLogger();
	}

}
