package org.datajoint.engine.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.datajoint.DataJointException;

/**
 * Rows of an RFC 4180 CSV file with a header line, as maps of name to text, read lazily: a file
 * of any size is inserted in batches without being held in memory.
 */
final class CsvRows implements Iterable<Map<String, Object>> {

    private final Path file;
    private final Predicate<String> isText;

    private CsvRows(Path file, Predicate<String> isText) {
        this.file = file;
        this.isText = isText;
    }

    /**
     * The rows of {@code file}. An empty field becomes null unless {@code isText} says the
     * column holds text. Iteration throws a DataJointException naming the file and record for a
     * malformed row or a read error.
     */
    static Iterable<Map<String, Object>> read(Path file, Predicate<String> isText) {
        if (!Files.isReadable(file)) {
            throw new DataJointException("Cannot read " + file + ": no such readable file");
        }
        return new CsvRows(file, isText);
    }

    @Override
    public Iterator<Map<String, Object>> iterator() {
        try {
            return new Rows(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DataJointException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A header field without surrounding blanks or the byte-order mark spreadsheets write first. */
    private static String headerName(String field) {
        return (field.startsWith("\uFEFF") ? field.substring(1) : field).strip();
    }

    private final class Rows implements Iterator<Map<String, Object>>, java.io.Closeable {
        private final Records records;
        private final List<String> header;
        private Map<String, Object> next;
        private int number = 1;

        Rows(BufferedReader reader) {
            this.records = new Records(reader);
            List<String> h = records.next();
            this.header = h == null ? List.of() : h.stream().map(CsvRows::headerName).toList();
            advance();
        }

        private void advance() {
            next = null;
            List<String> fields;
            while ((fields = records.next()) != null) {
                number++;
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue;
                }
                if (fields.size() != header.size()) {
                    records.close();
                    throw new DataJointException(file + " record " + number + " has " + fields.size()
                            + " fields; the header has " + header.size());
                }
                Map<String, Object> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String v = fields.get(i);
                    row.put(header.get(i), v.isEmpty() && !isText.test(header.get(i)) ? null : v);
                }
                next = row;
                return;
            }
            records.close();
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public void close() {
            records.close();
        }

        @Override
        public Map<String, Object> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Map<String, Object> row = next;
            advance();
            return row;
        }
    }

    /** Splits a character stream into records of fields. */
    static final class Records {
        private final Reader reader;
        private boolean done;

        Records(Reader reader) {
            this.reader = reader;
        }

        /** The next record, or {@code null} at the end. */
        List<String> next() {
            if (done) {
                return null;
            }
            try {
                List<String> record = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                int c;
                boolean any = false;
                while ((c = reader.read()) >= 0) {
                    any = true;
                    if (c == '"' && field.length() == 0) {
                        quoted(field);
                    } else if (c == ',') {
                        record.add(field.toString());
                        field.setLength(0);
                    } else if (c == '\n') {
                        record.add(field.toString());
                        return record;
                    } else if (c != '\r') {
                        field.append((char) c);
                    }
                }
                done = true;
                if (!any) {
                    return null;
                }
                record.add(field.toString());
                return record;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void quoted(StringBuilder field) throws IOException {
            int q;
            while ((q = reader.read()) >= 0) {
                if (q != '"') {
                    field.append((char) q);
                    continue;
                }
                reader.mark(1);
                int after = reader.read();
                if (after == '"') {
                    field.append('"');
                } else {
                    if (after >= 0) {
                        reader.reset();
                    }
                    return;
                }
            }
        }

        void close() {
            done = true;
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
