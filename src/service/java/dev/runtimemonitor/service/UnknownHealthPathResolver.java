package dev.runtimemonitor.service;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers 404, as for any unknown path, where Spring Boot 4.0's health endpoint fails on
 * a path that goes below a component that does not exist ({@code /health/a/b},
 * {@code /health/../env}): it walks the path past the missing contributor and throws an
 * {@link IllegalStateException} from an assertion in that walk, which would otherwise be
 * a 500. Nothing else is touched: an {@code IllegalStateException} thrown anywhere else,
 * even below {@code /health} (a broken liveness or readiness group, say), other
 * exceptions and other paths go on to Spring's own handling, and a failure stays a 500.
 */
final class UnknownHealthPathResolver implements HandlerExceptionResolver, Ordered {

	/** Where the walk is: package-private in Spring Boot, so named, not referenced. */
	private static final String HEALTH_ENDPOINT_SUPPORT = "org.springframework.boot.health.actuate.endpoint.HealthEndpointSupport";

	private static final String WALK = "getContributor";

	private static final String ASSERT = "org.springframework.util.Assert";

	private final ObjectProvider<PathMappedEndpoints> endpoints;

	UnknownHealthPathResolver(ObjectProvider<PathMappedEndpoints> endpoints) {
		this.endpoints = endpoints;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!(ex instanceof IllegalStateException) || !isThrownByThePathWalk(ex) || !isBelowHealth(request)) {
			return null;
		}
		try {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return new ModelAndView();
		}
		catch (IOException sendFailed) {
			return null;
		}
	}

	/**
	 * Whether the exception comes from the health endpoint's walk down the path: the
	 * first frame outside Spring's {@code Assert} is that walk.
	 */
	static boolean isThrownByThePathWalk(Throwable ex) {
		for (StackTraceElement frame : ex.getStackTrace()) {
			if (!frame.getClassName().equals(ASSERT)) {
				return frame.getClassName().equals(HEALTH_ENDPOINT_SUPPORT) && frame.getMethodName().equals(WALK);
			}
		}
		return false;
	}

	private boolean isBelowHealth(HttpServletRequest request) {
		PathMappedEndpoints endpoints = this.endpoints.getIfAvailable();
		String health = (endpoints != null) ? endpoints.getPath(EndpointId.of("health")) : null;
		if (health == null) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length()).replaceAll(";[^/]*", "");
		return path.startsWith(health.endsWith("/") ? health : health + "/");
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
