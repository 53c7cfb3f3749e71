package io.parkpulse.indicators.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.common.events.TopicCheck;
import io.parkpulse.common.events.TopicConfigurationException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.SharedInfra;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

/**
 * {@link TopicCheck} against the build's broker: topics pre-created the wrong way are refused by name, setting and
 * fix, a right one is accepted, missing ones are created with the configured partitions. Runs under a prefix of
 * its own, like every test JVM sharing the broker (InfraTestResource), and removes its topics afterwards. The
 * rules themselves are tested without a broker in parkpulse-common's TopicCheckTest.
 */
class TopicCheckBrokerTest {

    /** Not the test broker's num.partitions (3), so a created topic shows it got the configured count. */
    static final int PARTITIONS = 2;

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void topicsThatBreakTheDesignAreRefusedMissingOnesCreatedRightOnesAccepted() throws Exception {
        String prefix = "topic-check-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfra.endpoints().kafkaBootstrap()))) {
            try {
                admin.createTopics(List.of(
                                topic(prefix + Topics.INDICATORS, PARTITIONS, Map.of("retention.ms", "604800000")),
                                topic(prefix + Topics.PARKS, PARTITIONS, Map.of("retention.ms", "-1")),
                                topic(prefix + Topics.PROJECTS, 1, Map.of("retention.ms", "-1")),
                                topic(
                                        prefix + Topics.INVESTMENT,
                                        PARTITIONS,
                                        Map.of("retention.ms", "-1", "retention.bytes", "-1"))))
                        .all()
                        .get(20, TimeUnit.SECONDS);
                List<TopicCheck.Spec> all = List.of(
                        TopicCheck.specOf(Topics.INDICATORS, PARTITIONS),
                        TopicCheck.specOf(Topics.PARKS, PARTITIONS),
                        TopicCheck.specOf(Topics.PROJECTS, PARTITIONS),
                        TopicCheck.specOf(Topics.INVESTMENT, PARTITIONS),
                        TopicCheck.specOf(Topics.ASSESSMENTS, PARTITIONS),
                        TopicCheck.specOf(Topics.deadLetter(Topics.ASSESSMENTS), PARTITIONS));

                var refused = assertThrows(
                        TopicConfigurationException.class,
                        () -> TopicCheck.ensure(admin, prefix, all, (short) -1, TIMEOUT));

                List<String> problems = refused.problems();
                assertEquals(3, problems.size(), refused.getMessage());
                String retention = one(problems, prefix + Topics.INDICATORS + " ");
                assertTrue(retention.contains("retention.ms=604800000"), retention);
                assertTrue(
                        retention.contains(
                                "--entity-name " + prefix + Topics.INDICATORS + " --add-config retention.ms=-1"),
                        retention);
                String parks = one(problems, prefix + Topics.PARKS + " ");
                assertTrue(parks.contains("cleanup.policy=delete"), parks);
                assertTrue(parks.contains("--add-config cleanup.policy=compact"), parks);
                String partitions = one(problems, prefix + Topics.PROJECTS + " ");
                assertTrue(
                        partitions.contains("has 1 partitions, fewer than parkpulse.kafka.partitions=2"), partitions);
                assertTrue(refused.getMessage().contains("does not start"), refused.getMessage());
                assertTrue(problems.stream().noneMatch(p -> p.contains(Topics.INVESTMENT)), refused.getMessage());

                // The missing topics were created all the same, each with the configured partitions and config.
                var created = described(
                        admin, List.of(prefix + Topics.ASSESSMENTS, prefix + Topics.deadLetter(Topics.ASSESSMENTS)));
                assertEquals(
                        PARTITIONS,
                        created.get(prefix + Topics.ASSESSMENTS).partitions().size());
                assertEquals(
                        1,
                        created.get(prefix + Topics.deadLetter(Topics.ASSESSMENTS))
                                .partitions()
                                .size());
                ConfigResource assessments = new ConfigResource(ConfigResource.Type.TOPIC, prefix + Topics.ASSESSMENTS);
                Config config = admin.describeConfigs(List.of(assessments))
                        .all()
                        .get(20, TimeUnit.SECONDS)
                        .get(assessments);
                assertEquals("-1", config.get("retention.ms").value());
                assertEquals("delete", config.get("cleanup.policy").value());

                // Topics as documented, pre-created or created a moment ago, are accepted.
                var accepted = TopicCheck.ensure(
                        admin,
                        prefix,
                        List.of(
                                TopicCheck.specOf(Topics.INVESTMENT, PARTITIONS),
                                TopicCheck.specOf(Topics.ASSESSMENTS, PARTITIONS),
                                TopicCheck.specOf(Topics.deadLetter(Topics.ASSESSMENTS), PARTITIONS)),
                        (short) -1,
                        TIMEOUT);
                assertEquals(List.of(), accepted.created());
            } finally {
                var mine = admin.listTopics().names().get(20, TimeUnit.SECONDS).stream()
                        .filter(n -> n.startsWith(prefix))
                        .toList();
                admin.deleteTopics(mine).all().get(20, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The topics as the broker describes them. A topic the controller has just created can be unknown to the broker
     * for a moment (KRaft hands it the new metadata asynchronously), so an UnknownTopicOrPartitionException is
     * asked again until {@link #TIMEOUT}; any other failure, or a topic still unknown then, fails the test.
     */
    static Map<String, TopicDescription> described(Admin admin, List<String> names) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get(20, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
                        || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    static NewTopic topic(String name, int partitions, Map<String, String> config) {
        return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(config);
    }

    static String one(List<String> problems, String about) {
        List<String> found = problems.stream().filter(p -> p.contains(about)).toList();
        assertEquals(1, found.size(), "one problem about " + about + " in " + problems);
        return found.get(0);
    }
}
