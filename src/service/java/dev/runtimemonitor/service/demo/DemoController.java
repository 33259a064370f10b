package dev.runtimemonitor.service.demo;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The fault scenarios over HTTP, under {@code /demo}, with the {@code demo} profile only.
 * Each answers with what it did as JSON; a bad parameter gets a 400 and a conflicting
 * state a 409, both as RFC 9457 problem details that name the parameter and the bound.
 */
@RestController
@Profile(DemoConfiguration.PROFILE)
@RequestMapping("/demo")
public class DemoController {

	/** The most of a bad value an error message repeats. */
	private static final int MAX_ECHOED = 32;

	private final ThreadLeak threads;

	private final RetainedHeap heap;

	private final NativeMemory nativeMemory;

	private final GarbageChurn garbage;

	private final Deadlock deadlock;

	DemoController(ThreadLeak threads, RetainedHeap heap, GarbageChurn garbage, NativeMemory nativeMemory,
			Deadlock deadlock) {
		this.nativeMemory = nativeMemory;
		this.threads = threads;
		this.heap = heap;
		this.garbage = garbage;
		this.deadlock = deadlock;
	}

	@PostMapping("/threads")
	ThreadsLeaked leakThreads(@RequestParam int count) {
		return new ThreadsLeaked(count, this.threads.start(count), ThreadLeak.MAX_THREADS);
	}

	@DeleteMapping("/threads")
	ThreadsReleased releaseThreads() {
		return new ThreadsReleased(this.threads.release(), this.threads.alive());
	}

	@PostMapping("/heap")
	HeapRetained retainHeap(@RequestParam int megabytes) {
		int retained = this.heap.retain(megabytes);
		return new HeapRetained(megabytes, retained, this.heap.limitMegabytes(), this.heap.maxHeapMegabytes(), true);
	}

	@DeleteMapping("/heap")
	HeapReleased releaseHeap() {
		return new HeapReleased(this.heap.release(), this.heap.retainedMegabytes(), true);
	}

	@PostMapping("/native")
	NativeGrowing growNative(@RequestParam int megabytes, @RequestParam(defaultValue = "0") int megabytesPerSecond) {
		int held = this.nativeMemory.grow(megabytes, megabytesPerSecond);
		return new NativeGrowing(megabytes, megabytesPerSecond, held, this.nativeMemory.limitMegabytes(),
				this.nativeMemory.failure());
	}

	@DeleteMapping("/native")
	NativeReleased releaseNative() {
		NativeMemory.Released released = this.nativeMemory.release();
		return new NativeReleased(released.megabytes(), released.trimmed());
	}

	@PostMapping("/garbage")
	ResponseEntity<ChurnStarted> churn(@RequestParam int megabytesPerSecond, @RequestParam int seconds) {
		Instant until = this.garbage.start(megabytesPerSecond, seconds);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ChurnStarted(megabytesPerSecond, seconds, until));
	}

	@DeleteMapping("/garbage")
	ChurnStopped stopChurn() {
		return new ChurnStopped(this.garbage.stop(), this.garbage.allocatedMegabytes());
	}

	@PostMapping("/deadlock")
	Deadlocked deadlock() {
		return new Deadlocked(this.deadlock.start(), "Stays until the process restarts");
	}

	@ExceptionHandler
	ProblemDetail refused(DemoRefusedException ex) {
		return ProblemDetail.forStatusAndDetail(ex.isConflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
				ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
		return required(ex.getParameterName());
	}

	@ExceptionHandler
	ProblemDetail notANumber(MethodArgumentTypeMismatchException ex) {
		String value = String.valueOf(ex.getValue());
		if (ex.getValue() == null || value.isBlank()) {
			return required(ex.getName());
		}
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"'" + ex.getName() + "' must be a whole number, not '" + abbreviate(value) + "'");
	}

	private static ProblemDetail required(String parameter) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"'" + parameter + "' is required: a whole number");
	}

	private static String abbreviate(String value) {
		return (value.length() <= MAX_ECHOED) ? value : value.substring(0, MAX_ECHOED) + "...";
	}

	record ThreadsLeaked(int started, int leakedThreads, int limit) {
	}

	record ThreadsReleased(int released, int leakedThreads) {
	}

	record HeapRetained(int addedMegabytes, int retainedMegabytes, int limitMegabytes, int maxHeapMegabytes,
			boolean collectionRequested) {
	}

	record HeapReleased(int releasedMegabytes, int retainedMegabytes, boolean collectionRequested) {
	}

	record NativeGrowing(int addedMegabytes, int megabytesPerSecond, int heldMegabytes, int limitMegabytes,
			@Nullable String failure) {
	}

	record NativeReleased(int releasedMegabytes, boolean nativeHeapTrimmed) {
	}

	record ChurnStarted(int megabytesPerSecond, int seconds, Instant until) {
	}

	record ChurnStopped(boolean stopped, long allocatedMegabytes) {
	}

	record Deadlocked(List<String> threads, String note) {
	}

}
