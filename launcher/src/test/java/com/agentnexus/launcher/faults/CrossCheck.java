package com.agentnexus.launcher.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A second opinion on a stream the reader found incomplete: a fresh consumer reads the
 * execution's partition of all three topics from the first offset to the end
 * ({@link KafkaEvents#readWhole}). When it finds the seqs the reader missed, the reader
 * is at fault (and the note says where they are on Kafka); when it misses them too, they
 * are not on Kafka: a loss in the execution service, with the offsets of the events
 * either side of each gap as evidence.
 */
final class CrossCheck {

    private static final int RANGES_SHOWN = 10;

    private CrossCheck() {
    }

    /** The verdict for the table's notes; nothing when the stream is complete. */
    static List<String> of(KafkaEvents kafka, ExecutionTally primary) {
        if (primary.lost() == 0 && primary.readComplete()) {
            return List.of();
        }
        List<long[]> all = primary.missingRanges();
        List<long[]> gaps = all.subList(0, Math.min(RANGES_SHOWN, all.size()));
        Map<Long, String> where = new TreeMap<>();
        ExecutionTally fresh = kafka.readWhole(primary.executionId(), seq -> around(gaps, seq), where::put);
        List<String> notes = new ArrayList<>();
        String id = primary.executionId();
        notes.add(String.format(
                "cross-check of %s: the reader (%s) missed seqs %s; a fresh read from the first "
                        + "offset (%s) received %,d events, %,d duplicated, and misses seqs %s",
                id, primary.reading(), primary.missingText(RANGES_SHOWN), fresh.reading(), fresh.received(),
                fresh.duplicated(), fresh.missingText(RANGES_SHOWN)));
        for (long[] gap : gaps) {
            notes.add(String.format("  gap %,d..%,d: seq %,d at %s, seq %,d at %s, seq %,d at %s, seq %,d at %s",
                    gap[0], gap[1], gap[0] - 1, where.getOrDefault(gap[0] - 1, "nowhere"), gap[0],
                    where.getOrDefault(gap[0], "nowhere"), gap[1], where.getOrDefault(gap[1], "nowhere"), gap[1] + 1,
                    where.getOrDefault(gap[1] + 1, "nowhere")));
        }
        notes.add(fresh.lost() == 0 && fresh.readComplete()
                ? "verdict: every seq is on Kafka; the suite's reader missed them, not the execution service"
                : "verdict: the fresh read misses them too: not on Kafka, a loss in the execution service");
        return notes;
    }

    /**
     * A seq at an edge of a gap or just outside it, whose offset shows where the gap lies
     * on Kafka.
     */
    private static boolean around(List<long[]> gaps, long seq) {
        for (long[] gap : gaps) {
            if (seq == gap[0] - 1 || seq == gap[0] || seq == gap[1] || seq == gap[1] + 1) {
                return true;
            }
        }
        return false;
    }

}
