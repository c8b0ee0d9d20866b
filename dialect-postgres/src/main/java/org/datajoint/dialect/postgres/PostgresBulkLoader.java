package org.datajoint.dialect.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.datajoint.engine.spi.BulkLoader;
import org.datajoint.engine.spi.CoreType;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads rows with {@code COPY table (columns) FROM STDIN} in text format, streamed in chunks of
 * about 64 KiB. COPY checks constraints and fires triggers as INSERT does, but it is refused on
 * tables with row-level security.
 */
final class PostgresBulkLoader implements BulkLoader {

    private static final Set<String> TYPES = Set.of("int8", "int16", "int32", "int64", "float32", "float64", "bool",
            "uuid", "bytes", "date", "datetime", "char", "varchar", "enum", "json", "decimal");
    private static final int CHUNK = 1 << 16;

    @Override
    public boolean supports(CoreType type) {
        return TYPES.contains(type.name());
    }

    @Override
    public String statement(String table, List<String> columns) {
        return "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
    }

    @Override
    public Load open(java.sql.Connection connection, String table, List<String> columns) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement(table, columns));
        return new CopyLoad(copy);
    }

    /** One COPY in progress: rows are written as text into a buffer sent whenever it fills. */
    private static final class CopyLoad implements Load {
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(CHUNK + 1024);
        private boolean done;

        CopyLoad(CopyIn copy) {
            this.copy = copy;
        }

        @Override
        public void add(Object[] row) throws SQLException {
            int mark = buffer.length();
            try {
                CopyText.appendRow(buffer, row);
            } catch (SQLException e) {
                buffer.setLength(mark);
                throw e;
            }
            if (buffer.length() >= CHUNK) {
                send();
            }
        }

        private void send() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            copy.writeToCopy(bytes, 0, bytes.length);
        }

        @Override
        public long finish() throws SQLException {
            if (buffer.length() > 0) {
                send();
            }
            done = true;
            return copy.endCopy();
        }

        @Override
        public void close() {
            if (!done && copy.isActive()) {
                done = true;
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // The server ends a cancelled COPY with an error that cancelCopy reports; the load is over either way.
                }
            }
        }
    }
}
