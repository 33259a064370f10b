package dev.runtimemonitor.benchmarks;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.runtimemonitor.sampling.gc.GcEventSubscription;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What recording GC pauses costs an allocation-heavy application: the throughput of an
 * allocating loop, with no recording, with Flight Recorder event streaming, and with GC
 * notifications, in the same run. Each allocation is a 4 KB array, one in eight of which
 * survives a while, so collections happen often (about every few milliseconds with a
 * 256 MB heap).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xmx256m", "-Xms256m" })
public class PauseRecordingBenchmark {

	@Param({ "off", "counters", "jfr", "notifications" })
	public String recording;

	private @Nullable GcEventSubscription pauses;

	private final byte[][] survivors = new byte[16_384][];

	private int next;

	@Setup(Level.Trial)
	public void startRecording() {
		if (!this.recording.equals("off")) {
			this.pauses = new GcEventSubscription(
					GcEventSubscription.Source.valueOf(this.recording.toUpperCase(Locale.ROOT)));
			this.pauses.start();
			if (!this.pauses.recorder().source().equals(this.recording)) {
				throw new IllegalStateException("Wanted " + this.recording + ", got " + this.pauses.recorder().source());
			}
		}
	}

	@TearDown(Level.Trial)
	public void stopRecording() {
		if (this.pauses != null) {
			this.pauses.close();
		}
	}

	@Benchmark
	public void allocate(Blackhole blackhole) {
		byte[] block = new byte[4096];
		if ((this.next & 7) == 0) {
			this.survivors[(this.next >>> 3) % this.survivors.length] = block;
		}
		this.next++;
		blackhole.consume(block);
	}

}
