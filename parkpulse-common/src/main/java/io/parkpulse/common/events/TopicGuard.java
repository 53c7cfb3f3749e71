package io.parkpulse.common.events;

import io.parkpulse.common.config.ConsumerSettings;
import io.parkpulse.common.config.OutboxSettings;
import io.parkpulse.common.config.TopicSettings;
import io.parkpulse.common.consumer.EventHandler;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs {@link TopicCheck} for the topics this service uses: those it publishes ({@link Topics#OWNERS}), those it
 * reads and their dead-letter topics. At start, before the relay and the consumer: a topic that breaks the design
 * stops the start. A broker that does not answer does not: the outbox accepts writes without it, so the check
 * is left to the relay and the consumer, which run it before their first use of the broker ({@link #ensure}).
 */
@ApplicationScoped
public class TopicGuard {

    private static final Logger LOG = Logger.getLogger(TopicGuard.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    TopicSettings settings;

    @Inject
    TopicNames topicNames;

    @Inject
    OutboxSettings outbox;

    @Inject
    ConsumerSettings consumer;

    @Inject
    Instance<EventHandler> handlers;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    private volatile boolean checked;

    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent ev) {
        if (!outbox.enabled() && !consumer.enabled()) {
            return;
        }
        validate(settings.partitions(), settings.replicationFactor());
        LOG.infof("Kafka clients: %s", KafkaClientProperties.fromConfig().describe());
        try {
            ensure();
        } catch (TopicConfigurationException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf(
                    "Kafka topics not checked at start (%s); the relay and the consumer check them when the"
                            + " broker answers",
                    e.toString());
        }
    }

    /**
     * Checks (and creates) this service's topics unless done already; throws {@link TopicConfigurationException}
     * when one breaks the design, anything else when the broker could not be asked.
     */
    public void ensure() throws Exception {
        if (!checked) {
            check();
        }
    }

    private synchronized void check() throws Exception {
        if (checked) {
            return;
        }
        List<TopicCheck.Spec> specs = specs();
        if (specs.isEmpty()) {
            checked = true;
            return;
        }
        try (Admin admin = Admin.create(KafkaSettings.admin(bootstrap, Map.of()))) {
            TopicCheck.Result result =
                    TopicCheck.ensure(admin, topicNames.prefix(), specs, settings.replicationFactor(), TIMEOUT);
            if (!result.created().isEmpty()) {
                LOG.infof("created Kafka topics %s", result.created());
            }
            result.warnings().forEach(LOG::warn);
        }
        checked = true;
    }

    /** Owned topics, read topics and the dead-letter topics of the read ones, by plain name. */
    List<TopicCheck.Spec> specs() {
        TreeSet<String> topics = new TreeSet<>();
        Topics.OWNERS.forEach((topic, owner) -> {
            if (owner.equals(serviceName)) {
                topics.add(topic);
            }
        });
        handlers.stream().map(EventHandler::topic).forEach(t -> {
            topics.add(t);
            topics.add(Topics.deadLetter(t));
        });
        List<TopicCheck.Spec> out = new ArrayList<>();
        for (String t : topics) {
            out.add(TopicCheck.specOf(t, settings.partitions()));
        }
        return out;
    }

    static void validate(int partitions, short replicationFactor) {
        if (partitions < 1) {
            throw new IllegalStateException("parkpulse.kafka.partitions (PARKPULSE_KAFKA_PARTITIONS) is " + partitions
                    + "; it must be at least 1");
        }
        if (replicationFactor == 0 || replicationFactor < -1) {
            throw new IllegalStateException(
                    "parkpulse.kafka.replication-factor (PARKPULSE_KAFKA_REPLICATION_FACTOR) is " + replicationFactor
                            + "; it must be -1 (the broker's default) or at least 1");
        }
    }
}
