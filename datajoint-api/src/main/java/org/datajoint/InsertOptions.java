package org.datajoint;

/**
 * Options of {@code insert}. Immutable; combine with the {@code with...} methods:
 * {@code InsertOptions.skipDuplicates().withIgnoreExtraFields()}.
 */
public final class InsertOptions {

    private static final InsertOptions DEFAULTS = new InsertOptions(false, false, false);

    private final boolean skipDuplicates;
    private final boolean ignoreExtraFields;
    private final boolean allowDirectInsert;

    private InsertOptions(boolean skipDuplicates, boolean ignoreExtraFields, boolean allowDirectInsert) {
        this.skipDuplicates = skipDuplicates;
        this.ignoreExtraFields = ignoreExtraFields;
        this.allowDirectInsert = allowDirectInsert;
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
        return new InsertOptions(true, ignoreExtraFields, allowDirectInsert);
    }

    /** These options, dropping keys that are not attributes. */
    public InsertOptions withIgnoreExtraFields() {
        return new InsertOptions(skipDuplicates, true, allowDirectInsert);
    }

    /** These options, allowing inserts into imported and computed tables outside {@code populate()}. */
    public InsertOptions withAllowDirectInsert() {
        return new InsertOptions(skipDuplicates, ignoreExtraFields, true);
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
                + ", allowDirectInsert=" + allowDirectInsert + "]";
    }
}
