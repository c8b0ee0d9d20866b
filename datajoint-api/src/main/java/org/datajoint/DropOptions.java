package org.datajoint;

import java.util.Objects;

/**
 * Options of drop operations. Immutable.
 *
 * @param prompt whether to ask the {@link Confirmer} first; {@code null} follows the {@code safemode} setting
 * @param partIntegrity {@link PartIntegrity#IGNORE} allows dropping a part table without its
 *     master; {@link PartIntegrity#CASCADE} is refused for drops
 */
public record DropOptions(Boolean prompt, PartIntegrity partIntegrity) {

    /** Requires a part-integrity mode. */
    public DropOptions {
        Objects.requireNonNull(partIntegrity, "partIntegrity");
    }

    /** Ask when safemode is on; enforce part integrity. */
    public static DropOptions defaults() {
        return new DropOptions(null, PartIntegrity.ENFORCE);
    }

    /** Never ask: drop right away. */
    public static DropOptions noPrompt() {
        return new DropOptions(false, PartIntegrity.ENFORCE);
    }

    /** These options with another part-integrity mode. */
    public DropOptions withPartIntegrity(PartIntegrity mode) {
        return new DropOptions(prompt, mode);
    }

    /** Whether to ask, given the config's safemode setting. */
    public boolean shouldPrompt(Config config) {
        return prompt != null ? prompt : config.safemode();
    }
}
