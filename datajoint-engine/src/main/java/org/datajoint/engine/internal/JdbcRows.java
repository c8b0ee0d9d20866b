package org.datajoint.engine.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC values in and out, for the statements of {@link org.datajoint.Connection}. */
final class JdbcRows {

    private JdbcRows() {
    }

    static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; params != null && i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    /** Every row, each an insertion-ordered map of column label to JDBC value. */
    static List<Map<String, Object>> read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = md.getColumnLabel(i + 1);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                row.put(labels[i], rs.getObject(i + 1));
            }
            out.add(row);
        }
        return out;
    }
}
