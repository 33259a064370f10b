package dev.runtimemonitor.monitor;

import java.util.ArrayList;
import java.util.List;

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * The most recent evaluations in a ring of fixed size: the oldest is dropped when a new
 * one arrives, so memory stays flat however long the process runs.
 */
public final class EvaluationHistory {

	private final Evaluation[] ring;

	private int next;

	private int size;

	/**
	 * Create a history.
	 * @param capacity how many evaluations to keep
	 */
	public EvaluationHistory(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("'capacity' must be at least 1");
		}
		this.ring = new Evaluation[capacity];
	}

	/**
	 * Add an evaluation, dropping the oldest when full.
	 * @param evaluation the newest evaluation
	 */
	public synchronized void add(Evaluation evaluation) {
		this.ring[this.next] = evaluation;
		this.next = (this.next + 1) % this.ring.length;
		this.size = Math.min(this.size + 1, this.ring.length);
	}

	/**
	 * The oldest snapshot taken at or after a given time.
	 * @param monotonicNanos the start of the window on the monotonic clock
	 * @return the snapshot, or {@code null} when the history holds none that recent
	 */
	public synchronized @Nullable RuntimeSnapshot oldestSince(long monotonicNanos) {
		for (int i = 0; i < this.size; i++) {
			RuntimeSnapshot snapshot = at(i).snapshot();
			if (snapshot.monotonicNanos() - monotonicNanos >= 0) {
				return snapshot;
			}
		}
		return null;
	}

	/**
	 * The evaluations held, oldest first.
	 * @return a copy of the history
	 */
	public synchronized List<Evaluation> toList() {
		List<Evaluation> list = new ArrayList<>(this.size);
		for (int i = 0; i < this.size; i++) {
			list.add(at(i));
		}
		return list;
	}

	/**
	 * How many evaluations the history can hold.
	 * @return the capacity
	 */
	public int capacity() {
		return this.ring.length;
	}

	private Evaluation at(int index) {
		int oldest = (this.size < this.ring.length) ? 0 : this.next;
		return this.ring[(oldest + index) % this.ring.length];
	}

}
