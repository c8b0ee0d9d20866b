package org.datajoint.engine.spi;

import java.util.List;
import java.util.Objects;

/**
 * A DataJoint core type with its arguments, for a dialect to map to its server's type.
 *
 * @param name the core type's name: {@code int8 int16 int32 int64 float32 float64 bool uuid bytes
 *     date datetime char varchar enum json decimal}
 * @param args its arguments as written: a length ({@code varchar(16)} gives {@code ["16"]}), a
 *     precision and scale, fractional-second digits, or enum values with their single quotes
 */
public record CoreType(String name, List<String> args) {
    public CoreType {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
    }

    /** The type as a definition writes it: {@code varchar(16)}, {@code enum('a','b')}, {@code int32}. */
    public String text() {
        return args.isEmpty() ? name : name + "(" + String.join(",", args) + ")";
    }

    /** The enum values without quotes (empty for other types). */
    public List<String> enumValues() {
        return name.equals("enum")
                ? args.stream().map(a -> a.substring(1, a.length() - 1).replace("''", "'")).toList()
                : List.of();
    }
}
