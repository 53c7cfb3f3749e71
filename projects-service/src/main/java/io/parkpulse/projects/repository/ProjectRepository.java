package io.parkpulse.projects.repository;

import io.parkpulse.common.paging.Where;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.domain.ProjectFilter;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Queries on projects. */
@ApplicationScoped
public class ProjectRepository {

    public PanacheQuery<Project> search(ProjectFilter s, Sort sort) {
        Where where = new Where()
                .and("park = :park", "park", s.park())
                .and("stage = :stage", "stage", s.stage())
                .and("kind = :kind", "kind", s.kind())
                .and("keyLevel = :keyLevel", "keyLevel", s.keyLevel())
                .and(
                        "(lower(name) like :q escape '\\' or lower(coalesce(enterprise, '')) like :q escape '\\')",
                        "q",
                        containing(s.text()));
        return Project.find(where.query(), sort, where.params());
    }

    /** A LIKE pattern matching the text anywhere, its own wildcards taken literally; null for no text. */
    static String containing(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return "%"
                + text.strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
    }

    public boolean existsForLead(UUID leadId) {
        return Project.count("leadId", leadId) > 0;
    }

    /** The projects of a park, or of every park when {@code park} is null. */
    public List<Project> ofPark(String park) {
        return park == null ? Project.listAll() : Project.list("park", park);
    }
}
