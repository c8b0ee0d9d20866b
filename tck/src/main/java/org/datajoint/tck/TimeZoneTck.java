package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.datajoint.Instance;
import org.datajoint.Table;
import org.junit.jupiter.api.Test;

/**
 * Dates and times mean the same in a JVM of any default time zone, across daylight-saving
 * changes. The suite's own JVM may run in any zone (the build's {@code test.timezone}); this test
 * also starts a JVM in another zone, so that New York's DST gap and repeated hour are exercised on
 * every run.
 */
public interface TimeZoneTck extends TckTarget {

    @Test
    default void datesAndTimesAroundDaylightSavingChangesReadTheSameInEveryZone(TckContext tck) {
        Instance inst = tck.instance();
        String schema = tck.schemaName("zones");
        Table moment = inst.schema(schema).manual("Moment", TimeZoneProbe.DEFINITION);
        String here = TimeZone.getDefault().getID();
        assertEquals(TimeZoneProbe.EXPECTED, TimeZoneProbe.exercise(inst, moment, "parent", sessionTimeZoneSql()),
                "in this JVM, whose default zone is " + here);

        String other = here.equals("America/New_York") ? "UTC" : "America/New_York";
        ThreadSafeModeTck.Probe child = Tck.runJvm(tck, List.of("-Duser.timezone=" + other), TimeZoneProbe.class,
                List.of(schema, "child", sessionTimeZoneSql()), Map.of());
        assertEquals(0, child.exitCode(), child.output());
        List<String> report = child.output().lines().filter(l -> l.startsWith("report: "))
                .map(l -> l.substring("report: ".length())).toList();
        assertEquals(TimeZoneProbe.EXPECTED, report, "in a JVM whose default zone is " + other + ":\n" + child.output());

        assertEquals(rowsOf(moment, "parent").subList(0, 4), rowsOf(moment, "child").subList(0, 4),
                "the rows written in " + other + " read in " + here + " as the rows written in " + here);
    }

    private static List<Map<String, Object>> rowsOf(Table moment, String jvm) {
        return moment.restrict(Map.of("jvm", jvm)).orderBy("moment_id").toDicts().stream().map(r -> {
            Map<String, Object> copy = new java.util.HashMap<>(r);
            copy.remove("jvm");
            return copy;
        }).toList();
    }
}
