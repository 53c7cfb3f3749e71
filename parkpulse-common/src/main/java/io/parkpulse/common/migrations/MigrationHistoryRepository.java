package io.parkpulse.common.migrations;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/** The Flyway history tables, where a release with one history left the shared parts' rows. */
final class MigrationHistoryRepository {

    /**
     * Moves the rows of {@code scripts} from the main history to the part's own table, as they are (both have
     * Flyway's layout), in one transaction; nothing to do on a new database or once the part has its table.
     */
    static void moveToOwnHistory(DataSource dataSource, String mainTable, String partTable, List<String> scripts) {
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c, mainTable) || exists(c, partTable)) {
                return;
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                    PreparedStatement copy = c.prepareStatement(
                            "insert into " + partTable + " select * from " + mainTable + " where script = any(?)");
                    PreparedStatement delete =
                            c.prepareStatement("delete from " + mainTable + " where script = any(?)")) {
                s.execute("create table " + partTable + " (like " + mainTable + " including all)");
                Array names = c.createArrayOf("text", scripts.toArray());
                copy.setArray(1, names);
                copy.executeUpdate();
                delete.setArray(1, names);
                delete.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot move the history of " + partTable + " out of " + mainTable + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (ResultSet r = c.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            return r.next();
        }
    }

    private MigrationHistoryRepository() {}
}
