package org.datajoint.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.datajoint.Schema;
import org.datajoint.Table;

/**
 * The demo's lab pipeline: a lookup of species, subjects, sessions with their trials as a part
 * table, and a computed per-session summary with one part row per outcome.
 */
final class DemoPipeline {

    static final String[] SUBJECTS = {"M001", "M002", "M003", "R001"};

    final Table species;
    final Table subject;
    final Table session;
    final Table trial;
    final Table summary;
    final Table outcome;

    DemoPipeline(Schema schema) {
        species = schema.lookup("Species", """
                # animal species used in the lab
                species : varchar(16)
                """, List.of(Map.of("species", "mouse"), Map.of("species", "rat")));
        subject = schema.manual("Subject", """
                # an experimental animal
                subject_id : varchar(8)
                ---
                -> Species
                date_of_birth : date
                """);
        session = schema.manual("Session", """
                # one recording session
                -> Subject
                session_id : int32
                ---
                session_date : date
                operator : varchar(32)
                """);
        trial = session.part("Trial", """
                # one trial of a session
                -> master
                trial_id : int32
                ---
                outcome : enum('hit', 'miss')
                reaction_time : float64   # seconds
                """);
        summary = schema.computed("SessionSummary", """
                # per-session performance, computed from the trials
                -> Session
                ---
                n_trials : int32
                hit_rate : decimal(4,3)   # share of trials with a hit
                mean_reaction_time : float64
                """, ctx -> {
                    List<Map<String, Object>> trials = trial.restrict(ctx.key()).toDicts();
                    Map<String, Integer> byOutcome = new LinkedHashMap<>();
                    double seconds = 0;
                    for (Map<String, Object> t : trials) {
                        byOutcome.merge((String) t.get("outcome"), 1, Integer::sum);
                        seconds += ((Number) t.get("reaction_time")).doubleValue();
                    }
                    int n = trials.size();
                    ctx.insert1(ctx.key().with(Map.of("n_trials", n,
                            "hit_rate", n == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(byOutcome.getOrDefault("hit", 0))
                                    .divide(BigDecimal.valueOf(n), 3, RoundingMode.HALF_EVEN),
                            "mean_reaction_time", n == 0 ? 0.0 : seconds / n)));
                    byOutcome.forEach((outcome, count) -> ctx.part("Outcome").insert1(
                            ctx.key().with(Map.of("outcome", outcome, "n", count))));
                });
        outcome = summary.part("Outcome", """
                # trials per outcome
                -> master
                outcome : varchar(8)
                ---
                n : int32
                """);
    }

    /** Inserts subjects, sessions and trials from a fixed seed; returns the number of rows. */
    int fill() {
        Random random = new Random(7);
        List<Map<String, Object>> subjects = new ArrayList<>();
        List<Map<String, Object>> sessions = new ArrayList<>();
        List<Map<String, Object>> trials = new ArrayList<>();
        for (int s = 0; s < SUBJECTS.length; s++) {
            String id = SUBJECTS[s];
            subjects.add(Map.of("subject_id", id, "species", id.startsWith("M") ? "mouse" : "rat",
                    "date_of_birth", LocalDate.of(2025, 1 + s, 10)));
            for (int k = 1; k <= 3; k++) {
                sessions.add(Map.of("subject_id", id, "session_id", k, "session_date",
                        LocalDate.of(2026, 3, 1).plusDays(7L * k + s), "operator", k % 2 == 0 ? "ana" : "ben"));
                for (int t = 1; t <= 20; t++) {
                    boolean hit = random.nextDouble() < 0.45 + 0.1 * k;
                    trials.add(Map.of("subject_id", id, "session_id", k, "trial_id", t,
                            "outcome", hit ? "hit" : "miss", "reaction_time",
                            Math.round((0.25 + random.nextDouble() * 0.5) * 1000) / 1000.0));
                }
            }
        }
        subject.insert(subjects);
        session.insert(sessions);
        trial.insert(trials);
        return subjects.size() + sessions.size() + trials.size();
    }
}
