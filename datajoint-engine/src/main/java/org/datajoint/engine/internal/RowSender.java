package org.datajoint.engine.internal;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datajoint.DataJointException;
import org.datajoint.Heading;
import org.datajoint.InsertOptions;
import org.datajoint.engine.spi.BulkLoader;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * Sends the rows of one insert call, in the caller's transaction: batches of {@value #BATCH} rows
 * as one batched INSERT each or, for a plain insert into columns the dialect's
 * {@link BulkLoader} takes, chunks of up to {@value #LOAD_CHUNK} rows as one load each. Rows are
 * converted only while a statement is being sent, so no user code runs while a load is open.
 */
final class RowSender {

    static final int BATCH = 1000;
    static final int LOAD_CHUNK = 10_000;

    /** What an INSERT statement is made for. */
    private record InsertShape(String schema, String table, List<String> columns, boolean skip, boolean replace,
            Heading heading) {
    }

    /** A rendered INSERT and the converters of its columns. */
    private record InsertPlan(String sql, List<ValueCodec> codecs) {
    }

    /** What a bulk load is made for. */
    private record LoadShape(String schema, String table, List<String> columns, Heading heading) {
    }

    /** A load's quoted names, its columns' converters and its statement; not {@code supported} when the loader cannot take every column's type. */
    private record LoadPlan(boolean supported, String table, List<String> columns, List<ValueCodec> codecs,
            String sql) {
    }

    private final TableImpl table;
    private final ConnectionImpl connection;
    private final InsertOptions options;
    private final Heading heading;
    private final boolean uuidAsBinary;
    private final BulkLoader loader;
    private final List<Object[]> batch = new ArrayList<>();
    private final boolean replaceByDeleting;
    private List<String> columns;
    private LoadPlan load;
    private Replacement replacement;
    private long sent;

    RowSender(TableImpl table, InsertOptions options, Heading heading) {
        this.table = table;
        this.connection = table.instanceConnection();
        this.options = options;
        this.heading = heading;
        this.uuidAsBinary = connection.dialect().uuidAsBinary();
        boolean plain = !options.isSkipDuplicates() && !options.isReplace();
        this.loader = plain ? connection.dialect().bulkLoader().orElse(null) : null;
        this.replaceByDeleting = options.isReplace() && !connection.dialect().replacesConflictingRows();
    }

    /** Adds a row with values for {@code names}, in that order; sends what has gathered when it is a full batch. */
    void add(List<String> names, Object[] values) {
        if (columns != names && !names.equals(columns)) {
            if (!batch.isEmpty()) {
                flush();
            }
            columns = names;
            load = loader == null ? null : loadPlan(names);
            replacement = replaceByDeleting ? Replacement.of(table, heading, names) : null;
        }
        batch.add(values);
        if (batch.size() >= (load != null ? LOAD_CHUNK : BATCH)) {
            flush();
        }
    }

    /** Sends the rows not yet sent. */
    void finish() {
        if (!batch.isEmpty()) {
            flush();
        }
    }

    private void flush() {
        if (load != null && batch.size() >= BATCH) {
            sendLoad();
        } else {
            sendBatch();
        }
        sent += batch.size();
        batch.clear();
    }

    private LoadPlan loadPlan(List<String> names) {
        LoadPlan plan = connection.plan(new LoadShape(table.schemaName(), table.tableName(), names, heading), () -> {
            List<ValueCodec> codecs = codecs(names);
            boolean supported = codecs.stream().map(ValueCodec::coreType).allMatch(t -> t != null && loader.supports(t));
            String target = table.fullTableName();
            List<String> quoted = names.stream().map(n -> connection.renderer().render(DSL.name(n))).toList();
            return new LoadPlan(supported, target, quoted, codecs, loader.statement(target, quoted));
        });
        return plan.supported() ? plan : null;
    }

    private List<ValueCodec> codecs(List<String> names) {
        return names.stream().map(c -> new ValueCodec(heading.attribute(c), uuidAsBinary)).toList();
    }

    private void sendLoad() {
        LoadPlan plan = load;
        connection.run(plan.sql(), jdbc -> {
            connection.countStatements(1);
            try (BulkLoader.Load open = loader.open(jdbc, plan.table(), plan.columns())) {
                Object[] out = new Object[plan.codecs().size()];
                for (int r = 0; r < batch.size(); r++) {
                    convert(plan.codecs(), batch.get(r), r, out);
                    open.add(out);
                }
                open.finish();
            }
            return null;
        });
    }

    private void sendBatch() {
        List<String> names = columns;
        InsertPlan plan = connection.plan(new InsertShape(table.schemaName(), table.tableName(), names,
                options.isSkipDuplicates(), options.isReplace(), heading), () -> {
                    List<Field<Object>> fields = names.stream().map(c -> DSL.field(DSL.name(c))).toList();
                    InsertValuesStepN<?> insert = connection.serverRenderer()
                            .insertInto(DSL.table(DSL.name(table.schemaName(), table.tableName())), fields)
                            .values(names.stream().map(c -> (Object) null).toList());
                    return new InsertPlan(upsertSql(table, insert, options, heading), codecs(names));
                });
        String sql = plan.sql();
        List<Object[]> converted = replacement == null ? null : replacement.clear(convertAll(plan.codecs()));
        connection.run(sql, jdbc -> {
            try (PreparedStatement ps = jdbc.prepareStatement(sql)) {
                PreparedStatement driver = ps.unwrap(PreparedStatement.class);
                Object[] out = new Object[plan.codecs().size()];
                int rows = converted == null ? batch.size() : converted.size();
                for (int r = 0; r < rows; r++) {
                    Object[] values = out;
                    if (converted == null) {
                        convert(plan.codecs(), batch.get(r), r, out);
                    } else {
                        values = converted.get(r);
                    }
                    for (int i = 0; i < values.length; i++) {
                        ValueCodec.bind(driver, i + 1, values[i]);
                    }
                    ps.addBatch();
                }
                connection.countStatements(1);
                ps.executeBatch();
            }
            return null;
        });
    }

    private List<Object[]> convertAll(List<ValueCodec> codecs) {
        List<Object[]> out = new ArrayList<>(batch.size());
        for (int r = 0; r < batch.size(); r++) {
            Object[] values = new Object[codecs.size()];
            convert(codecs, batch.get(r), r, values);
            out.add(values);
        }
        return out;
    }

    /** Converts row {@code r} of the batch into {@code out}; a value of the wrong type is reported with its row's number in the insert. */
    private void convert(List<ValueCodec> codecs, Object[] row, int r, Object[] out) {
        try {
            for (int i = 0; i < row.length; i++) {
                out[i] = Rows.storable(connection, codecs.get(i), row[i]);
            }
        } catch (DataJointException e) {
            if (e.getClass() != DataJointException.class) {
                throw e;
            }
            throw new DataJointException("Row " + (sent + r + 1) + " of the insert into " + table.className() + " "
                    + table.fullTableName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The SQL of an INSERT with what the options say about duplicates: skipped by a no-op update
     * or ON CONFLICT; for a replace, MySQL's REPLACE, or a plain INSERT after {@link Replacement}
     * has deleted the rows it replaces.
     */
    static String upsertSql(TableImpl table, org.jooq.InsertOnDuplicateStep<?> insert, InsertOptions options,
            Heading heading) {
        return sql(table, upsert(table, insert, options, heading), options);
    }

    /** The SQL of a statement made by {@link #upsert}. */
    static String sql(TableImpl table, org.jooq.Query upsert, InsertOptions options) {
        String sql = upsert.getSQL(ParamType.INDEXED);
        if (!options.isReplace() || !table.instanceConnection().dialect().replacesConflictingRows()) {
            return sql;
        }
        if (!sql.regionMatches(true, 0, "insert ", 0, 7)) {
            throw new IllegalStateException("expected an INSERT statement to turn into REPLACE: " + sql);
        }
        return "replace" + sql.substring(6);
    }

    /** The INSERT, skipping duplicates when the options say so. */
    static org.jooq.Query upsert(TableImpl table, org.jooq.InsertOnDuplicateStep<?> insert, InsertOptions options,
            Heading heading) {
        if (!options.isSkipDuplicates()) {
            return insert;
        }
        if (table.instanceConnection().dialect().skipsDuplicatesByNoOpUpdate() && !heading.primaryKey().isEmpty()) {
            Field<Object> k = DSL.field(DSL.name(table.schemaName(), table.tableName(), heading.primaryKey().get(0)));
            return insert.onDuplicateKeyUpdate().set(Map.of(k, k));
        }
        return insert.onDuplicateKeyIgnore();
    }
}
