package dev.runtimemonitor.sampling.jvm;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CollectorTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			G1 Young Generation,G1 Concurrent GC,G1 Old Generation | G1
			PS Scavenge,PS MarkSweep                               | PARALLEL
			Copy,MarkSweepCompact                                  | SERIAL
			ZGC Minor Cycles,ZGC Minor Pauses                      | Z
			Shenandoah Pauses,Shenandoah Cycles                    | SHENANDOAH
			Epsilon                                                | UNKNOWN
			""")
	void tellsTheCollectorFromItsBeanNames(String names, Collector collector) {
		assertThat(Collector.fromBeanNames(List.of(names.split(",")))).isEqualTo(collector);
	}

}
