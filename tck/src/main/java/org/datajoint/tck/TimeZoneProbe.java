package org.datajoint.tck;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datajoint.DataJoint;
import org.datajoint.Instance;
import org.datajoint.Proj;
import org.datajoint.QueryExpression;
import org.datajoint.Table;

/**
 * Writes and reads dates and times around America/New_York's daylight-saving changes of 2026 and
 * reports what came back, one line per observation. {@link TimeZoneTck} runs it in its own JVM
 * and in a child JVM in another default zone; both reports must be {@link #EXPECTED}. Connection
 * settings of the child come from {@code DJ_*}.
 */
public final class TimeZoneProbe {

    /** 02:00 to 03:00 on 8 March 2026 does not exist in New York: clocks jump from 02:00 EST to 03:00 EDT. */
    static final LocalDateTime GAP = LocalDateTime.of(2026, 3, 8, 2, 30);
    /** 01:00 to 02:00 on 1 November 2026 happens twice in New York, first in EDT, then in EST. */
    static final LocalDateTime OVERLAP = LocalDateTime.of(2026, 11, 1, 1, 30);
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** The table the probe writes to, one row set per JVM. */
    static final String DEFINITION = """
            jvm : varchar(8)
            moment_id : int32
            ---
            at = null : datetime
            at_micro = null : datetime(6)
            day = null : date
            stamp = null : timestamp
            clock = null : time
            """;

    /** What every JVM must report, whatever its default zone. */
    static final List<String> EXPECTED = List.of(
            "session zone is UTC: true",
            "1: at=2026-03-08T02:30 LocalDateTime, at_micro=2026-03-08T02:30:00.123456 LocalDateTime,"
                    + " day=2026-03-08 LocalDate, stamp=2026-03-08T02:30 LocalDateTime, clock=02:30 LocalTime",
            "2: at=2026-11-01T01:30 LocalDateTime, at_micro=2026-11-01T01:59:59.999999 LocalDateTime,"
                    + " day=2026-11-01 LocalDate, stamp=2026-11-01T01:30 LocalDateTime, clock=01:30 LocalTime",
            "3: at=2026-11-01T01:30 LocalDateTime, at_micro=2026-11-01T01:59:59.999999 LocalDateTime,"
                    + " day=2026-03-08 LocalDate, stamp=2026-11-01T01:30 LocalDateTime, clock=02:30 LocalTime",
            "4: at=2026-03-08T07:30 LocalDateTime, at_micro=2026-11-01T06:30 LocalDateTime,"
                    + " day=2026-11-01 LocalDate, stamp=null, clock=null",
            "5: a Timestamp of 02:30 on 8 March comes back as the LocalDateTime it shows: true",
            "at = GAP: [1]",
            "at = Timestamp of OVERLAP: [2, 3]",
            "at_micro = 01:59:59.999999 on 1 November: [2, 3]",
            "day = java.sql.Date of 8 March: [1, 3]",
            "at = '2026-03-08 02:30:00' as SQL text: [1]",
            "at within the repeated hour as SQL text: [2, 3]",
            "stamp = GAP: [1]",
            "clock = java.sql.Time of 02:30: [1, 3]",
            "computed on 1: at_day=2026-03-08 LocalDate, at_clock=02:30 LocalTime");

    private TimeZoneProbe() {
    }

    /**
     * Entry point.
     *
     * @param args schema name, this JVM's label, and a query returning the session's time zone
     */
    public static void main(String[] args) {
        try (Instance inst = DataJoint.instance().build()) {
            Table moment = inst.schema(args[0]).table("Moment");
            for (String line : exercise(inst, moment, args[1], args[2])) {
                System.out.println("report: " + line);
            }
        }
        System.exit(0);
    }

