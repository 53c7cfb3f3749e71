package io.parkpulse.infra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.infra.AuthorizationMatrix.Fixture;
import io.parkpulse.infra.AuthorizationMatrix.Rule;
import io.parkpulse.infra.FuzzFindings.Standing;
import io.parkpulse.infra.FuzzMutations.Mutation;
import io.parkpulse.infra.FuzzOpenApi.Operation;
import io.parkpulse.infra.FuzzRequest.Answer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile input for every operation of a service's OpenAPI document, sent as each caller of the
 * authorization matrix, starting from the valid request the matrix fixture prepares. Every answer
 * must be below 500, arrive within a bound, be a problem document naming the field when refused,
 * show no exception text and speak the language asked for (see {@link Languages}: every fourth
 * variant is sent with {@code Accept-Language: en}); a variant the document forbids must be refused; a
 * refused write must change nothing. All findings are collected and fail the test together, grouped.
 *
 * <p>Deterministic for a seed ({@code -Dparkpulse.fuzz.seed}); each caller sends at most
 * {@code parkpulse.fuzz.per-caller} variants per operation ({@code parkpulse.fuzz.per-refused-caller}
 * when the valid request is refused already), always the whole-body and file variants first.
 */
public final class ApiFuzzer {

    private final Fixture fixture;
    private final long seed = Long.getLong("parkpulse.fuzz.seed", 20260522L);
    private final int perCaller = Integer.getInteger("parkpulse.fuzz.per-caller", 40);
    private final int perRefusedCaller = Integer.getInteger("parkpulse.fuzz.per-refused-caller", 8);
    private final FuzzFindings findings;
    private final boolean checkLanguage;
    /** Variants sent so far; every fourth goes with Accept-Language: en, the same ones for a seed. */
    private int variants;

    private ApiFuzzer(String service, Fixture fixture) {
        this.fixture = fixture;
        this.checkLanguage = Languages.checked();
        this.findings = new FuzzFindings(service, Long.getLong("parkpulse.fuzz.slow-ms", 5000), checkLanguage);
    }

    /** Fuzzes the service under test; {@code service} names it in the report. */
    public static void run(String service, Fixture fixture) {
        new ApiFuzzer(service, fixture).run();
    }

    private void run() {
        long start = System.nanoTime();
        List<Operation> operations = FuzzOpenApi.fetch().operations();
        for (Operation op : operations) {
            fuzz(op);
        }
        String report = findings.report(operations.size(), (System.nanoTime() - start) / 1_000_000, seed);
        assertTrue(findings.failures() == 0, report);
    }

    /** The variants of one operation, shuffled once, so that the callers admitted to it share them out. */
    private static final class Plan {
        final List<Mutation> first = new ArrayList<>();
        final List<Mutation> rest = new ArrayList<>();
        int next;

        Plan(List<Mutation> all, Random random) {
            all.forEach(m -> (m.priority() ? first : rest).add(m));
            Collections.shuffle(rest, random);
        }

        List<Mutation> take(int n) {
            List<Mutation> out = new ArrayList<>(first.subList(0, Math.min(n, first.size())));
            int more = Math.min(n - out.size(), rest.size());
            for (int i = 0; i < more; i++) {
                out.add(rest.get((next + i) % rest.size()));
            }
            next = rest.isEmpty() ? 0 : (next + more) % rest.size();
            return out;
        }
    }

    private void fuzz(Operation op) {
        long start = System.nanoTime();
        Rule rule = new Rule(op.method(), op.path(), Map.of());
        Plan plan = null;
        for (String caller : AuthorizationMatrix.CALLERS) {
            FuzzRequest valid = FuzzRequest.baseline(fixture, rule, fixture.params(rule, caller));
            if (plan == null) {
                plan = new Plan(
                        FuzzMutations.forOperation(op, valid, seed),
                        new Random(seed ^ op.key().hashCode()));
            }
            fuzz(op, rule, caller, valid, plan);
        }
        findings.timed(op.key(), (System.nanoTime() - start) / 1_000_000);
    }

