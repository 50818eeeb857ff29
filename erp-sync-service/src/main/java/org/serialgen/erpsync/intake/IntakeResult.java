package org.serialgen.erpsync.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What became of one candidate: its wo_id (where readable), the outcome, the reasons, the ERP's changed_at. */
public record IntakeResult(String woId, RecordOutcome outcome, Map<String, List<String>> reasons, Instant changedAt) {
}
