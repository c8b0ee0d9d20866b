package org.datajoint;

import java.util.Objects;

/**
 * Options of deletes. Immutable; every method returns a new value.
 *
 * <pre>{@code
 * trial.restrict(key).delete(DeleteOptions.noPrompt().partIntegrity(PartIntegrity.CASCADE));
 * }</pre>
 */
public final class DeleteOptions {

    private static final DeleteOptions DEFAULTS = new DeleteOptions(null, PartIntegrity.ENFORCE);

    private final Boolean prompt;
    private final PartIntegrity partIntegrity;

    private DeleteOptions(Boolean prompt, PartIntegrity partIntegrity) {
        this.prompt = prompt;
        this.partIntegrity = Objects.requireNonNull(partIntegrity, "partIntegrity");
    }

    /** Ask the config's {@link Confirmer} when safemode is on; enforce part integrity. */
    public static DeleteOptions defaults() {
        return DEFAULTS;
    }

    /** Never ask: commit right away. */
    public static DeleteOptions noPrompt() {
        return new DeleteOptions(false, PartIntegrity.ENFORCE);
    }

    /** Always ask, whatever safemode says. */
    public static DeleteOptions prompt() {
        return new DeleteOptions(true, PartIntegrity.ENFORCE);
    }

    /** These options with another part-integrity mode. */
    public DeleteOptions partIntegrity(PartIntegrity mode) {
        return new DeleteOptions(prompt, mode);
    }

    /** The part-integrity mode. */
    public PartIntegrity partIntegrity() {
        return partIntegrity;
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
        return "DeleteOptions[prompt=" + (prompt == null ? "safemode" : prompt) + ", partIntegrity=" + partIntegrity + "]";
    }
}
