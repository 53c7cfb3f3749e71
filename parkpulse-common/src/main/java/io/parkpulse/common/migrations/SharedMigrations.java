package io.parkpulse.common.migrations;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The schema parts every service shares (the outbox and processed events, {@code db/messaging}; the park
 * replica, {@code db/park-replica}) keep their own Flyway history, one table per part
 * ({@code flyway_history_messaging}, …), apart from the service's own {@code flyway_schema_history}. With one
 * history the shared {@code V0_x} migrations sorted below every service's {@code V1…}: a new shared migration
 * was older than what a running database had applied, and Flyway refused to start (docs/operations.md,
 * "Upgrades"). In its own history a part's migrations only sort among themselves.
 *
 * <p>Each part is migrated before the service's own migrations, which may refer to its tables. A database made
 * by a release with one history is moved over first: the part's rows leave {@code flyway_schema_history} for
 * the part's table, unchanged, so nothing is applied twice.
 */
@ApplicationScoped
public class SharedMigrations implements FlywayConfigurationCustomizer {

    /** The parts, in the order they are migrated; their scripts are under {@code db/<part>}. */
    @ConfigProperty(name = "parkpulse.flyway.shared-parts", defaultValue = "messaging")
    List<String> parts;

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.callbacks(
                new Before(configuration.getDataSource(), List.copyOf(parts), configuration.getTable()));
    }

    /** Runs every part's migrations: called before the service's own, and usable alone in a test. */
    public static void migrate(DataSource dataSource, List<String> parts, String mainTable) {
        for (String part : parts) {
            // The part's script names as Flyway resolves them from the classpath (nothing is applied here).
            List<String> scripts = Arrays.stream(Flyway.configure()
                            .dataSource(dataSource)
                            .locations("db/" + part)
                            .table(table(part))
                            .load()
                            .info()
                            .all())
                    .map(MigrationInfo::getScript)
                    .toList();
            MigrationHistoryRepository.moveToOwnHistory(dataSource, mainTable, table(part), scripts);
        }
        for (String part : parts) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("db/" + part)
                    .table(table(part))
                    // A part's first migration finds the service's tables in the schema: that is expected.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        }
    }

    static String table(String part) {
        return "flyway_history_" + part.replace('-', '_');
    }

    private record Before(DataSource dataSource, List<String> parts, String mainTable) implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            migrate(dataSource, parts, mainTable);
        }

        @Override
        public String getCallbackName() {
            return "parkpulse-shared-migrations";
        }
    }
}
