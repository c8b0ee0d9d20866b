package org.datajoint.engine.internal.definition;

import java.util.List;
import java.util.Map;

/**
 * A parsed definition: the table comment and its lines in order of appearance.
 *
 * @param comment the table comment, {@code ""} when none
 * @param lines attributes, foreign keys and indexes, in order
 */
public record TableDefinition(String comment, List<Line> lines) {

    public TableDefinition {
        lines = List.copyOf(lines);
    }

    /** A meaningful line of a definition. */
    public sealed interface Line permits Attribute, Reference, IndexLine {
        /** The 1-based line number within the definition. */
        int line();
    }

    /**
     * {@code name [= default] : type [# comment]}.
     *
     * @param defaultValue the default as written ({@code null} when none, {@code null} text for nullable)
     */
    public record Attribute(int line, String name, DeclaredType type, boolean inPrimaryKey, boolean nullable,
            String defaultValue, String comment) implements Line {
    }

    /**
     * {@code -> [options] Ref[.proj(new='old', ...)]}.
     *
     * @param reference the referenced table as written: {@code Subject}, {@code other.Animal}, {@code master}
     * @param renames new attribute name to the parent's name, in order written
     */
    public record Reference(int line, String reference, boolean inPrimaryKey, boolean nullable, boolean unique,
            Map<String, String> renames) implements Line {
        public Reference {
            renames = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(renames));
        }
    }

    /** {@code [unique] index(a, b, (expr))}. */
    public record IndexLine(int line, List<String> items, boolean unique) implements Line {
        public IndexLine {
            items = List.copyOf(items);
        }
    }
}
