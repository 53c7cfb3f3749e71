package io.parkpulse.projects.repository;

import io.parkpulse.common.paging.Where;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.domain.ProjectFilter;
import io.parkpulse.projects.domain.ProjectNames;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Queries on projects. */
@ApplicationScoped
public class ProjectRepository {

    /**
     * One query for the names of any number of projects and their parks, so that a list of their entries loads no
     * project; a park the registry copy does not know has no name.
     */
    public static final String NAMES =
            "select p.id, p.name, k.name from Project p left join ParkReplica k on k.code = p.park"
                    + " where p.id in :ids";

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

    public Map<UUID, ProjectNames> names(Collection<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, ProjectNames> names = new HashMap<>();
        Project.getEntityManager()
                .createQuery(NAMES, Object[].class)
                .setParameter("ids", Set.copyOf(projectIds))
                .getResultList()
                .forEach(r -> names.put((UUID) r[0], new ProjectNames((String) r[1], (String) r[2])));
        return names;
    }

    public boolean existsForLead(UUID leadId) {
        return Project.count("leadId", leadId) > 0;
    }

    /** The projects of a park, or of every park when {@code park} is null. */
    public List<Project> ofPark(String park) {
        return park == null ? Project.listAll() : Project.list("park", park);
    }

    /** One page of every project, by id: what re-publishing reads. */
    public List<Project> all(int page, int size) {
        return Project.<Project>find("order by id").page(page, size).list();
    }
}
