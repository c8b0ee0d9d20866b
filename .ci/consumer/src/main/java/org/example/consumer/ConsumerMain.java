package org.example.consumer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.datajoint.DataJoint;
import org.datajoint.DropOptions;
import org.datajoint.Instance;
import org.datajoint.Proj;
import org.datajoint.Schema;
import org.datajoint.Table;

/**
 * A program that uses DataJoint as a dependency, as a user's project would: the server comes from
 * the {@code DJ_*} environment, the dialect from the class path. It declares two tables in a
 * schema of its own, inserts, runs a join, a restriction by text and an aggregation, prints what
 * came back, and drops the schema.
 */
public final class ConsumerMain {

    private ConsumerMain() {
    }

    /** Entry point; prints one {@code consumer:} line per result. */
    public static void main(String[] args) {
        String schemaName = "ci_consumer_" + ProcessHandle.current().pid();
        try (Instance db = DataJoint.instance().build()) {
            System.out.println("consumer: " + db.connection().backend() + " on " + db.connection().server());
            Schema lab = db.schema(schemaName);
            try {
                run(lab);
            } finally {
                lab.drop(DropOptions.noPrompt());
            }
        }
    }

    private static void run(Schema lab) {
        Table subject = lab.manual("Subject", "subject_id : varchar(8)\n---\nspecies : varchar(16)\n");
        Table session = lab.manual("Session", "-> Subject\nsession_id : int32\n---\nsession_date : date\n");
        subject.insert(List.of(Map.of("subject_id", "M001", "species", "mouse"),
                Map.of("subject_id", "M002", "species", "mouse"), Map.of("subject_id", "R001", "species", "rat")));
        session.insert(List.of(
                Map.of("subject_id", "M001", "session_id", 1, "session_date", LocalDate.of(2026, 3, 1)),
                Map.of("subject_id", "M001", "session_id", 2, "session_date", LocalDate.of(2026, 3, 8)),
                Map.of("subject_id", "R001", "session_id", 1, "session_date", LocalDate.of(2026, 3, 2))));
        String mouseSessions = subject.join(session).restrict("species = 'mouse'")
                .orderBy("subject_id", "session_id").toDicts().stream()
                .map(r -> r.get("subject_id") + "/" + r.get("session_id") + "@" + r.get("session_date"))
                .collect(Collectors.joining(", "));
        System.out.println("consumer: mouse sessions: " + mouseSessions);
        String perSubject = subject.aggr(session, Proj.key().compute("n", "count(session_id)")).orderBy("subject_id")
                .toDicts().stream().map(r -> r.get("subject_id") + "=" + r.get("n"))
                .collect(Collectors.joining(", "));
        System.out.println("consumer: sessions per subject: " + perSubject);
    }
}
