package dev.runtimemonitor.sampling;

import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM's total of allocated bytes is a getter JDK 21 added: found where the thread
 * bean's interface has it, and an unknown figure, not an error, where it does not (JDK
 * 17).
 */
class ProcessSourceTests {

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	@Test
	void theTotalOfAllocatedBytesIsReadWhereTheBeanHasIt() throws Throwable {
		MethodHandle getter = ProcessSource.totalAllocatedBytes(com.sun.management.ThreadMXBean.class, this.threads);
		assertThat(getter).isNotNull();
		long before = (long) getter.invokeExact();
		byte[] allocated = new byte[1 << 20];
		assertThat((long) getter.invokeExact()).isGreaterThanOrEqualTo(before + allocated.length);
		assertThat(source(getter).read().allocatedBytes()).isPositive();
	}

	@Test
	void theTotalOfAllocatedBytesIsUnknownWhereTheBeanLacksIt() {
		// JDK 17's bean interface has no such getter, as java.lang.management's has none.
		MethodHandle getter = ProcessSource.totalAllocatedBytes(ThreadMXBean.class, this.threads);
		assertThat(getter).isNull();
		ProcessFigures figures = source(null).read();
		assertThat(figures.allocatedBytes()).isEqualTo(-1);
		assertThat(figures.loadedClasses()).isPositive();
		assertThat(figures.cpuTimeNanos()).isPositive();
	}

	private ProcessSource source(MethodHandle totalAllocatedBytes) {
		return new ProcessSource(ManagementFactory.getOperatingSystemMXBean(), this.threads,
				ManagementFactory.getClassLoadingMXBean(), totalAllocatedBytes);
	}

}
