package org.datajoint;

import java.util.Objects;

/**
 * Options of deletes. Immutable; every method returns a new value.
 *
 * <p>A delete that asks for confirmation (safemode on, or {@link #prompt()}) cannot run inside a
 * transaction the caller has open, since declining could not undo deletes already made in it;
 * such a delete is refused. Use {@link #noPrompt()} there: the delete then joins the transaction.
 *
 * <pre>{@code
 * trial.restrict(key).delete(DeleteOptions.noPrompt().partIntegrity(PartIntegrity.CASCADE));
 * }</pre>
 */
public final class DeleteOptions {

    private static final DeleteOptions DEFAULTS = new DeleteOptions(null, null);

    private final Boolean prompt;
    private final PartIntegrity partIntegrity;

    private DeleteOptions(Boolean prompt, PartIntegrity partIntegrity) {
        this.prompt = prompt;
        this.partIntegrity = partIntegrity;
    }

    /** Ask the config's {@link Confirmer} when safemode is on; enforce part integrity. */
    public static DeleteOptions defaults() {
        return DEFAULTS;
    }

    /** Never ask: commit right away. */
    public static DeleteOptions noPrompt() {
        return new DeleteOptions(false, null);
    }

    /** Always ask, whatever safemode says. */
    public static DeleteOptions prompt() {
        return new DeleteOptions(true, null);
    }

    /**
     * These options with a part-integrity mode. {@link Table#delete(DeleteOptions)} plans its
     * cascade with it; {@link Diagram#delete(DeleteOptions)} refuses a mode other than the one its
     * cascade was planned with.
     */
    public DeleteOptions partIntegrity(PartIntegrity mode) {
        return new DeleteOptions(prompt, Objects.requireNonNull(mode, "partIntegrity"));
    }

    /** The part-integrity mode: the one set by {@link #partIntegrity(PartIntegrity)}, else {@link PartIntegrity#ENFORCE}. */
    public PartIntegrity partIntegrity() {
        return partIntegrity == null ? PartIntegrity.ENFORCE : partIntegrity;
    }

    /** Whether {@link #partIntegrity(PartIntegrity)} chose the mode, rather than leaving the default. */
    public boolean setsPartIntegrity() {
        return partIntegrity != null;
    }

    /** Whether to ask before committing, given the config's safemode setting. */
    public boolean shouldPrompt(Config config) {
        return prompt != null ? prompt : config.safemode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeleteOptions d && Objects.equals(d.prompt, prompt) && d.partIntegrity == partIntegrity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(prompt, partIntegrity);
    }

    @Override
    public String toString() {
        return "DeleteOptions[prompt=" + (prompt == null ? "safemode" : prompt) + ", partIntegrity="
                + (partIntegrity == null ? "default" : partIntegrity) + "]";
    }
}
