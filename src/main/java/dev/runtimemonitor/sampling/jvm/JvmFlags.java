package dev.runtimemonitor.sampling.jvm;

import java.lang.management.ManagementFactory;
import java.util.Optional;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.jspecify.annotations.Nullable;

/**
 * Looks up HotSpot flags by name.
 */
@FunctionalInterface
public interface JvmFlags {

	/** No flags at all: a JVM without HotSpot's diagnostic bean. */
	JvmFlags NONE = (name) -> Optional.empty();

	/**
	 * The flag of the given name.
	 * @param name the flag's name, such as {@code UseG1GC}
	 * @return the flag, or empty when this JVM has no such flag
	 */
	Optional<JvmFlag> find(String name);

	/**
	 * The flags of the running JVM, from HotSpot's diagnostic bean.
	 * @return the flags, or {@link #NONE} on a JVM without that bean
	 */
	static JvmFlags platform() {
		HotSpotDiagnosticMXBean diagnostic = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		return (diagnostic != null) ? (name) -> Optional.ofNullable(read(diagnostic, name)) : NONE;
	}

	private static @Nullable JvmFlag read(HotSpotDiagnosticMXBean diagnostic, String name) {
		try {
			VMOption option = diagnostic.getVMOption(name);
			VMOption.Origin origin = option.getOrigin();
			boolean explicit = origin != VMOption.Origin.DEFAULT && origin != VMOption.Origin.ERGONOMIC;
			return new JvmFlag(name, option.getValue(), explicit);
		}
		catch (IllegalArgumentException ex) {
			// No such flag in this build (UseShenandoahGC in some, UseEpsilonGC unless
			// unlocked)
			return null;
		}
	}

}
