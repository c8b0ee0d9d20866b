package org.datajoint;

/**
 * Computes one entity of an auto-populated table: reads upstream data for {@link MakeContext#key()}
 * and inserts the table's row and its parts through the context. {@code populate()} runs each call
 * in its own transaction, so the row and its part rows commit together or not at all.
 */
@FunctionalInterface
public interface Make {

    /**
     * Computes and inserts the entity of {@code ctx.key()}. Any exception rolls back what this
     * call inserted and is recorded as the key's error.
     */
    void make(MakeContext ctx) throws Exception;

    /**
     * A make in three phases for long computations: {@code fetch} reads the inputs outside any
     * transaction, {@code compute} works without database access, then inside the transaction the
     * inputs are fetched again and, if they are unchanged ({@code equals}), {@code insert} stores the
     * result. If the inputs changed meanwhile, nothing is inserted and the key fails with a
     * message saying so.
     */
    static <F, C> Make threePhase(Fetch<F> fetch, Compute<F, C> compute, Insert<C> insert) {
        return new ThreePhaseMake<>(fetch, compute, insert);
    }

    /** The first phase: reads the inputs; must not insert. */
    @FunctionalInterface
    interface Fetch<F> {
        /** The inputs of {@code ctx.key()}, comparable with {@code equals}. */
        F fetch(MakeContext ctx) throws Exception;
    }

    /** The second phase: computes without database access. */
    @FunctionalInterface
    interface Compute<F, C> {
        /** The result for {@code key} from its inputs. */
        C compute(Key key, F inputs) throws Exception;
    }

    /** The third phase: inserts the result, inside the transaction. */
    @FunctionalInterface
    interface Insert<C> {
        /** Inserts {@code result} through {@code ctx}. */
        void insert(MakeContext ctx, C result) throws Exception;
    }

    /** The three phases of {@link #threePhase}; {@code populate()} runs them as that method says. */
    record ThreePhaseMake<F, C>(Fetch<F> fetch, Compute<F, C> compute, Insert<C> insert) implements Make {
        /** Runs the phases in one go, as a plain make (used when the caller manages the transaction). */
        @Override
        public void make(MakeContext ctx) throws Exception {
            insert.insert(ctx, compute.compute(ctx.key(), fetch.fetch(ctx)));
        }
    }
}
