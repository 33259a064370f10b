package dev.runtimemonitor.service;

import org.junit.jupiter.api.Test;

import org.springframework.util.Assert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class UnknownHealthPathResolverTests {

	@Test
	void anAssertionFailedInTheHealthEndpointsPathWalkIsTheUnknownPath() {
		IllegalStateException walk = new IllegalStateException("'contributor' must not be null");
		walk.setStackTrace(new StackTraceElement[] {
				new StackTraceElement("org.springframework.util.Assert", "state", "Assert.java", 80),
				new StackTraceElement("org.springframework.boot.health.actuate.endpoint.HealthEndpointSupport",
						"getContributor", "HealthEndpointSupport.java", 120),
				new StackTraceElement("org.springframework.boot.health.actuate.endpoint.HealthEndpointSupport",
						"getResult", "HealthEndpointSupport.java", 90) });
		assertThat(UnknownHealthPathResolver.isThrownByThePathWalk(walk)).isTrue();
	}

	@Test
	void anIllegalStateFromAnywhereElseIsNotTheUnknownPath() {
		Throwable elsewhere = catchThrowable(() -> Assert.state(false, "'contributor' must not be null"));
		assertThat(elsewhere).isInstanceOf(IllegalStateException.class);
		assertThat(UnknownHealthPathResolver.isThrownByThePathWalk(elsewhere)).isFalse();
		assertThat(UnknownHealthPathResolver.isThrownByThePathWalk(new IllegalStateException("broken group")))
			.isFalse();
	}

	@Test
	void anExceptionWithoutAStackIsNotTheUnknownPath() {
		IllegalStateException bare = new IllegalStateException();
		bare.setStackTrace(new StackTraceElement[0]);
		assertThat(UnknownHealthPathResolver.isThrownByThePathWalk(bare)).isFalse();
	}

}
