package dev.runtimemonitor.evaluation;

/**
 * The Kubernetes probe a check feeds when it turns critical.
 */
public enum Probe {

	/** Critical restarts the pod: only for what a restart cures. */
	LIVENESS,

	/** Critical takes the pod out of the load balancer until it recovers. */
	READINESS,

	/** Critical shows on the overall health only. */
	NONE

}
