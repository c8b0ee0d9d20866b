package org.datajoint;

/**
 * Options of drop operations. Immutable.
 *
 * @param prompt whether to ask the {@link Confirmer} first; {@code null} follows the {@code safemode} setting
 */
public record DropOptions(Boolean prompt) {

    /** Ask when safemode is on. */
    public static DropOptions defaults() {
        return new DropOptions(null);
    }

    /** Never ask: drop right away. */
    public static DropOptions noPrompt() {
        return new DropOptions(false);
    }

    /** Whether to ask, given the config's safemode setting. */
    public boolean shouldPrompt(Config config) {
        return prompt != null ? prompt : config.safemode();
    }
}
