package org.datajoint;

/**
 * Options of {@code insert}. Immutable; combine with the {@code with...} methods:
 * {@code InsertOptions.skipDuplicates().withIgnoreExtraFields()}.
 */
public final class InsertOptions {

    private static final InsertOptions DEFAULTS = new InsertOptions(false, false, false, false);

    private final boolean skipDuplicates;
    private final boolean ignoreExtraFields;
    private final boolean allowDirectInsert;
    private final boolean replace;

    private InsertOptions(boolean skipDuplicates, boolean ignoreExtraFields, boolean allowDirectInsert,
            boolean replace) {
        if (skipDuplicates && replace) {
            throw new IllegalArgumentException("skipDuplicates and replace exclude each other: choose one");
        }
        this.skipDuplicates = skipDuplicates;
        this.ignoreExtraFields = ignoreExtraFields;
        this.allowDirectInsert = allowDirectInsert;
        this.replace = replace;
    }

    /**
     * Each row replaces the rows it conflicts with, as MySQL's {@code REPLACE} and DataJoint for
     * Python do, on every backend: every stored row that has the new row's primary key, or its value
     * of any unique index, is deleted, then the new row is inserted. So one new row may replace
     * several stored ones; attributes the new row leaves out take their defaults (they do not keep
     * the old values); {@code null} conflicts with nothing; rows of one insert are applied in order,
     * so a later row replaces an earlier one. A row that rows of another table reference cannot be
     * deleted, so replacing it fails with {@link IntegrityException} and changes nothing: change such
     * a row with {@code Table.update1}. Inserting a query's rows with replace on PostgreSQL fetches
     * them first.
     */
    public static InsertOptions replace() {
        return DEFAULTS.withReplace();
    }

    /**
     * These options, replacing the rows that conflict with new ones (see {@link #replace()}).
     *
     * @throws IllegalArgumentException together with skipDuplicates
     */
    public InsertOptions withReplace() {
        return new InsertOptions(skipDuplicates, ignoreExtraFields, allowDirectInsert, true);
    }

    /** Whether new rows replace the rows they conflict with (see {@link #replace()}). */
    public boolean isReplace() {
        return replace;
    }

    /** No options: duplicates and unknown keys are errors. */
    public static InsertOptions defaults() {
        return DEFAULTS;
    }

    /** Rows whose primary key (or unique index value) already exists are skipped silently. */
    public static InsertOptions skipDuplicates() {
        return DEFAULTS.withSkipDuplicates();
    }

    /** Keys that are not attributes of the table are dropped instead of refused. */
    public static InsertOptions ignoreExtraFields() {
        return DEFAULTS.withIgnoreExtraFields();
    }

    /** These options, skipping rows that already exist. */
    public InsertOptions withSkipDuplicates() {
        return new InsertOptions(true, ignoreExtraFields, allowDirectInsert, replace);
    }

    /** These options, dropping keys that are not attributes. */
    public InsertOptions withIgnoreExtraFields() {
        return new InsertOptions(skipDuplicates, true, allowDirectInsert, replace);
    }

    /** These options, allowing inserts into imported and computed tables outside {@code populate()}. */
    public InsertOptions withAllowDirectInsert() {
        return new InsertOptions(skipDuplicates, ignoreExtraFields, true, replace);
    }

    /** Whether rows that already exist are skipped. */
    public boolean isSkipDuplicates() {
        return skipDuplicates;
    }

    /** Whether keys that are not attributes are dropped. */
    public boolean isIgnoreExtraFields() {
        return ignoreExtraFields;
    }

    /** Whether inserts into auto-populated tables are allowed. */
    public boolean isAllowDirectInsert() {
        return allowDirectInsert;
    }

    @Override
    public String toString() {
        return "InsertOptions[skipDuplicates=" + skipDuplicates + ", ignoreExtraFields=" + ignoreExtraFields
                + ", allowDirectInsert=" + allowDirectInsert + ", replace=" + replace + "]";
    }
}
