package org.datajoint;

import java.io.Console;

/**
 * Asked before a destructive operation (delete, drop) when safemode is on. Install one with
 * {@link Config#confirmer(Confirmer)}; a web service would typically install {@link #never()} and
 * pass explicit no-prompt options where it means to delete.
 */
@FunctionalInterface
public interface Confirmer {

    /**
     * Returns {@code true} to proceed. May throw {@link ConfirmationException} when it cannot ask.
     *
     * @param question what is about to happen, ending with a question, for example
     *     {@code "Drop schema `lab` and its 12 tables? [yes/No]"}
     */
    boolean confirm(String question);

    /** Asks on the process console and accepts {@code yes}; refuses with a clear message when there is no console. */
    static Confirmer console() {
        return question -> {
            Console console = System.console();
            if (console == null) {
                throw new ConfirmationException("Confirmation needed but there is no console to ask on: " + question
                        + " Pass a no-prompt option, set safemode=false, or install a Confirmer with config().confirmer(...).");
            }
            String answer = console.readLine("%s ", question);
            return answer != null && answer.strip().equalsIgnoreCase("yes");
        };
    }

    /** Always proceeds, as if the user typed {@code yes}. */
    static Confirmer always() {
        return question -> true;
    }

    /** Never proceeds. */
    static Confirmer never() {
        return question -> false;
    }
}
