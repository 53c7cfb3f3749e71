package io.parkpulse.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.common.events.TopicCheck.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which existing topics break the design, decided without a broker. */
class TopicCheckTest {

    static final Map<String, String> KEPT_FOREVER =
            Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1");
    static final Map<String, String> COMPACTED =
            Map.of("cleanup.policy", "compact", "retention.ms", "604800000", "retention.bytes", "-1");

    static List<String> problems(String topic, int partitions, Map<String, String> config) {
        return TopicCheck.problems(TopicCheck.specOf(topic, 3), "p." + topic, partitions, config);
    }

    @Test
    void specs() {
        assertEquals(Kind.HISTORY, TopicCheck.specOf(Topics.INDICATORS, 3).kind());
        assertEquals(Kind.COMPACTED, TopicCheck.specOf(Topics.PARKS, 3).kind());
        var dlq = TopicCheck.specOf(Topics.deadLetter(Topics.PARKS), 3);
        assertEquals(Kind.DEAD_LETTER, dlq.kind());
        assertEquals(1, dlq.partitions());
        assertEquals(6, TopicCheck.specOf(Topics.PROJECTS, 6).partitions());
        assertEquals("-1", TopicCheck.specOf(Topics.PROJECTS, 3).configs().get("retention.ms"));
        assertEquals("compact", TopicCheck.specOf(Topics.PARKS, 3).configs().get("cleanup.policy"));
    }

    @Test
    void topicsAsDocumentedAreAccepted() {
        assertEquals(List.of(), problems(Topics.INDICATORS, 3, KEPT_FOREVER));
        assertEquals(List.of(), problems(Topics.INDICATORS, 6, KEPT_FOREVER), "more partitions are fine");
        // A compact-only topic deletes nothing by age or size, whatever retention says.
        assertEquals(List.of(), problems(Topics.PARKS, 3, COMPACTED));
        assertEquals(
                List.of(), problems(Topics.PARKS, 3, Map.of("cleanup.policy", "compact,delete", "retention.ms", "-1")));
    }

    @Test
    void aHistoryWithFiniteRetentionIsRefusedNamingTopicSettingAndFix() {
        List<String> p =
                problems(Topics.INDICATORS, 3, Map.of("cleanup.policy", "delete", "retention.ms", "604800000"));
        assertEquals(1, p.size(), p.toString());
        String m = p.get(0);
        assertTrue(m.contains("p.parkpulse.indicators"), m);
        assertTrue(m.contains("retention.ms=604800000"), m);
        assertTrue(m.contains("7 days"), m);
        assertTrue(m.contains("--entity-name p.parkpulse.indicators --add-config retention.ms=-1"), m);
        assertTrue(m.contains("KafkaTopic"), m);

        List<String> bytes =
                problems(Topics.PROJECTS, 3, Map.of("retention.ms", "-1", "retention.bytes", "1073741824"));
        assertEquals(1, bytes.size(), bytes.toString());
        assertTrue(bytes.get(0).contains("retention.bytes=1073741824"), bytes.get(0));
    }

    @Test
    void aCompactedHistoryIsRefused() {
        List<String> p = problems(Topics.INVESTMENT, 3, Map.of("cleanup.policy", "compact", "retention.ms", "-1"));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("cleanup.policy=compact"), p.get(0));
        assertTrue(p.get(0).contains("--add-config cleanup.policy=delete"), p.get(0));
    }

    @Test
    void anUncompactedParkRegistryIsRefused() {
        List<String> p = problems(Topics.PARKS, 3, KEPT_FOREVER);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("p.parkpulse.parks has cleanup.policy=delete"), p.get(0));
        assertTrue(p.get(0).contains("--add-config cleanup.policy=compact"), p.get(0));

        List<String> both =
                problems(Topics.PARKS, 3, Map.of("cleanup.policy", "compact,delete", "retention.ms", "86400000"));
        assertEquals(1, both.size(), both.toString());
        assertTrue(both.get(0).contains("retention.ms=86400000"), both.get(0));
    }

    @Test
    void fewerPartitionsThanConfiguredAreRefused() {
        List<String> p = problems(Topics.ASSESSMENTS, 1, KEPT_FOREVER);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("p.parkpulse.assessments has 1 partitions"), p.get(0));
        assertTrue(p.get(0).contains("parkpulse.kafka.partitions=3"), p.get(0));
        assertTrue(p.get(0).contains("--partitions 3"), p.get(0));
    }

    @Test
    void everyProblemOfATopicIsNamed() {
        assertEquals(
                3,
                problems(Topics.INDICATORS, 1, Map.of("cleanup.policy", "compact,delete", "retention.ms", "1000"))
                        .size());
    }

    @Test
    void deadLetterTopicsAreNotRefused() {
        assertEquals(List.of(), problems(Topics.deadLetter(Topics.INDICATORS), 1, Map.of("retention.ms", "604800000")));
    }

    @Test
    void theRefusalListsEveryProblem() {
        var e = new TopicConfigurationException(List.of("topic a has x", "topic b has y"));
        assertTrue(e.getMessage().contains("does not start"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  - topic a has x\n  - topic b has y"), e.getMessage());
    }

    @Test
    void readableRetention() {
        assertEquals("7 days", TopicCheck.readable("604800000"));
        assertEquals("3 hours", TopicCheck.readable("10800000"));
        assertEquals("1000 ms", TopicCheck.readable("1000"));
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        TopicGuard.validate(3, (short) -1);
        TopicGuard.validate(1, (short) 3);
        for (Runnable bad : List.<Runnable>of(
                () -> TopicGuard.validate(0, (short) -1),
                () -> TopicGuard.validate(3, (short) 0),
                () -> TopicGuard.validate(3, (short) -2))) {
            try {
                bad.run();
                throw new AssertionError("accepted");
            } catch (IllegalStateException expected) {
                assertTrue(expected.getMessage().contains("parkpulse.kafka."), expected.getMessage());
            }
        }
    }
}
