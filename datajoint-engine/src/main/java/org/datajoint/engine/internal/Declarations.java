package org.datajoint.engine.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.datajoint.InsertOptions;
import org.datajoint.Table;
import org.datajoint.Tier;
import org.datajoint.engine.internal.definition.DefinitionParser;
import org.datajoint.engine.internal.definition.TableDefinition;
import org.datajoint.engine.internal.definition.TableNames;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declares tables from definition strings: parses, resolves references through the catalog,
 * plans the DDL and runs it with the lineage rows in one transaction, or binds to an existing
 * table and reports how its definition differs. A declaration that fails leaves nothing behind:
 * where the server cannot roll DDL back, and when a lookup's contents are refused, the table it
 * created is dropped again.
 */
final class Declarations {

    private static final Logger LOG = LoggerFactory.getLogger(Declarations.class);

    private final InstanceImpl instance;

    Declarations(InstanceImpl instance) {
        this.instance = instance;
    }

    /** How an existing table differs from a definition, resolved as a declaration would resolve it. */
    List<String> differences(TableImpl table, String definition) {
        TableImpl master = table.master().map(m -> (TableImpl) m).orElse(null);
        DeclarationPlan plan = DeclarationPlan.of(instance, table, table.tier(), DefinitionParser.parse(definition), master);
        return plan.differences(table.heading());
    }

    Table declare(String schema, Tier tier, String className, String definition, TableImpl master,
            List<? extends Map<String, ?>> contents) {
        String sqlName = TableNames.sqlName(tier, className, master == null ? null : master.tableName());
        return declareNamed(schema, sqlName, tier, definition, master, contents);
    }

    /** Declares a table under an explicit SQL name (platform tables such as jobs queues). */
    TableImpl declareNamed(String schema, String sqlName, Tier tier, String definition, TableImpl master,
            List<? extends Map<String, ?>> contents) {
        TableDefinition parsed = DefinitionParser.parse(definition);
        TableImpl table = new TableImpl(instance, schema, sqlName);
        DeclarationPlan plan = DeclarationPlan.of(instance, table, tier, parsed, master);
        Optional<org.datajoint.engine.spi.CatalogTable> existing = instance.catalog().table(schema, sqlName);
        boolean lineageCreated = false;
        if (existing.isPresent()) {
            List<String> differences = plan.differences(instance.catalog().heading(existing.get()));
            if (!differences.isEmpty()) {
                LOG.warn("Table {} exists with a different definition; keeping the existing table. Differences: {}",
                        table.fullTableName(), differences);
            }
        } else {
            lineageCreated = !instance.catalog().hasLineage(schema);
            create(table, plan, lineageCreated);
            LOG.info("Declared {} {}", tier, table.fullTableName());
        }
        if (!contents.isEmpty()) {
            try {
                table.insert(contents, InsertOptions.skipDuplicates());
            } catch (RuntimeException e) {
                if (existing.isEmpty()) {
                    undo(table, lineageCreated, e);
                }
                throw e;
            }
        }
        return table;
    }

    /**
     * Runs the plan's statements and writes the lineage rows in one transaction. Where DDL does
     * not roll back, a failure after the {@code CREATE TABLE} drops what the declaration made.
     */
    private void create(TableImpl table, DeclarationPlan plan, boolean lineageCreated) {
        ConnectionImpl connection = instance.connectionImpl();
        Ddl.Script script = plan.statements();
        boolean[] created = {false};
        try {
            connection.transaction(tx -> {
                script.before().forEach(connection::execute);
                connection.execute(script.create());
                created[0] = true;
                script.after().forEach(connection::execute);
                Lineage.write(instance, table, plan);
                return null;
            });
        } catch (RuntimeException e) {
            if (created[0] && !connection.dialect().transactionalDdl()) {
                undo(table, lineageCreated, e);
            }
            throw e;
        } finally {
            instance.catalog().invalidate(table.schemaName());
        }
    }

    /**
     * Drops a table this declaration created and its lineage rows, and the schema's
     * {@code ~lineage} table when the declaration created that too and it holds no other rows.
     * A failure to do so is added to {@code failure}.
     */
    private void undo(TableImpl table, boolean lineageCreated, RuntimeException failure) {
        ConnectionImpl connection = instance.connectionImpl();
        String schema = table.schemaName();
        String lineage = connection.renderer().render(DSL.name(schema, Lineage.TABLE));
        try {
            connection.transaction(tx -> {
                connection.execute(connection.serverRenderer().dropTableIfExists(DSL.name(schema, table.tableName()))
                        .getSQL());
                if (!connection.query("SELECT 1 FROM information_schema.tables WHERE table_schema = ?"
                        + " AND table_name = ?", schema, Lineage.TABLE).isEmpty()) {
                    connection.execute("DELETE FROM " + lineage + " WHERE table_name = ?", table.tableName());
                    if (lineageCreated && connection.query("SELECT 1 FROM " + lineage).isEmpty()) {
                        connection.execute("DROP TABLE " + lineage);
                    }
                }
                return null;
            });
            LOG.info("Dropped {} after its declaration failed", table.fullTableName());
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            LOG.warn("The declaration of {} failed and the table it created could not be dropped",
                    table.fullTableName(), e);
        } finally {
            instance.catalog().invalidate(schema);
        }
    }
}
