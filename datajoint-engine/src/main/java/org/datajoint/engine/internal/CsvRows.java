package org.datajoint.engine.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.datajoint.DataJointException;

/** Rows of an RFC 4180 CSV file with a header line, as maps of name to text. */
final class CsvRows {

    private CsvRows() {
    }

    /**
     * Reads every row. An empty field becomes null unless {@code isText} says the column holds text.
     *
     * @throws DataJointException naming the file and line for a malformed row
     */
    static List<Map<String, Object>> read(Path file, Predicate<String> isText) {
        List<List<String>> records;
        try {
            records = parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DataJointException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue;
            }
            if (fields.size() != header.size()) {
                throw new DataJointException(file + " record " + (r + 1) + " has " + fields.size() + " fields; the header"
                        + " has " + header.size());
            }
            Map<String, Object> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String v = fields.get(i);
                row.put(header.get(i), v.isEmpty() && !isText.test(header.get(i)) ? null : v);
            }
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == '"' && field.length() == 0) {
                while (i < text.length()) {
                    char q = text.charAt(i++);
                    if (q != '"') {
                        field.append(q);
                    } else if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
