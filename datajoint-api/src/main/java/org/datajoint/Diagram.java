package org.datajoint;

import java.util.List;
import java.util.Map;

/**
 * The foreign-key graph of a pipeline as an operational object: it draws the pipeline, computes
 * what a delete will touch, lets the user inspect it and executes it. Immutable: every operation
 * returns a new diagram.
 *
 * <p>A diagram shows a set of tables. {@link #cascade} gives a <em>cascade diagram</em> (the
 * rows a delete removes: OR where restrictions converge, one-shot); {@link #restrict} gives a
 * <em>restricted diagram</em> (a consistent subset for export: AND where they converge,
 * chainable). The two modes do not mix.
 *
 * <pre>{@code
 * Diagram c = Diagram.of(lab).cascade(session.restrict(Map.of("subject_id", "M001")));
 * Map<String, Long> counts = c.preview();
 * c.delete(DeleteOptions.noPrompt());
 * }</pre>
 */
public interface Diagram extends Iterable<FreeTable> {

    /**
     * The diagram of these sources: each a {@link Table} (that table) or a {@link Schema} (all of
     * its tables). All must come from one instance.
     *
     * @throws IllegalArgumentException when there is no source, or a source is of another kind
     *     or another instance
     */
    static Diagram of(Object... sources) {
        return DataJoint.provider().diagram(List.of(sources));
    }

    /** Full names of the tables shown, parents first. */
    List<String> tables();

    /** This diagram with the children of its tables added, {@code n} times over. */
    Diagram plus(int n);

    /** This diagram with the parents of its tables added, {@code n} times over. */
    Diagram minus(int n);

    /** The tables of both diagrams. */
    Diagram union(Diagram other);

    /** The tables in both diagrams. */
    Diagram intersect(Diagram other);

    /** The tables of this diagram that {@code other} does not show. */
    Diagram difference(Diagram other);

    /** {@link #cascade(QueryExpression, PartIntegrity)} enforcing part integrity. */
    default Diagram cascade(QueryExpression seed) {
        return cascade(seed, PartIntegrity.ENFORCE);
    }

    /**
     * The rows a delete of {@code seed} removes: its restriction propagates to every descendant
     * table, in any schema on the server that this user can see, a row being affected if any path
     * reaches it (OR). The result holds the seed and its descendants only.
     *
     * @param seed a table, optionally restricted
     * @throws DataJointException when this diagram is already restricted or cascaded, or the seed
     *     is not a (restricted) table
     */
    Diagram cascade(QueryExpression seed, PartIntegrity partIntegrity);

    /**
     * This diagram with {@code seed}'s restriction propagated to its descendants, a row being
     * included only if every restricted ancestor allows it (AND). Chainable from several seeds.
     *
     * @throws DataJointException on a cascade diagram, or when the seed's table is not in the diagram
     */
    Diagram restrict(QueryExpression seed);

    /**
     * The rows affected in each restricted table, by full table name, parents first; all counted
     * in one statement, so in one consistent snapshot.
     *
     * @throws DataJointException when the diagram has no restriction
     */
    Map<String, Long> preview();

    /**
     * This diagram without the tables that have no (matching) rows.
     *
     * @throws DataJointException on a cascade diagram, which must keep every table a delete may reach
     */
    Diagram prune();

    /** The tables shown, leaves first, each restricted as in this diagram. */
    List<FreeTable> reversed();

    /** {@link #delete(DeleteOptions)} with default options. */
    default long delete() {
        return delete(DeleteOptions.defaults());
    }

    /**
     * Executes a cascade diagram: one DELETE per table, leaves first, in one transaction; logs the
     * rows removed from each table; asks the config's {@link Confirmer} when the options say so;
     * then commits, or rolls back when the answer is no. Nothing is half-deleted: any failure
     * rolls everything back.
     *
     * <p>The part-integrity mode is the one given to {@link #cascade(QueryExpression, PartIntegrity)},
     * since it decides which rows the cascade holds; options that set another mode with
     * {@link DeleteOptions#partIntegrity(PartIntegrity)} are refused. Inside a transaction the
     * caller has open, the delete joins it when it does not ask for confirmation, and is refused
     * when it would ask.
     *
     * @return rows deleted from the seed table (0 when declined)
     * @throws DataJointException on a diagram that is not a cascade, when the options set a
     *     part-integrity mode other than the cascade's, or when part integrity would be broken
     * @throws ConfirmationException when it would ask for confirmation inside an open transaction
     * @throws IntegrityException when rows referencing a deleted row appeared in a table outside
     *     the plan, or in a planned table while the delete ran; the message names that table and
     *     the table being deleted from
     */
    long delete(DeleteOptions options);

    /** The diagram as a Mermaid flowchart, tables grouped by schema. */
    String toMermaid();

    /** The diagram as a Graphviz DOT digraph, tables grouped by schema. */
    String toDot();
}
