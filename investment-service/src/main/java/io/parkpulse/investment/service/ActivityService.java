package io.parkpulse.investment.service;

import io.parkpulse.common.error.Problem;
import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ActivityState;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.parks.KnownParks;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.investment.domain.Activity;
import io.parkpulse.investment.domain.ActivityFilter;
import io.parkpulse.investment.domain.ActivityKind;
import io.parkpulse.investment.domain.Lead;
import io.parkpulse.investment.repository.ActivityRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Records the activities a park counts (对接客商, 领导带队招商, 包装项目, 推介活动), linked to the leads they concerned. */
@ApplicationScoped
public class ActivityService {

    @Inject
    Outbox outbox;

    @Inject
    ActivityRepository activityQueries;

    @Inject
    KnownParks parks;

    public record Entry(
            ActivityKind kind,
            LocalDate heldOn,
            String title,
            String location,
            String ledBy,
            String notes,
            List<UUID> leadIds) {}

    @Transactional
    public Activity record(String park, Entry e, String user) {
        parks.require(park, "park");
        Activity a = new Activity();
        a.id = UUID.randomUUID();
        a.park = park;
        describe(a, e);
        a.stampCreated(user);
        a.persist();
        Activity.flush();
        outbox.publish(Topics.INVESTMENT, EventTypes.ACTIVITY_RECORDED, a.park, state(a));
        return a;
    }

    @Transactional
    public Activity update(UUID id, Entry e, long version) {
        Activity a = find(id);
        a.requireVersion(version, "招商活动“" + id + "”", "activity " + id);
        describe(a, e);
        a.stampUpdated();
        Activity.flush();
        outbox.publish(Topics.INVESTMENT, EventTypes.ACTIVITY_UPDATED, a.park, state(a));
        return a;
    }

    public PanacheQuery<Activity> search(ActivityFilter filter, Sort sort) {
        return activityQueries.search(filter, sort);
    }

    public static Activity find(UUID id) {
        Activity a = Activity.findById(id);
        if (a == null) {
            throw ProblemException.notFound("招商活动", "activity", String.valueOf(id));
        }
        return a;
    }

    private static void describe(Activity a, Entry e) {
        CityTime.notInFuture(e.heldOn(), "heldOn");
        if (e.kind() == ActivityKind.LEADER_TRIP
                && (e.ledBy() == null || e.ledBy().isBlank())) {
            throw ProblemException.unprocessable(
                    "ledBy", "required", "主要领导带队招商须填写带队领导", "a trip led by the park's top leaders names the leader");
        }
        Set<UUID> leads = new LinkedHashSet<>(e.leadIds() == null ? List.of() : e.leadIds());
        // One message for every row, each row naming its index: the mapper then gives every row its English.
        String chinese = "园区“" + a.park + "”没有这条线索";
        String english = "no such lead in park '" + a.park + "'";
        List<Problem.FieldError> errors = new ArrayList<>();
        int i = 0;
        for (UUID leadId : e.leadIds() == null ? List.<UUID>of() : e.leadIds()) {
            Lead l = leadId == null ? null : Lead.findById(leadId);
            if (l == null || !l.park.equals(a.park)) {
                errors.add(new Problem.FieldError("leadIds[" + i + "]", "unknown_lead", chinese));
            }
            i++;
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "unknown_lead", chinese, english, errors, null);
        }
        a.kind = e.kind();
        a.heldOn = e.heldOn();
        a.title = e.title().strip();
        a.location = e.location();
        a.ledBy = e.ledBy();
        a.notes = e.notes();
        a.leadIds.clear();
        a.leadIds.addAll(leads);
    }

    public static ActivityState state(Activity a) {
        return new ActivityState(
                a.id, a.park, a.kind.name(), a.heldOn, a.title, a.ledBy, List.copyOf(a.leadIds), a.version);
    }
}
