package org.datajoint;

import java.util.Locale;

/**
 * A table's tier: who fills it, and the prefix of its SQL name.
 *
 * <table>
 * <caption>Tiers</caption>
 * <tr><th>tier</th><th>SQL name</th><th>filled by</th></tr>
 * <tr><td>MANUAL</td><td>{@code subject}</td><td>users and ingestion code</td></tr>
 * <tr><td>LOOKUP</td><td>{@code #species}</td><td>its contents, given at declaration</td></tr>
 * <tr><td>IMPORTED</td><td>{@code _recording}</td><td>{@code populate()} from outside data</td></tr>
 * <tr><td>COMPUTED</td><td>{@code __stats}</td><td>{@code populate()} from upstream tables</td></tr>
 * <tr><td>PART</td><td>{@code session__trial}</td><td>its master, in the same transaction</td></tr>
 * </table>
 */
public enum Tier {
    MANUAL(""), LOOKUP("#"), IMPORTED("_"), COMPUTED("__"), PART("");

    private final String prefix;

    Tier(String prefix) {
        this.prefix = prefix;
    }

    /** The SQL name prefix of a master table of this tier ({@code ""} for manual and part). */
    public String prefix() {
        return prefix;
    }

    /** Whether {@code populate()} fills tables of this tier. */
    public boolean isAutoPopulated() {
        return this == IMPORTED || this == COMPUTED;
    }

    /**
     * The tier of a table from its SQL name: {@code master__part} is a part, otherwise the prefix
     * decides. Hidden tables ({@code ~lineage}, {@code ~~jobs}) have no tier.
     *
     * @throws IllegalArgumentException for a hidden or empty name
     */
    public static Tier ofTableName(String sqlName) {
        if (sqlName == null || sqlName.isEmpty() || sqlName.startsWith("~")) {
            throw new IllegalArgumentException("no tier for table name '" + sqlName + "'");
        }
        String rest = sqlName.substring(sqlName.startsWith("__") ? 2 : sqlName.startsWith("_") || sqlName.startsWith("#") ? 1 : 0);
        if (rest.contains("__")) {
            return PART;
        }
        if (sqlName.startsWith("__")) {
            return COMPUTED;
        }
        if (sqlName.startsWith("_")) {
            return IMPORTED;
        }
        return sqlName.startsWith("#") ? LOOKUP : MANUAL;
    }

    @Override
    public String toString() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