    /** A request that did not succeed, kept to be sent again when the state check needs it. */
    private record Sent(Mutation mutation, FuzzRequest request) {}

    private void fuzz(Operation op, Rule rule, String caller, FuzzRequest first, Plan plan) {
        boolean write = !op.method().equals("GET");
        String token = AuthorizationMatrix.token(fixture, caller);
        FuzzRequest valid = first;
        String before = write ? fixture.state() : null;
        Answer answer = valid.send(token);
        findings.counted(answer);
        Standing standing = new Standing(answer.success(), answer.status());
        findings.check(op.key(), caller, standing, null, valid, answer, fixture.secret());
        List<Sent> failed = new ArrayList<>();
        if (!answer.success() && answer.status() > 0) {
            failed.add(new Sent(null, valid));
        }
        if (write && standing.admitted()) {
            // The valid write consumed what the fixture gave it (a flag to clear, a version to match).
            valid = FuzzRequest.baseline(fixture, rule, fixture.params(rule, caller));
            before = fixture.state();
        }
        boolean succeeded = false;
        for (Mutation m : plan.take(standing.admitted() ? perCaller : perRefusedCaller)) {
            FuzzRequest request = m.apply().apply(valid);
            if (request == null) {
                continue;
            }
            if (checkLanguage && variants++ % 4 == 3 && !request.headers().containsKey(Languages.HEADER)) {
                request = request.withHeader(Languages.HEADER, "en");
            }
            Answer a = send(op, caller, standing, m, request, token);
            if (a.success()) {
                if (write) {
                    succeeded = true;
                    valid = FuzzRequest.baseline(fixture, rule, fixture.params(rule, caller));
                }
            } else if (a.status() > 0) {
                failed.add(new Sent(m, request));
            }
        }
        if (write && !failed.isEmpty()) {
            checkState(op, caller, token, before, failed, succeeded);
        }
    }

    private Answer send(Operation op, String caller, Standing standing, Mutation m, FuzzRequest request, String token) {
        Answer a = request.send(token);
        findings.counted(a);
        findings.check(op.key(), caller, standing, m, request, a, fixture.secret());
        return a;
    }

    /**
     * Refused writes must change nothing. The state is read once before and once after an operation's
     * variants; when successful variants changed it legitimately in between, the refused ones are sent
     * again between two fresh readings. A change is narrowed down to one request by halving.
     */
    private void checkState(
            Operation op, String caller, String token, String before, List<Sent> failed, boolean succeeded) {
        String from = before;
        if (succeeded) {
            from = fixture.state();
            if (!resend(failed, token)) {
                return; // one of them succeeds now, so a change proves nothing
            }
        }
        if (from.equals(fixture.state())) {
            return;
        }
        List<Sent> range = failed;
        while (range.size() > 1) {
            List<Sent> lower = range.subList(0, range.size() / 2);
            List<Sent> upper = range.subList(range.size() / 2, range.size());
            String s = fixture.state();
            if (!resend(lower, token)) {
                break;
            }
            if (!s.equals(fixture.state())) {
                range = lower;
                continue;
            }
            s = fixture.state();
            if (!resend(upper, token)) {
                break;
            }
            if (!s.equals(fixture.state())) {
                range = upper;
                continue;
            }
            break;
        }
        if (range.size() == 1) {
            findings.stateChanged(
                    op.key(), caller, range.get(0).mutation(), range.get(0).request(), "");
        } else {
            findings.stateChanged(
                    op.key(),
                    caller,
                    null,
                    null,
                    range.size()
                            + " refused requests changed the state; sending them again in halves did not single one out");
        }
    }

    /** Sends the requests again; false if any of them succeeds this time. */
    private boolean resend(List<Sent> sent, String token) {
        findings.resent(sent.size());
        boolean allRefused = true;
        for (Sent s : sent) {
            allRefused &= !s.request().send(token).success();
        }
        return allRefused;
    }
}
