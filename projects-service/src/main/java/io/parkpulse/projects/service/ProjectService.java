package io.parkpulse.projects.service;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ProjectState;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.parks.KnownParks;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.domain.ProjectKind;
import io.parkpulse.projects.domain.ProjectStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.UUID;

@ApplicationScoped
public class ProjectService {

    @Inject
    Outbox outbox;

    @Inject
    KnownParks parks;

    public record NewProject(String park, String name, ProjectKind kind, String industry, String enterprise,
            BigDecimal totalInvestment) {
    }

    @Transactional
    public Project register(NewProject n, String user) {
        parks.require(n.park(), "park");
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.park = n.park();
        p.name = n.name();
        p.kind = n.kind();
        p.industry = n.industry();
        p.enterprise = n.enterprise();
        p.stage = ProjectStage.SIGNED;
        p.totalInvestment = n.totalInvestment();
        p.stampCreated(user);
        p.persist();
        Project.flush();
        outbox.publish(Topics.PROJECTS, EventTypes.PROJECT_REGISTERED, p.park, state(p));
        return p;
    }

    static ProjectState state(Project p) {
        return new ProjectState(p.id, p.park, p.name, p.kind.name(), p.stage.name(), p.totalInvestment, p.version);
    }
}
