package org.datajoint.engine.internal.definition;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datajoint.DefinitionException;
import org.datajoint.Tier;

/** SQL table names from CamelCase class names, as DataJoint makes them. */
public final class TableNames {

    private static final Pattern CAMEL = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern INNER_CAPITAL = Pattern.compile("(?<!^)[A-Z]");
    private static final int MAX_LENGTH = 64;

    private TableNames() {
    }

    /**
     * {@code SessionTrial} → {@code session_trial}. As in DataJoint for Python, every capital after
     * the first starts a word: {@code ProcessedEMG} → {@code processed_e_m_g}, so that names agree
     * across implementations.
     */
    public static String snakeCase(String className) {
        if (className == null || !CAMEL.matcher(className).matches()) {
            throw new DefinitionException("Invalid table class name '" + className
                    + "': use CamelCase, an ASCII capital (A-Z) followed by ASCII letters and digits (for example"
                    + " SessionTrial): DataJoint's class names are ASCII on every backend");
        }
        Matcher m = INNER_CAPITAL.matcher(className);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "_" + m.group());
        }
        m.appendTail(out);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The SQL name of a table of this tier; {@code masterSqlName} is given for parts only. */
    public static String sqlName(Tier tier, String className, String masterSqlName) {
        String snake = snakeCase(className);
        String name = tier == Tier.PART ? masterSqlName + "__" + snake : tier.prefix() + snake;
        if (name.length() > MAX_LENGTH) {
            throw new DefinitionException("Table name '" + name + "' of class " + className + " is longer than "
                    + MAX_LENGTH + " characters; choose a shorter class name");
        }
        return name;
    }
}
