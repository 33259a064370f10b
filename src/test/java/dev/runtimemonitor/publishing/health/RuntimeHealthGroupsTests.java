package dev.runtimemonitor.publishing.health;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.SimpleStatusAggregator;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeHealthGroupsTests {

	private final RuntimeHealthGroups postProcessor = new RuntimeHealthGroups(Set.of());

	private static HealthEndpointGroup group(Predicate<String> members, boolean showDetails) {
		return new TestGroup(members, showDetails);
	}

	private static HealthEndpointGroups groups(HealthEndpointGroup primary, Map<String, HealthEndpointGroup> named) {
		return HealthEndpointGroups.of(primary, named);
	}

	@Test
	void overallHealthLeavesTheProbeIndicatorsOut() {
		HealthEndpointGroups groups = this.postProcessor
			.postProcessHealthEndpointGroups(groups(group((name) -> true, true), Map.of()));
		HealthEndpointGroup primary = groups.getPrimary();
		assertThat(primary.isMember("runtime")).isTrue();
		assertThat(primary.isMember("diskSpace")).isTrue();
		assertThat(primary.isMember("runtimeLiveness")).isFalse();
		assertThat(primary.isMember("runtimeReadiness")).isFalse();
	}

	@Test
	void createsProbeGroupsThatAreMissing() {
		HealthEndpointGroups groups = this.postProcessor
			.postProcessHealthEndpointGroups(groups(group((name) -> true, true), Map.of()));
		assertThat(groups.getNames()).contains("liveness", "readiness");
		HealthEndpointGroup liveness = groups.get("liveness");
		assertThat(liveness.isMember("livenessState")).isTrue();
		assertThat(liveness.isMember("runtimeLiveness")).isTrue();
		assertThat(liveness.isMember("runtimeReadiness")).isFalse();
		assertThat(liveness.isMember("diskSpace")).isFalse();
		assertThat(liveness.showDetails(SecurityContext.NONE)).isTrue();
		HealthEndpointGroup readiness = groups.get("readiness");
		assertThat(readiness.isMember("readinessState")).isTrue();
		assertThat(readiness.isMember("runtimeReadiness")).isTrue();
		assertThat(readiness.isMember("runtimeLiveness")).isFalse();
	}

	@Test
	void addsTheProbeIndicatorToAConfiguredProbeGroupAndKeepsItsSettings() {
		HealthEndpointGroup configured = group(Set.of("livenessState", "custom")::contains, false);
		HealthEndpointGroups groups = this.postProcessor
			.postProcessHealthEndpointGroups(groups(group((name) -> true, true), Map.of("liveness", configured)));
		HealthEndpointGroup liveness = groups.get("liveness");
		assertThat(liveness.isMember("custom")).isTrue();
		assertThat(liveness.isMember("runtimeLiveness")).isTrue();
		assertThat(liveness.showDetails(SecurityContext.NONE)).isFalse();
	}

	@Test
	void leavesAProbeGroupWhoseMembersTheApplicationConfiguredExactlyAsItIs() {
		HealthEndpointGroup configured = group(Set.of("livenessState", "custom")::contains, false);
		HealthEndpointGroups groups = new RuntimeHealthGroups(Set.of("liveness"))
			.postProcessHealthEndpointGroups(groups(group((name) -> true, true), Map.of("liveness", configured)));
		assertThat(groups.get("liveness")).isSameAs(configured);
		assertThat(groups.get("readiness").isMember("runtimeReadiness")).isTrue();
	}

	@Test
	void runsBeforeSpringBootsOwnProbeGroups() {
		assertThat(this.postProcessor.getOrder()).isLessThan(Ordered.LOWEST_PRECEDENCE);
	}

	@Test
	void leavesOtherGroupsAlone() {
		HealthEndpointGroup custom = group(Set.of("db")::contains, true);
		HealthEndpointGroups groups = this.postProcessor
			.postProcessHealthEndpointGroups(groups(group((name) -> true, true), Map.of("custom", custom)));
		assertThat(groups.get("custom")).isSameAs(custom);
		assertThat(groups.get("missing")).isNull();
	}

	private record TestGroup(Predicate<String> members, boolean details) implements HealthEndpointGroup {

		@Override
		public boolean isMember(String name) {
			return this.members.test(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.details;
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.details;
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return new SimpleStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return HttpCodeStatusMapper.DEFAULT;
		}

		@Override
		public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
			return null;
		}

	}

}
