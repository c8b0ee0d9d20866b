package org.datajoint;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of {@code populate()}. Immutable; every method returns a new value.
 *
 * <pre>{@code
 * stats.populate(PopulateOptions.defaults().reserveJobs(true).workers(4).suppressErrors(true));
 * }</pre>
 */
public final class PopulateOptions {

    /** The order in which pending keys are computed. */
    public enum Order { ORIGINAL, REVERSE, RANDOM }

    private static final PopulateOptions DEFAULTS = new PopulateOptions(false, false, Integer.MAX_VALUE,
            Order.ORIGINAL, false, 1, null, null, null);

    private final boolean suppressErrors;
    private final boolean reserveJobs;
    private final int maxCalls;
    private final Order order;
    private final boolean display;
    private final int workers;
    private final Integer priority;
    private final Boolean refresh;
    private final Duration orphanTimeout;

    private PopulateOptions(boolean suppressErrors, boolean reserveJobs, int maxCalls, Order order, boolean display,
            int workers, Integer priority, Boolean refresh, Duration orphanTimeout) {
        this.suppressErrors = suppressErrors;
        this.reserveJobs = reserveJobs;
        this.maxCalls = maxCalls;
        this.order = Objects.requireNonNull(order, "order");
        this.display = display;
        this.workers = workers;
        this.priority = priority;
        this.refresh = refresh;
        this.orphanTimeout = orphanTimeout;
    }

    /** Compute every pending key in this thread, stop at the first error, no job reservation. */
    public static PopulateOptions defaults() {
        return DEFAULTS;
    }

    /** Collect errors (returned in the result) and go on, instead of stopping at the first. */
    public PopulateOptions suppressErrors(boolean suppress) {
        return new PopulateOptions(suppress, reserveJobs, maxCalls, order, display, workers, priority, refresh,
                orphanTimeout);
    }

    /**
     * Coordinate through the table's jobs queue, so that any number of workers in any number of
     * processes compute each key once.
     */
    public PopulateOptions reserveJobs(boolean reserve) {
        return new PopulateOptions(suppressErrors, reserve, maxCalls, order, display, workers, priority, refresh,
                orphanTimeout);
    }

    /**
     * At most this many make calls.
     *
     * @throws IllegalArgumentException unless positive
     */
    public PopulateOptions maxCalls(int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("maxCalls must be positive: " + calls);
        }
        return new PopulateOptions(suppressErrors, reserveJobs, calls, order, display, workers, priority, refresh,
                orphanTimeout);
    }

    /** The order of the pending keys. */
    public PopulateOptions order(Order keyOrder) {
        return new PopulateOptions(suppressErrors, reserveJobs, maxCalls, keyOrder, display, workers, priority, refresh,
                orphanTimeout);
    }

    /** Show progress: a bar on a terminal, log lines otherwise. */
    public PopulateOptions display(boolean show) {
        return new PopulateOptions(suppressErrors, reserveJobs, maxCalls, order, show, workers, priority, refresh,
                orphanTimeout);
    }

    /**
     * Run this many workers in this JVM, each with its own pooled connection.
     *
     * @throws IllegalArgumentException unless positive
     */
    public PopulateOptions workers(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("workers must be positive: " + count);
        }
        return new PopulateOptions(suppressErrors, reserveJobs, maxCalls, order, display, count, priority, refresh,
                orphanTimeout);
    }

    /** With reserved jobs, only jobs of this priority or more urgent (lower numbers are more urgent). */
    public PopulateOptions priority(int most) {
        return new PopulateOptions(suppressErrors, reserveJobs, maxCalls, order, display, workers, most, refresh,
                orphanTimeout);
    }

    /** With reserved jobs, whether to refresh the queue first; default: the {@code jobs.auto_refresh} setting. */
    public PopulateOptions refresh(boolean refreshFirst) {
        return new PopulateOptions(suppressErrors, reserveJobs, maxCalls, order, display, workers, priority,
                refreshFirst, orphanTimeout);
    }

    /** With reserved jobs, reclaim reservations older than this (their worker died) when refreshing. */
    public PopulateOptions orphanTimeout(Duration timeout) {
        return new PopulateOptions(suppressErrors, reserveJobs, maxCalls, order, display, workers, priority, refresh,
                Objects.requireNonNull(timeout, "timeout"));
    }

    /** Whether errors are collected instead of thrown. */
    public boolean isSuppressErrors() {
        return suppressErrors;
    }

    /** Whether jobs are reserved. */
    public boolean isReserveJobs() {
        return reserveJobs;
    }

    /** The most make calls. */
    public int maxCalls() {
        return maxCalls;
    }

    /** The key order. */
    public Order order() {
        return order;
    }

    /** Whether progress is shown. */
    public boolean isDisplay() {
        return display;
    }

    /** The number of workers. */
    public int workers() {
        return workers;
    }

    /** The priority limit, or {@code null} for all. */
    public Integer priority() {
        return priority;
    }

    /** Whether to refresh the queue, or {@code null} for the config's {@code jobs.auto_refresh}. */
    public Boolean refresh() {
        return refresh;
    }

    /** The orphan timeout, or {@code null} for none. */
    public Duration orphanTimeout() {
        return orphanTimeout;
    }

    @Override
    public String toString() {
        return "PopulateOptions[suppressErrors=" + suppressErrors + ", reserveJobs=" + reserveJobs + ", maxCalls="
                + maxCalls + ", order=" + order + ", display=" + display + ", workers=" + workers + ", priority="
                + priority + ", refresh=" + refresh + ", orphanTimeout=" + orphanTimeout + "]";
    }
}
