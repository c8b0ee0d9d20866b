package org.datajoint.engine.internal.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datajoint.DefinitionException;

/** Parses DataJoint definition strings; every error names the line number and text. */
public final class DefinitionParser {

    private static final Pattern SEPARATOR = Pattern.compile("-{3,}");
    private static final Pattern REFERENCE = Pattern.compile("->\\s*(?:\\[([^\\]]*)\\])?\\s*([\\p{L}_][\\p{L}\\p{M}\\p{Nd}_$.]*?)"
            + "(?:\\.proj\\s*\\((.*)\\))?\\s*(?:#.*)?");
    private static final Pattern RENAME = Pattern.compile("\\s*([a-z][a-z0-9_]*)\\s*=\\s*(['\"])([a-z][a-z0-9_]*)\\2\\s*");
    private static final Pattern INDEX = Pattern.compile("(?i)(unique\\s+)?index\\s*\\((.*)\\)\\s*(?:#.*)?");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final int MAX_NAME = 64;

    private DefinitionParser() {
    }

    /**
     * Parses a definition.
     *
     * @throws DefinitionException naming the line number and text and what is wrong
     */
    public static TableDefinition parse(String definition) {
        String[] raw = definition.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        String comment = "";
        boolean inKey = true;
        boolean seenContent = false;
        List<TableDefinition.Line> lines = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < raw.length; i++) {
            String text = raw[i].strip();
            int number = i + 1;
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("#")) {
                if (!seenContent && comment.isEmpty() && lines.isEmpty() && inKey) {
                    if (text.startsWith("#:")) {
                        throw error(number, text, "a table comment must not start with ':'");
                    }
                    comment = text.substring(1).strip();
                }
                seenContent = true;
                continue;
            }
            seenContent = true;
            if (SEPARATOR.matcher(text).matches()) {
                if (!inKey) {
                    throw error(number, text, "only one '---' separator is allowed");
                }
                inKey = false;
            } else if (text.startsWith("->")) {
                lines.add(reference(number, text, inKey));
            } else if (INDEX.matcher(text).matches()) {
                lines.add(index(number, text));
            } else {
                TableDefinition.Attribute a = attribute(number, text, inKey);
                if (!names.add(a.name())) {
                    throw error(number, text, "attribute '" + a.name() + "' is declared twice");
                }
                lines.add(a);
            }
        }
        return new TableDefinition(comment, lines);
    }

    static DefinitionException error(int line, String text, String what) {
        return new DefinitionException("line " + line + " \"" + text + "\": " + what);
    }

    private static TableDefinition.Reference reference(int line, String text, boolean inKey) {
        Matcher m = REFERENCE.matcher(text);
        if (!m.matches()) {
            throw error(line, text, "a foreign key is written '-> [nullable, unique] Table' or"
                    + " '-> Table.proj(new_name=\"old_name\")'");
        }
        boolean nullable = false;
        boolean unique = false;
        if (m.group(1) != null && !m.group(1).isBlank()) {
            for (String option : m.group(1).split(",")) {
                switch (option.strip().toLowerCase(Locale.ROOT)) {
                    case "nullable" -> nullable = true;
                    case "unique" -> unique = true;
                    default -> throw error(line, text, "unknown foreign-key option '" + option.strip()
                            + "'; the options are nullable and unique");
                }
            }
        }
        if (nullable && inKey) {
            throw error(line, text, "primary key attributes cannot be nullable; move the reference below '---'");
        }
        Map<String, String> renames = new LinkedHashMap<>();
        if (m.group(3) != null && !m.group(3).isBlank()) {
            for (String pair : m.group(3).split(",")) {
                Matcher r = RENAME.matcher(pair);
                if (!r.matches()) {
                    throw error(line, text, "write renames as .proj(new_name='old_name', ...)");
                }
                renames.put(r.group(1), r.group(3));
            }
        }
        return new TableDefinition.Reference(line, m.group(2), inKey, nullable, unique, renames);
    }

    private static TableDefinition.IndexLine index(int line, String text) {
        Matcher m = INDEX.matcher(text);
        m.matches();
        List<String> items = new ArrayList<>();
        int depth = 0;
        StringBuilder item = new StringBuilder();
        for (char c : m.group(2).toCharArray()) {
            if (c == ',' && depth == 0) {
                items.add(item.toString().strip());
                item.setLength(0);
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            item.append(c);
        }
        items.add(item.toString().strip());
        for (String i : items) {
            if (!i.startsWith("(") && !NAME.matcher(i).matches()) {
                throw error(line, text, "index items are attribute names or parenthesised expressions; got '" + i + "'");
            }
        }
        return new TableDefinition.IndexLine(line, items, m.group(1) != null);
    }

    private static TableDefinition.Attribute attribute(int line, String text, boolean inKey) {
        String[] parts = AttributeLine.split(text);
        if (parts == null) {
            throw error(line, text, "an attribute is written 'name [= default] : type [# comment]'");
        }
        String name = parts[0];
        String defaultValue = parts[1];
        if (name.startsWith("_")) {
            throw error(line, text, "attribute '" + name + "' starts with an underscore; such names are reserved for"
                    + " platform-managed columns (_singleton, _job_start_time)");
        }
        if (!NAME.matcher(name).matches()) {
            throw error(line, text, "attribute name '" + name + "' must be lower case ASCII letters (a-z), digits and"
                    + " underscores, starting with a letter: DataJoint's attribute names are ASCII on every backend");
        }
        if (name.length() > MAX_NAME) {
            throw error(line, text, "attribute name is longer than " + MAX_NAME + " characters");
        }
        DeclaredType type;
        try {
            type = DeclaredType.parse(parts[2]);
        } catch (IllegalArgumentException e) {
            throw error(line, text, e.getMessage());
        }
        String comment = parts[3];
        if (comment.startsWith(":")) {
            throw error(line, text, "an attribute comment must not start with ':'");
        }
        boolean nullable = defaultValue != null && defaultValue.equalsIgnoreCase("null");
        if (nullable && inKey) {
            throw error(line, text, "primary key attributes cannot be nullable");
        }
        if (defaultValue != null && !nullable && type.onlyNullDefault()) {
            throw error(line, text, "the default of a " + type.text() + " attribute can only be null");
        }
        if (nullable) {
            defaultValue = "null";
        }
        return new TableDefinition.Attribute(line, name, type, inKey, nullable, defaultValue, comment);
    }
}
