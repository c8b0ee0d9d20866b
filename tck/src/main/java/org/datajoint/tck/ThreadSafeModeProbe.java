package org.datajoint.tck;

import java.util.function.Supplier;
import org.datajoint.DataJoint;
import org.datajoint.DropOptions;
import org.datajoint.Instance;
import org.datajoint.Schema;
import org.datajoint.ThreadSafetyException;

/**
 * Run in a child JVM by {@link ThreadSafeModeTck}: exercises the global pattern, or checks that it
 * is refused in thread-safe mode while instances keep working. Connection settings come from the
 * {@code DJ_*} environment. Prints one line per observation.
 */
public final class ThreadSafeModeProbe {

    private ThreadSafeModeProbe() {
    }

    /**
     * Entry point.
     *
     * @param args {@code threadsafe} or {@code global}, then a schema name to create and drop
     */
    public static void main(String[] args) {
        String schema = args[1];
        if (args[0].equals("threadsafe")) {
            System.out.println("thread-safe mode: " + DataJoint.isThreadSafe());
            attempt("config", DataJoint::config);
            attempt("conn", DataJoint::conn);
            attempt("schema", () -> DataJoint.schema(schema));
            attempt("freeTable", () -> DataJoint.freeTable(schema + ".t"));
            try (Instance inst = DataJoint.instance().build()) {
                Schema s = inst.schema(schema);
                System.out.println("instance schema exists: " + s.exists());
                System.out.println("instance schema dropped: " + s.drop(DropOptions.noPrompt()));
            }
        } else {
            System.out.println("global config same object: " + (DataJoint.config() == DataJoint.config()));
            DataJoint.config().set("safemode", false);
            System.out.println("global conn query: " + DataJoint.conn().query("SELECT 1 AS one").size());
            Schema s = DataJoint.schema(schema);
            System.out.println("global schema exists: " + s.exists());
            System.out.println("global freeTable exists: " + DataJoint.freeTable(schema + ".nothing_here").isDeclared());
            System.out.println("global schema dropped: " + s.drop());
        }
        System.exit(0);
    }

    private static void attempt(String what, Supplier<?> action) {
        try {
            action.get();
            System.out.println(what + ": no exception");
        } catch (ThreadSafetyException e) {
            System.out.println(what + ": ThreadSafetyException: " + e.getMessage());
        }
    }
}
