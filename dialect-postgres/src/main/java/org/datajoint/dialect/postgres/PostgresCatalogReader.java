package org.datajoint.dialect.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datajoint.engine.spi.CatalogColumn;
import org.datajoint.engine.spi.CatalogBuilder;
import org.datajoint.engine.spi.CatalogTable;

/** Reads the catalog of PostgreSQL schemas from pg_catalog in four queries. */
final class PostgresCatalogReader {

    private static final Pattern CAST_LITERAL = Pattern.compile("^('(?:[^']|'')*')::.*$");
    private static final Pattern CAST_NUMBER = Pattern.compile("^\\(?(-?[0-9.eE+-]+)\\)?(::.*)?$");

    private static final String TABLES = "SELECT n.nspname, c.relname, obj_description(c.oid, 'pg_class')"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY(?) ORDER BY n.nspname, c.relname";
    private static final String COLUMNS = "SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),"
            + " NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid), col_description(c.oid, a.attnum), a.attidentity,"
            + " (SELECT string_agg(quote_literal(e.enumlabel), ',' ORDER BY e.enumsortorder) FROM pg_enum e"
            + " WHERE e.enumtypid = a.atttypid)"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND n.nspname = ANY(?)"
            + " ORDER BY n.nspname, c.relname, a.attnum";
    private static final String INDEXES = "SELECT n.nspname, c.relname, i.relname, ix.indisunique, ix.indisprimary,"
            + " pg_get_indexdef(ix.indexrelid, k.ord, true)"
            + " FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class c ON c.oid = ix.indrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " CROSS JOIN LATERAL generate_series(1, ix.indnkeyatts) AS k(ord)"
            + " WHERE n.nspname = ANY(?) ORDER BY n.nspname, c.relname, i.relname, k.ord";
    private static final String FOREIGN_KEYS = "SELECT n.nspname, c.relname, con.conname, a.attname, pn.nspname,"
            + " pc.relname, pa.attname FROM pg_constraint con"
            + " JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_class pc ON pc.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace"
            + " CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(att, patt, ord)"
            + " JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.att"
            + " JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = k.patt"
            + " WHERE con.contype = 'f' AND n.nspname = ANY(?) ORDER BY n.nspname, c.relname, con.conname, k.ord";

    private PostgresCatalogReader() {
    }

    static List<CatalogTable> read(Connection c, List<String> schemas) throws SQLException {
        if (schemas.isEmpty()) {
            return List.of();
        }
        Array names = c.createArrayOf("text", schemas.toArray());
        CatalogBuilder catalog = new CatalogBuilder();
        query(c, TABLES, names, rs -> catalog.table(rs.getString(1), rs.getString(2), rs.getString(3)));
        query(c, COLUMNS, names, rs -> {
            String enumValues = rs.getString(9);
            String type = enumValues != null ? "enum(" + enumValues + ")" : rs.getString(4);
            String rawDefault = rs.getString(6);
            boolean generated = (rs.getString(8) != null && !rs.getString(8).isEmpty())
                    || (rawDefault != null && rawDefault.startsWith("nextval("));
            catalog.column(rs.getString(1), rs.getString(2), new CatalogColumn(rs.getString(3), type, rs.getBoolean(5),
                    generated ? null : defaultValue(rawDefault), rs.getString(7), generated));
        });
        query(c, INDEXES, names, rs -> {
            String column = unquote(rs.getString(6));
            if (rs.getBoolean(5)) {
                catalog.primaryKeyColumn(rs.getString(1), rs.getString(2), column);
            } else {
                catalog.indexColumn(rs.getString(1), rs.getString(2), rs.getString(3), column, rs.getBoolean(4));
            }
        });
        query(c, FOREIGN_KEYS, names, rs -> catalog.foreignKeyColumn(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
        return catalog.build();
    }

    static List<String> referencingSchemas(Connection c, List<String> schemas) throws SQLException {
        if (schemas.isEmpty()) {
            return List.of();
        }
        Array names = c.createArrayOf("text", schemas.toArray());
        List<String> out = new java.util.ArrayList<>();
        query(c, "SELECT DISTINCT n.nspname FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class pc ON pc.oid = con.confrelid"
                + " JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE con.contype = 'f' AND pn.nspname = ANY(?)"
                + " AND n.nspname <> ALL(?) ORDER BY 1", names, rs -> out.add(rs.getString(1)));
        return out;
    }

    /** Normalises a default expression: casts removed from literals, now() as CURRENT_TIMESTAMP. */
    static String defaultValue(String raw) {
        if (raw == null || raw.equalsIgnoreCase("NULL") || raw.startsWith("NULL::")) {
            return null;
        }
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("now()") || lower.startsWith("current_timestamp") || lower.startsWith("localtimestamp")) {
            return "CURRENT_TIMESTAMP";
        }
        Matcher m = CAST_LITERAL.matcher(raw);
        if (m.matches()) {
            return m.group(1);
        }
        m = CAST_NUMBER.matcher(raw);
        if (m.matches()) {
            return m.group(1);
        }
        return raw;
    }

    private static String unquote(String identifier) {
        return identifier.startsWith("\"") && identifier.endsWith("\"")
                ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"") : identifier;
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Array names, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setArray(i, names);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }
}
