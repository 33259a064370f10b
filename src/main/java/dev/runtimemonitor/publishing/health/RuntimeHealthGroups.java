package dev.runtimemonitor.publishing.health;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.Ordered;

/**
 * Puts the probe indicators into the probe groups: {@code runtimeLiveness} into
 * {@code liveness}, {@code runtimeReadiness} into {@code readiness}, and keeps both out
 * of the overall health, which already shows every check under {@code runtime}. A probe
 * group whose members the application configured itself ({@code include} or
 * {@code exclude}) is left exactly as configured: the application decides what restarts
 * its pods. A probe group that is not configured at all is created with its availability
 * state and its runtime indicator, showing details as the overall health does; it runs
 * before Spring Boot's own probe groups, which then keep it.
 */
public final class RuntimeHealthGroups implements HealthEndpointGroupsPostProcessor, Ordered {

	/** The contributor with the checks that feed the liveness probe. */
	public static final String LIVENESS_CONTRIBUTOR = "runtimeLiveness";

	/** The contributor with the checks that feed the readiness probe. */
	public static final String READINESS_CONTRIBUTOR = "runtimeReadiness";

	private static final Set<String> PROBE_CONTRIBUTORS = Set.of(LIVENESS_CONTRIBUTOR, READINESS_CONTRIBUTOR);

	/** Before Spring Boot's probe groups, which run last. */
	private static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

	private final Set<String> configuredMembership;

	/**
	 * Create the post-processor.
	 * @param configuredMembership the groups whose members the application configured
	 * itself, which are left as they are
	 */
	public RuntimeHealthGroups(Set<String> configuredMembership) {
		this.configuredMembership = Set.copyOf(configuredMembership);
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		return new ProbeGroups(groups, this.configuredMembership);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	private static final class ProbeGroups implements HealthEndpointGroups, AdditionalPathsMapper {

		private final HealthEndpointGroups delegate;

		private final HealthEndpointGroup primary;

		private final HealthEndpointGroup liveness;

		private final HealthEndpointGroup readiness;

		private final Set<String> names;

		private final Set<String> configuredMembership;

		ProbeGroups(HealthEndpointGroups delegate, Set<String> configuredMembership) {
			this.delegate = delegate;
			this.configuredMembership = configuredMembership;
			HealthEndpointGroup primary = delegate.getPrimary();
			this.primary = new MembershipGroup(primary,
					(name) -> !PROBE_CONTRIBUTORS.contains(name) && primary.isMember(name));
			this.liveness = probeGroup("liveness", "livenessState", LIVENESS_CONTRIBUTOR);
			this.readiness = probeGroup("readiness", "readinessState", READINESS_CONTRIBUTOR);
			Set<String> names = new LinkedHashSet<>(delegate.getNames());
			names.add("liveness");
			names.add("readiness");
			this.names = Set.copyOf(names);
		}

		private HealthEndpointGroup probeGroup(String group, String availabilityState, String runtimeContributor) {
			HealthEndpointGroup existing = this.delegate.get(group);
			if (existing != null && this.configuredMembership.contains(group)) {
				return existing;
			}
			if (existing != null) {
				return new MembershipGroup(existing,
						(name) -> name.equals(runtimeContributor) || existing.isMember(name));
			}
			return new MembershipGroup(this.delegate.getPrimary(),
					(name) -> name.equals(availabilityState) || name.equals(runtimeContributor));
		}

		@Override
		public HealthEndpointGroup getPrimary() {
			return this.primary;
		}

		@Override
		public Set<String> getNames() {
			return this.names;
		}

		@Override
		public @Nullable HealthEndpointGroup get(String name) {
			return switch (name) {
				case "liveness" -> this.liveness;
				case "readiness" -> this.readiness;
				default -> this.delegate.get(name);
			};
		}

		@Override
		public @Nullable List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace namespace) {
			return (this.delegate instanceof AdditionalPathsMapper mapper)
					? mapper.getAdditionalPaths(endpointId, namespace) : null;
		}

	}

	/**
	 * A group with its own members and another group's display and status settings.
	 */
	private record MembershipGroup(HealthEndpointGroup settings,
			Predicate<String> members) implements HealthEndpointGroup {

		@Override
		public boolean isMember(String name) {
			return this.members.test(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.settings.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.settings.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.settings.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.settings.getHttpCodeStatusMapper();
		}

		@Override
		public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
			return this.settings.getAdditionalPath();
		}

	}

}
