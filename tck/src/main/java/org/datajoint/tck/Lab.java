package org.datajoint.tck;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datajoint.Instance;
import org.datajoint.Schema;
import org.datajoint.Table;

/**
 * A small lab pipeline with known contents, for the query tests:
 * <ul>
 * <li>Experimenter: ana, ben (and cy, who ran nothing)</li>
 * <li>Subject 1..4 (species mouse, mouse, rat, rat; subject 4 has no session and no birth date)</li>
 * <li>Session (subject, session): (1,1) (1,2) (2,1) (3,1) (3,2) (3,3), each run by an experimenter;
 *     session (3,3) has notes</li>
 * <li>Session.Trial: the number of trials of each session is in {@link #TRIALS}; trial 2 has no score</li>
 * <li>Student and Course, both keyed by an unrelated {@code id}, for lineage conflicts</li>
 * </ul>
 */
final class Lab {

    /** Trials per session key (subject, session), in declaration order. */
    static final int[][] TRIALS = {{1, 1, 3}, {1, 2, 2}, {2, 1, 0}, {3, 1, 4}, {3, 2, 1}, {3, 3, 2}};

    final Instance instance;
    final Schema schema;
    final Table experimenter;
    final Table subject;
    final Table session;
    final Table trial;
    final Table student;
    final Table course;

    Lab(TckContext tck) {
        this(tck.instance(), tck.schemaName("lab"));
    }

    Lab(Instance instance, String schemaName) {
        this.instance = instance;
        this.schema = instance.schema(schemaName);
        experimenter = schema.lookup("Experimenter", """
                experimenter : varchar(16)
                ---
                full_name : varchar(64)
                """, List.of(Map.of("experimenter", "ana", "full_name", "Ana A"),
                Map.of("experimenter", "ben", "full_name", "Ben B"),
                Map.of("experimenter", "cy", "full_name", "Cy C")));
        subject = schema.manual("Subject", """
                subject_id : int32
                ---
                species : varchar(32)
                sex : enum('F', 'M', 'U')
                date_of_birth = null : date
                """);
        session = schema.manual("Session", """
                -> Subject
                session_id : int16
                ---
                -> Experimenter
                session_date : date
                notes = null : varchar(255)
                """);
        trial = session.part("Trial", """
                -> master
                trial_id : int32
                ---
                outcome : enum('hit', 'miss')
                score = null : float64
                """);
        student = schema.manual("Student", """
                id : int32
                ---
                name : varchar(32)
                """);
        course = schema.manual("Course", """
                id : int32
                ---
                title : varchar(32)
                """);
        fill();
    }

    private void fill() {
        subject.insert(List.of(
                Map.of("subject_id", 1, "species", "mouse", "sex", "F", "date_of_birth", LocalDate.of(2024, 1, 10)),
                Map.of("subject_id", 2, "species", "mouse", "sex", "M", "date_of_birth", LocalDate.of(2024, 3, 5)),
                Map.of("subject_id", 3, "species", "rat", "sex", "F", "date_of_birth", LocalDate.of(2023, 7, 1)),
                Map.of("subject_id", 4, "species", "rat", "sex", "U")));
        List<Map<String, Object>> sessions = new ArrayList<>();
        List<Map<String, Object>> trials = new ArrayList<>();
        for (int[] t : TRIALS) {
            Map<String, Object> s = new java.util.LinkedHashMap<>();
            s.put("subject_id", t[0]);
            s.put("session_id", t[1]);
            s.put("experimenter", t[0] == 3 ? "ben" : "ana");
            s.put("session_date", LocalDate.of(2024, 5, t[0] * 3 + t[1]));
            if (t[0] == 3 && t[1] == 3) {
                s.put("notes", "lights off");
            }
            sessions.add(s);
            for (int i = 1; i <= t[2]; i++) {
                Map<String, Object> tr = new java.util.LinkedHashMap<>();
                tr.put("subject_id", t[0]);
                tr.put("session_id", t[1]);
                tr.put("trial_id", i);
                tr.put("outcome", i % 2 == 1 ? "hit" : "miss");
                tr.put("score", i == 2 ? null : (double) (t[0] * 10 + i));
                trials.add(tr);
            }
        }
        session.insert(sessions);
        trial.insert(trials);
        student.insert(List.of(Map.of("id", 1, "name", "Ann"), Map.of("id", 2, "name", "Bo")));
        course.insert(List.of(Map.of("id", 1, "title", "Math"), Map.of("id", 3, "title", "Art")));
    }

    /** Whether the session (subject, session) exists. */
    static boolean sessionExists(int subject, int session) {
        for (int[] t : TRIALS) {
            if (t[0] == subject && t[1] == session) {
                return true;
            }
        }
        return false;
    }

    /** The number of trials of a subject's sessions. */
    static int trialsOf(int subject) {
        int n = 0;
        for (int[] t : TRIALS) {
            n += t[0] == subject ? t[2] : 0;
        }
        return n;
    }

    /** The number of trials in all sessions. */
    static int totalTrials() {
        int n = 0;
        for (int[] t : TRIALS) {
            n += t[2];
        }
        return n;
    }
}
