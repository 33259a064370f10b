package dev.runtimemonitor.monitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The most recent elements in a ring of fixed size: the oldest is dropped when a new one
 * arrives, so memory stays flat however long the process runs. Thread-safe; readers copy
 * out what they need.
 *
 * @param <T> the elements
 */
public final class Ring<T> {

	private final Object[] elements;

	private int next;

	private int size;

	/**
	 * Create a ring.
	 * @param capacity how many elements to keep, at least 1
	 */
	public Ring(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("'capacity' must be at least 1");
		}
		this.elements = new Object[capacity];
	}

	/**
	 * Add an element, dropping the oldest when full.
	 * @param element the newest element
	 */
	public synchronized void add(T element) {
		this.elements[this.next] = element;
		this.next = (this.next + 1) % this.elements.length;
		this.size = Math.min(this.size + 1, this.elements.length);
	}

	/**
	 * The oldest element that matches.
	 * @param condition what the element must satisfy
	 * @return the element, or {@code null} when none matches
	 */
	public synchronized @Nullable T oldest(Predicate<T> condition) {
		for (int i = 0; i < this.size; i++) {
			T element = at(i);
			if (condition.test(element)) {
				return element;
			}
		}
		return null;
	}

	/**
	 * The newest elements, as long as they match, oldest first.
	 * @param condition what the elements must satisfy
	 * @return the newest elements up to the first, going back, that does not match
	 */
	public synchronized List<T> newestWhile(Predicate<T> condition) {
		List<T> newest = new ArrayList<>();
		for (int i = this.size - 1; i >= 0 && condition.test(at(i)); i--) {
			newest.add(at(i));
		}
		Collections.reverse(newest);
		return newest;
	}

	/**
	 * Every element held, oldest first.
	 * @return a copy of the ring
	 */
	public List<T> toList() {
		return newestWhile((element) -> true);
	}

	/**
	 * How many elements the ring can hold.
	 * @return the capacity
	 */
	public int capacity() {
		return this.elements.length;
	}

	@SuppressWarnings("unchecked")
	private T at(int index) {
		int oldest = (this.size < this.elements.length) ? 0 : this.next;
		return (T) this.elements[(oldest + index) % this.elements.length];
	}

}