    /**
     * Writes this JVM's rows, reads them back by every kind of restriction, and reports. Row 5
     * holds a java.sql.Timestamp made from {@link #GAP}, which shows 03:30 in New York (the
     * Timestamp cannot hold the missing time) and 02:30 elsewhere; restrictions leave it out.
     */
    static List<String> exercise(Instance inst, Table moment, String jvm, String sessionZoneSql) {
        List<String> report = new ArrayList<>();
        String zone = inst.connection().query(sessionZoneSql).get(0).values().iterator().next().toString();
        report.add("session zone is UTC: " + ZoneId.of(zone).normalized().equals(ZoneOffset.UTC));
        Timestamp gapStamp = Timestamp.valueOf(GAP);
        moment.insert(List.of(
                row(jvm, 1, GAP, GAP.withNano(123_456_000), LocalDate.of(2026, 3, 8), GAP, LocalTime.of(2, 30)),
                row(jvm, 2, OVERLAP, LocalDateTime.of(2026, 11, 1, 1, 59, 59, 999_999_000), LocalDate.of(2026, 11, 1),
                        OVERLAP, LocalTime.of(1, 30)),
                row(jvm, 3, Timestamp.valueOf(OVERLAP), Timestamp.valueOf("2026-11-01 01:59:59.999999"),
                        java.sql.Date.valueOf("2026-03-08"), Timestamp.valueOf(OVERLAP), java.sql.Time.valueOf("02:30:00")),
                row(jvm, 4, ZonedDateTime.of(GAP, NEW_YORK), OffsetDateTime.of(OVERLAP, ZoneOffset.ofHours(-5)),
                        LocalDate.of(2026, 11, 1), null, null),
                row(jvm, 5, gapStamp, null, null, null, null)));
        QueryExpression mine = moment.restrict(Map.of("jvm", jvm));
        for (int id = 1; id <= 4; id++) {
            Map<String, Object> r = mine.restrict(Map.of("moment_id", id)).fetch1();
            report.add(id + ": at=" + shown(r.get("at")) + ", at_micro=" + shown(r.get("at_micro")) + ", day="
                    + shown(r.get("day")) + ", stamp=" + shown(r.get("stamp")) + ", clock=" + shown(r.get("clock")));
        }
        Object back = mine.restrict(Map.of("moment_id", 5)).fetch1("at").get("at");
        report.add("5: a Timestamp of 02:30 on 8 March comes back as the LocalDateTime it shows: "
                + (back instanceof LocalDateTime t && t.equals(gapStamp.toLocalDateTime()) && Timestamp.valueOf(t).equals(gapStamp)));
        mine = mine.restrict("moment_id <= 4");
        report.add("at = GAP: " + ids(mine.restrict(Map.of("at", GAP))));
        report.add("at = Timestamp of OVERLAP: " + ids(mine.restrict(Map.of("at", Timestamp.valueOf(OVERLAP)))));
        report.add("at_micro = 01:59:59.999999 on 1 November: "
                + ids(mine.restrict(Map.of("at_micro", LocalDateTime.of(2026, 11, 1, 1, 59, 59, 999_999_000)))));
        report.add("day = java.sql.Date of 8 March: " + ids(mine.restrict(Map.of("day", java.sql.Date.valueOf("2026-03-08")))));
        report.add("at = '2026-03-08 02:30:00' as SQL text: " + ids(mine.restrict("at = '2026-03-08 02:30:00'")));
        report.add("at within the repeated hour as SQL text: "
                + ids(mine.restrict("at >= '2026-11-01 01:00:00' AND at < '2026-11-01 02:00:00'")));
        report.add("stamp = GAP: " + ids(mine.restrict(Map.of("stamp", GAP))));
        report.add("clock = java.sql.Time of 02:30: " + ids(mine.restrict(Map.of("clock", java.sql.Time.valueOf("02:30:00")))));
        Map<String, Object> computed = mine.restrict(Map.of("moment_id", 1))
                .proj(Proj.key().compute("at_day", "date(at)").compute("at_clock", "cast(at as time)")).fetch1();
        report.add("computed on 1: at_day=" + shown(computed.get("at_day")) + ", at_clock=" + shown(computed.get("at_clock")));
        return report;
    }

    private static Map<String, Object> row(String jvm, int id, Object at, Object atMicro, Object day, Object stamp, Object clock) {
        Map<String, Object> row = new HashMap<>();
        row.put("jvm", jvm);
        row.put("moment_id", id);
        row.put("at", at);
        row.put("at_micro", atMicro);
        row.put("day", day);
        row.put("stamp", stamp);
        row.put("clock", clock);
        return row;
    }

    private static String shown(Object value) {
        return value == null ? "null" : value + " " + value.getClass().getSimpleName();
    }

    private static List<Integer> ids(QueryExpression q) {
        return q.orderBy("moment_id").column("moment_id", Integer.class);
    }
}
