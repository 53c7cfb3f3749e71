package io.parkpulse.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s without a cluster: every YAML document is read strictly (an unknown field is an error, as the API
 * server's structural schemas make it) with the Kubernetes model classes, Strimzi's own API model, and for
 * CloudNativePG, Keycloak and kustomize a schema derived from their references (k8s-operator-schemas.yaml);
 * a document of a kind none of them knows fails. Then what ties the manifests to the code is cross-checked:
 * environment variables, Secrets, ports and health paths, topics, ACLs, databases and the realm.
 */
class KubernetesManifestsTest {

    static final List<String> SERVICES =
            List.of("indicators-service", "projects-service", "investment-service", "reporting-service");

    /** Strict: Jackson's any-setter (the models' "additionalProperties") would swallow an unknown field. */
    static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return false;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    static final Map<String, Class<?>> MODELS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "kafka.strimzi.io/v1beta2/Kafka", Kafka.class,
            "kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class,
            "kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class);

    record Doc(Path file, JsonNode node, boolean patch) {
        String type() {
            return node.path("apiVersion").asText() + "/" + node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        String where() {
            return Sources.root().relativize(file) + " " + type() + " " + name();
        }
    }

    static Path k8s;
    static JsonNode schemas;
    static List<Doc> docs = new ArrayList<>();
    static List<Doc> kustomizations = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        k8s = Sources.root().resolve("deploy/k8s");
        try (InputStream in = KubernetesManifestsTest.class.getResourceAsStream("/k8s-operator-schemas.yaml")) {
            schemas = new ObjectMapper(new YAMLFactory()).readTree(in).get("types");
        }
        Set<Path> patches = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(k8s)) {
            files = s.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList();
        }
        for (Path f : files) {
            if (f.getFileName().toString().startsWith("kustomization.")) {
                for (JsonNode patch : readAll(f).get(0).path("patches")) {
                    patches.add(f.resolveSibling(patch.path("path").asText()).normalize());
                }
            }
        }
        for (Path f : files) {
            for (JsonNode node : readAll(f)) {
                Doc d = new Doc(f, node, patches.contains(f));
                (f.getFileName().toString().startsWith("kustomization.") ? kustomizations : docs).add(d);
            }
        }
    }

    static List<JsonNode> readAll(Path f) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (var it = STRICT.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(f))) {
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isMissingNode() && !n.isNull()) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    @Test
    void everyDocumentIsAKnownKindAndReadsStrictly() {
        assertTrue(docs.size() > 40, "too few documents under deploy/k8s: " + docs.size());
        List<String> errors = new ArrayList<>();
        for (Doc d : concat(docs, kustomizations)) {
            try {
                Class<?> model = MODELS.get(d.type());
                if (model != null) {
                    STRICT.treeToValue(d.node(), model);
                } else if (schemas.has(d.type())) {
                    STRICT.treeToValue(d.node().path("metadata"), ObjectMeta.class);
                    ObjectNode rest = d.node().deepCopy();
                    rest.remove(List.of("apiVersion", "kind", "metadata"));
                    validate(rest, d.type(), !d.patch(), "", errors, d.where());
                } else {
                    errors.add(d.where() + ": a kind this test does not know; add its model or schema");
                }
            } catch (IOException e) {
                errors.add(d.where() + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void theSchemaRefusesWhatTheModelsRefuse() {
        List<String> errors = new ArrayList<>();
        ObjectNode cluster = (ObjectNode) STRICT.createObjectNode();
        cluster.putObject("spec").put("instances", 3).put("instancez", 1).putObject("storage");
        validate(cluster, "postgresql.cnpg.io/v1/Cluster", true, "", errors, "example");
        assertEquals(List.of("example: spec.instancez: unknown field"), errors);
        Doc bad = new Doc(
                Path.of("x"), STRICT.createObjectNode().put("apiVersion", "v1").put("kind", "Pod"), false);
        assertFalse(MODELS.containsKey(bad.type()) || schemas.has(bad.type()), "a Pod is no kind of ours");
        ObjectNode svc = STRICT.createObjectNode().put("apiVersion", "v1").put("kind", "Service");
        svc.putObject("spec").put("selectr", "x");
        try {
            STRICT.treeToValue(svc, Service.class);
            throw new AssertionError("an unknown field of a Service was accepted");
        } catch (IOException expected) {
            assertTrue(expected.getMessage().contains("selectr"), expected.getMessage());
        }
    }

    /** Checks {@code node} against the named or inline type {@code type} of k8s-operator-schemas.yaml. */
    static void validate(JsonNode node, Object type, boolean whole, String at, List<String> errors, String where) {
        String here = at.isEmpty() ? "" : at;
        if (type instanceof String t) {
            if (schemas.has(t)) {
                validate(node, schemas.get(t), whole, at, errors, where);
                return;
            }
            boolean ok = switch (t.replaceAll("<.*", "").replaceAll(":.*", "")) {
                case "string" -> node.isTextual();
                case "integer" -> node.isIntegralNumber();
                case "boolean" -> node.isBoolean();
                case "quantity" -> node.isTextual() || node.isNumber();
                case "any" -> true;
                case "enum" -> List.of(t.substring(5).split("\\|")).contains(node.asText()) && node.isTextual();
                case "list" -> node.isArray();
                case "map" -> node.isObject();
                default -> {
                    errors.add(where + ": " + here + ": the schema names no type " + t);
                    yield true;
                }
            };
            if (!ok) {
                errors.add(where + ": " + here + ": not a " + t + ": " + node);
                return;
            }
            String inner = t.replaceAll("^(list|map)<(.*)>$", "$2");
            if (t.startsWith("list<")) {
                for (int i = 0; i < node.size(); i++) {
                    validate(node.get(i), inner, whole, here + "[" + i + "]", errors, where);
                }
            } else if (t.startsWith("map<")) {
                node.fields()
                        .forEachRemaining(
                                e -> validate(e.getValue(), inner, whole, here + "." + e.getKey(), errors, where));
            }
            return;
        }
        JsonNode schema = (JsonNode) type;
        if (!node.isObject()) {
            errors.add(where + ": " + here + ": not an object: " + node);
            return;
        }
        if (whole) {
            for (JsonNode r : schema.path("required")) {
                if (!node.has(r.asText())) {
                    errors.add(where + ": " + (here.isEmpty() ? "" : here + ".") + r.asText() + ": required");
                }
            }
        }
        JsonNode props = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            String path = here.isEmpty() ? e.getKey() : here + "." + e.getKey();
            JsonNode p = props.get(e.getKey());
            if (p == null) {
                errors.add(where + ": " + path + ": unknown field");
            } else {
                validate(e.getValue(), p.isTextual() ? p.asText() : p, whole, path, errors, where);
            }
        }
    }

    @Test
    void everyFileIsPartOfAKustomizationAndEveryReferenceExists() throws IOException {
        Set<Path> referenced = new TreeSet<>();
        List<String> errors = new ArrayList<>();
        for (Doc k : kustomizations) {
            List<String> refs = new ArrayList<>();
            k.node().path("resources").forEach(r -> refs.add(r.asText()));
            k.node().path("patches").forEach(p -> refs.add(p.path("path").asText()));
            for (String r : refs) {
                Path p = k.file().resolveSibling(r).normalize();
                if (!Files.exists(p)) {
                    errors.add(k.where() + ": " + r + " does not exist");
                }
                referenced.add(Files.isDirectory(p) ? p.resolve("kustomization.yaml") : p);
            }
        }
        for (Doc d : docs) {
            if (!referenced.contains(d.file())) {
                errors.add(d.where() + ": in no kustomization, so never applied");
            }
        }
        for (String overlay : List.of("local", "production")) {
            assertTrue(Files.exists(k8s.resolve("overlays/" + overlay + "/kustomization.yaml")), "overlay " + overlay);
        }
        assertEquals(List.of(), errors);
    }

    static List<Doc> base(String type) {
        return docs.stream().filter(d -> !d.patch() && d.type().equals(type)).toList();
    }

    static <T> T model(Doc d, Class<T> type) {
        try {
            return STRICT.treeToValue(d.node(), type);
        } catch (IOException e) {
            throw new AssertionError(d.where(), e);
        }
    }

    static Deployment deployment(String service) {
        return base("apps/v1/Deployment").stream()
                .filter(d -> d.name().equals(service))
                .map(d -> model(d, Deployment.class))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + service));
    }

    @Test
    void everyServiceSetsOnlyWhatItReadsAndAllItNeeds() throws IOException {
        Map<String, Map<String, String>> configMaps = new HashMap<>();
        for (Doc d : base("v1/ConfigMap")) {
            configMaps.put(d.name(), model(d, ConfigMap.class).getData());
        }
        List<String> errors = new ArrayList<>();
        for (String service : SERVICES) {
            Set<String> reads = ServiceSettings.environmentVariables(service);
            Container c = deployment(service)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0);
            assertEquals(service, c.getName());
            Map<String, String> set = new TreeMap<>();
            for (var from : c.getEnvFrom()) {
                assertTrue(from.getSecretRef() == null, service + ": whole Secrets as environment hide what is set");
                Map<String, String> data = configMaps.get(from.getConfigMapRef().getName());
                if (data == null) {
                    errors.add(service + ": ConfigMap " + from.getConfigMapRef().getName() + " is not defined");
                } else {
                    set.putAll(data);
                }
            }
            for (var e : c.getEnv()) {
                set.put(e.getName(), e.getValue() == null ? "(from " + e.getValueFrom() + ")" : e.getValue());
                if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                    errors.add(service + ": " + e.getName() + ": take it from parkpulse-common instead");
                }
            }
            for (String name : set.keySet()) {
                if (!reads.contains(name)) {
                    errors.add(service + " does not read " + name);
                }
            }
            for (String needed : List.of(
                    "PARKPULSE_POSTGRES_URL",
                    "PARKPULSE_POSTGRES_USER",
                    "PARKPULSE_POSTGRES_PASSWORD",
                    "PARKPULSE_KAFKA_BOOTSTRAP",
                    "QUARKUS_OIDC_AUTH_SERVER_URL",
                    "QUARKUS_OIDC_PUBLIC_KEY",
                    "PARKPULSE_OIDC_ISSUER")) {
                if (!set.containsKey(needed)) {
                    errors.add(service + " lacks " + needed);
                }
            }
            if (!"".equals(set.get("QUARKUS_OIDC_PUBLIC_KEY"))) {
                errors.add(service + ": QUARKUS_OIDC_PUBLIC_KEY must be empty, or the local-only key is trusted");
            }
            if (set.containsKey("PARKPULSE_SECURITY_ACCEPT_LOCAL_KEYS")) {
                errors.add(service + ": a cluster never trusts the local-only key");
            }
        }
        Map<String, String> console = new TreeMap<>();
        deployment("reporting-service")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()
                .forEach(e -> console.put(e.getName(), Objects.toString(e.getValue(), "")));
        assertEquals("parkpulse-web", console.get("PARKPULSE_CONSOLE_OIDC_CLIENT_ID"));
        assertTrue(console.containsKey("PARKPULSE_CONSOLE_SESSION_SECRET"), "one session secret for all replicas");
        assertEquals(List.of(), errors);
    }

    @Test
    void portsProbesAndPodsAreWhatTheServicesAndTheClusterExpect() throws IOException {
        List<String> errors = new ArrayList<>();
        Map<String, Service> services = new HashMap<>();
        base("v1/Service").forEach(d -> services.put(d.name(), model(d, Service.class)));
        for (String name : SERVICES) {
            var props = ServiceSettings.properties(
                    Sources.root().resolve(name).resolve("src/main/resources/application.properties"));
            int port = Integer.parseInt(props.getProperty("quarkus.http.port"));
            assertFalse(props.containsKey("quarkus.management.enabled"), "health would move to the management port");
            Deployment dep = deployment(name);
            var pod = dep.getSpec().getTemplate().getSpec();
            Container c = pod.getContainers().get(0);
            Map<String, Integer> ports = new HashMap<>();
            c.getPorts().forEach(p -> ports.put(p.getName(), p.getContainerPort()));
            if (!ports.containsValue(port)) {
                errors.add(name + ": the container does not expose quarkus.http.port " + port);
            }
            Map<String, Probe> probes = new LinkedHashMap<>();
            probes.put("/q/health/live", c.getLivenessProbe());
            probes.put("/q/health/ready", c.getReadinessProbe());
            probes.put("/q/health/started", c.getStartupProbe());
            for (var p : probes.entrySet()) {
                if (p.getValue() == null || p.getValue().getHttpGet() == null) {
                    errors.add(name + ": no HTTP probe on " + p.getKey());
                    continue;
                }
                var get = p.getValue().getHttpGet();
                if (!get.getPath().equals(p.getKey())) {
                    errors.add(name + ": probe " + get.getPath() + " where " + p.getKey() + " is expected");
                }
                if (!Objects.equals(resolve(get.getPort(), ports), port)) {
                    errors.add(name + ": probe " + get.getPath() + " on " + get.getPort() + ", not " + port);
                }
            }
            var startup = c.getStartupProbe();
            if (startup != null && startup.getPeriodSeconds() * startup.getFailureThreshold() < 300) {
                errors.add(name + ": the startup probe gives migrations less than five minutes");
            }
            Service svc = services.get(name);
            if (svc == null) {
                errors.add(name + ": no Service");
            } else {
                for (var sp : svc.getSpec().getPorts()) {
                    if (!Objects.equals(resolve(sp.getTargetPort(), ports), port) || sp.getPort() != port) {
                        errors.add(name + ": the Service's port " + sp.getPort() + " does not reach " + port);
                    }
                }
                if (!dep.getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels()
                        .entrySet()
                        .containsAll(svc.getSpec().getSelector().entrySet())) {
                    errors.add(name + ": the Service selects no pod of the Deployment");
                }
            }
            var psc = pod.getSecurityContext();
            var csc = c.getSecurityContext();
            if (psc == null
                    || !Boolean.TRUE.equals(psc.getRunAsNonRoot())
                    || !Long.valueOf(185).equals(psc.getRunAsUser())
                    || psc.getSeccompProfile() == null
                    || !"RuntimeDefault".equals(psc.getSeccompProfile().getType())) {
                errors.add(name + ": the pod must run as user 185, non-root, with the RuntimeDefault seccomp profile");
            }
            if (csc == null
                    || !Boolean.TRUE.equals(csc.getReadOnlyRootFilesystem())
                    || !Boolean.FALSE.equals(csc.getAllowPrivilegeEscalation())
                    || !csc.getCapabilities().getDrop().equals(List.of("ALL"))) {
                errors.add(name + ": read-only root, no privilege escalation, every capability dropped");
            }
            boolean tmp = c.getVolumeMounts().stream()
                    .anyMatch(m -> m.getMountPath().equals("/tmp")
                            && pod.getVolumes().stream()
                                    .anyMatch(v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null));
            if (!tmp) {
                errors.add(name + ": an emptyDir at /tmp, the one writable place");
            }
            var res = c.getResources();
            if (res == null
                    || !res.getRequests().containsKey("memory")
                    || !res.getLimits().containsKey("memory")
                    || !res.getRequests().containsKey("cpu")) {
                errors.add(name + ": memory and CPU requests and a memory limit");
            }
            Map<String, String> labels =
                    dep.getSpec().getTemplate().getMetadata().getLabels();
            if (base("policy/v1/PodDisruptionBudget").stream()
                    .map(d -> model(d, PodDisruptionBudget.class))
                    .noneMatch(p -> labels.entrySet()
                            .containsAll(
                                    p.getSpec().getSelector().getMatchLabels().entrySet()))) {
                errors.add(name + ": no PodDisruptionBudget");
            }
            if (base("networking.k8s.io/v1/NetworkPolicy").stream()
                    .map(d -> model(d, NetworkPolicy.class))
                    .noneMatch(p -> labels.entrySet()
                                    .containsAll(p.getSpec()
                                            .getPodSelector()
                                            .getMatchLabels()
                                            .entrySet())
                            && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")))) {
                errors.add(name + ": no NetworkPolicy restricting both directions");
            }
        }
        assertTrue(deployment("reporting-service").getSpec().getReplicas() >= 2, "reporting-service runs twice");
        var reporting = ServiceSettings.properties(
                Sources.root().resolve("reporting-service/src/main/resources/application.properties"));
        assertEquals("true", reporting.getProperty("quarkus.quartz.clustered"), "two replicas need Quartz clustered");
        assertTrue(reporting.getProperty("quarkus.quartz.store-type", "").startsWith("jdbc"), "clustered on the db");
        for (Doc d : base("networking.k8s.io/v1/Ingress")) {
            Ingress ing = model(d, Ingress.class);
            assertFalse(ing.getSpec().getTls().isEmpty(), d.where() + ": TLS");
            for (var rule : ing.getSpec().getRules()) {
                assertTrue(
                        ing.getSpec().getTls().stream()
                                .anyMatch(t -> t.getHosts().contains(rule.getHost())),
                        rule.getHost() + " has no certificate");
                for (var path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    Service svc = services.get(backend.getName());
                    if (svc == null) {
                        assertEquals("parkpulse-keycloak-service", backend.getName(), "an Ingress to nowhere");
                    } else {
                        assertTrue(
                                svc.getSpec().getPorts().stream()
                                        .anyMatch(p -> p.getPort()
                                                .equals(backend.getPort().getNumber())),
                                backend.getName() + " has no port "
                                        + backend.getPort().getNumber());
                    }
                }
            }
        }
        assertEquals(List.of(), errors);
    }

    static Integer resolve(IntOrString port, Map<String, Integer> named) {
        return port.getIntVal() != null ? port.getIntVal() : named.get(port.getStrVal());
    }

    /** Every Secret a manifest names, with the keys it takes from it (none for a whole-Secret reference). */
    static void secretRefs(JsonNode node, String field, Map<String, Set<String>> out) {
        if (node.isObject()) {
            boolean secretish = field.toLowerCase().contains("secret") || field.equals("accessKeyId");
            if (secretish && node.has("name") && !field.equals("placeholders")) {
                out.computeIfAbsent(node.get("name").asText(), k -> new TreeSet<>());
                if (node.has("key")) {
                    out.get(node.get("name").asText()).add(node.get("key").asText());
                }
            }
            if (field.equals("secret") && node.has("secretName")) {
                Set<String> keys = out.computeIfAbsent(node.get("secretName").asText(), k -> new TreeSet<>());
                node.path("items").forEach(i -> keys.add(i.path("key").asText()));
            }
            node.fields().forEachRemaining(e -> {
                if (!(field.equals("spec") && e.getKey().equals("realm"))) {
                    secretRefs(e.getValue(), e.getKey(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> secretRefs(n, field, out));
        } else if (node.isTextual() && (field.equals("secret") || field.equals("secretName"))) {
            out.computeIfAbsent(node.asText(), k -> new TreeSet<>());
        }
    }

    @Test
    void everySecretIsDocumentedOrMadeByAnOperator() throws IOException {
        Map<String, Set<String>> documented = new TreeMap<>();
        String readme = Files.readString(k8s.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Secrets you must create"));
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\| [^|]+ \\| ([^|]+) \\|")
                .matcher(section);
        while (row.find()) {
            Set<String> keys = new TreeSet<>();
            Matcher k = Pattern.compile("`([^`]+)`").matcher(row.group(2));
            while (k.find()) {
                keys.add(k.group(1));
            }
            documented.put(row.group(1), keys);
        }
        assertTrue(documented.size() >= 5, "the table of deploy/k8s/README.md was not found: " + documented);
        for (Doc d : base("kafka.strimzi.io/v1beta2/KafkaUser")) {
            documented.put(d.name(), Set.of("password", "sasl.jaas.config"));
        }
        for (Doc d : base("kafka.strimzi.io/v1beta2/Kafka")) {
            documented.put(d.name() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        Map<String, Set<String>> used = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (Doc d : docs) {
            if (d.type().equals("v1/Secret")) {
                errors.add(d.where() + ": a Secret in git");
            }
            Map<String, Set<String>> refs = new TreeMap<>();
            secretRefs(d.node(), "", refs);
            for (var r : refs.entrySet()) {
                used.computeIfAbsent(r.getKey(), k -> new TreeSet<>()).addAll(r.getValue());
                Set<String> keys = documented.get(r.getKey());
                if (keys == null) {
                    errors.add(d.where() + ": Secret " + r.getKey() + " is neither documented nor an operator's");
                } else if (!keys.containsAll(r.getValue())) {
                    errors.add(d.where() + ": Secret " + r.getKey() + " has no key " + r.getValue());
                }
            }
        }
        for (String name : documented.keySet()) {
            if (!used.containsKey(name)) {
                errors.add("deploy/k8s/README.md documents " + name + ", which no manifest uses");
            }
        }
        for (String s : SERVICES) {
            assertTrue(used.containsKey(s), s + "'s Kafka credentials are used");
        }
        assertEquals(List.of(), errors);
    }

    /** Topics.java's topics: the constants listed in ALL. */
    static Map<String, String> codeTopics() throws IOException {
        String code = Files.readString(
                Sources.root().resolve("parkpulse-common/src/main/java/io/parkpulse/common/events/Topics.java"));
        Map<String, String> constants = new TreeMap<>();
        Matcher m = Pattern.compile("String (\\w+) = \"([^\"]+)\"").matcher(code);
        while (m.find()) {
            constants.put(m.group(1), m.group(2));
        }
        Matcher all = Pattern.compile("ALL = List\\.of\\(([^)]*)\\)").matcher(code);
        assertTrue(all.find(), "Topics.ALL");
        Map<String, String> out = new TreeMap<>();
        for (String c : all.group(1).split(",")) {
            out.put(c.trim(), constants.get(c.trim()));
        }
        return out;
    }

    @Test
    void theTopicsAreTheCodesWithTheDesignsSettings() throws IOException {
        Map<String, String> topics = codeTopics();
        Set<String> expected = new TreeSet<>();
        topics.values().forEach(t -> expected.addAll(List.of(t, t + ".dlq")));
        Map<String, KafkaTopic> declared = new TreeMap<>();
        for (Doc d : base("kafka.strimzi.io/v1beta2/KafkaTopic")) {
            KafkaTopic t = model(d, KafkaTopic.class);
            declared.put(t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : d.name(), t);
        }
        assertEquals(expected, declared.keySet(), "KafkaTopics against io.parkpulse.common.events.Topics");
        String settings = Files.readString(
                Sources.root().resolve("parkpulse-common/src/main/java/io/parkpulse/common/events/KafkaSettings.java"));
        Matcher p = Pattern.compile("PARTITIONS = (\\d+)").matcher(settings);
        int partitions = p.find() ? Integer.parseInt(p.group(1)) : 3;
        List<String> errors = new ArrayList<>();
        for (var e : declared.entrySet()) {
            String name = e.getKey();
            var spec = e.getValue().getSpec();
            Map<String, Object> config = spec.getConfig() == null ? Map.of() : spec.getConfig();
            boolean dlq = name.endsWith(".dlq");
            if (!dlq && spec.getPartitions() < partitions) {
                errors.add(name + ": fewer partitions than the code's " + partitions);
            }
            if (spec.getReplicas() != 3 || !"2".equals(String.valueOf(config.get("min.insync.replicas")))) {
                errors.add(name + ": replicas 3 and min.insync.replicas 2");
            }
            if (name.equals(topics.get("PARKS"))) {
                if (!"compact".equals(config.get("cleanup.policy"))) {
                    errors.add(name + ": compacted (the latest state of each park)");
                }
            } else if (!"-1".equals(String.valueOf(config.get("retention.ms")))
                    || config.containsKey("cleanup.policy")) {
                errors.add(name + ": retention.ms -1 and no compaction: a rebuild replays it from the start");
            }
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void eachServiceHasAKafkaUserAllowedWhatItsCodeDoes() throws IOException {
        Map<String, String> topics = codeTopics();
        Pattern ref = Pattern.compile("Topics\\.([A-Z_]+)");
        List<String> errors = new ArrayList<>();
        for (String service : SERVICES) {
            Set<String> produced = new TreeSet<>();
            Set<String> consumed = new TreeSet<>();
            var props = ServiceSettings.properties(
                    Sources.root().resolve(service).resolve("src/main/resources/application.properties"));
            if ("true".equals(props.getProperty("parkpulse.park-replica.enabled"))) {
                consumed.add(topics.get("PARKS"));
            }
            try (Stream<Path> s = Files.walk(Sources.root().resolve(service).resolve("src/main/java"))) {
                for (Path f : s.filter(x -> x.toString().endsWith(".java")).toList()) {
                    String code = Sources.withoutComments(Files.readString(f));
                    Matcher m = ref.matcher(code);
                    while (m.find()) {
                        if (topics.containsKey(m.group(1))) {
                            (code.contains("EventHandler") ? consumed : produced).add(topics.get(m.group(1)));
                        }
                    }
                }
            }
            assertFalse(produced.isEmpty(), service + " publishes");
            Doc doc = base("kafka.strimzi.io/v1beta2/KafkaUser").stream()
                    .filter(d -> d.name().equals(service))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no KafkaUser " + service));
            KafkaUser user = model(doc, KafkaUser.class);
            assertTrue(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication, service);
            List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            for (String t : produced) {
                check(acls, t, AclOperation.WRITE, service, errors);
            }
            for (String t : consumed) {
                check(acls, t, AclOperation.READ, service, errors);
                check(acls, t + ".dlq", AclOperation.WRITE, service, errors);
            }
            for (String t : topics.values()) {
                check(acls, t, AclOperation.CREATE, service, errors);
                if (!produced.contains(t)) {
                    checkNot(acls, t, AclOperation.WRITE, service, errors);
                }
                if (!consumed.contains(t)) {
                    checkNot(acls, t, AclOperation.READ, service, errors);
                }
            }
            boolean group = acls.stream()
                    .anyMatch(a -> a.getResource() instanceof AclRuleGroupResource g
                            && service.startsWith(g.getName())
                            && a.getOperations().contains(AclOperation.READ));
            if (!consumed.isEmpty() && !group) {
                errors.add(service + ": may not read in its consumer group " + service);
            }
        }
        assertEquals(List.of(), errors);
    }

    static boolean allows(List<AclRule> acls, String topic, AclOperation op) {
        return acls.stream()
                .anyMatch(a -> a.getResource() instanceof AclRuleTopicResource r
                        && (r.getPatternType() == AclResourcePatternType.PREFIX
                                ? topic.startsWith(r.getName())
                                : topic.equals(r.getName()))
                        && a.getOperations().contains(op));
    }

    static void check(List<AclRule> acls, String topic, AclOperation op, String service, List<String> errors) {
        if (!allows(acls, topic, op)) {
            errors.add(service + ": no " + op + " on " + topic);
        }
    }

    static void checkNot(List<AclRule> acls, String topic, AclOperation op, String service, List<String> errors) {
        if (allows(acls, topic, op)) {
            errors.add(service + ": " + op + " on " + topic + ", which its code does not need");
        }
    }

    @Test
    void eachServiceOwnsItsDatabaseWithItsOwnRole() throws IOException {
        JsonNode cluster = base("postgresql.cnpg.io/v1/Cluster").get(0).node();
        Map<String, String> roles = new TreeMap<>();
        cluster.path("spec")
                .path("managed")
                .path("roles")
                .forEach(r -> roles.put(
                        r.path("name").asText(),
                        r.path("passwordSecret").path("name").asText()));
        Map<String, String> owners = new TreeMap<>();
        base("postgresql.cnpg.io/v1/Database")
                .forEach(d -> owners.put(
                        d.node().path("spec").path("name").asText(),
                        d.node().path("spec").path("owner").asText()));
        for (String service : SERVICES) {
            String db = ServiceSettings.properties(
                            Sources.root().resolve(service).resolve("src/main/resources/application.properties"))
                    .getProperty("parkpulse.database");
            assertEquals(db, owners.get(db), service + "'s database is owned by its own role");
            String secret = roles.get(db);
            assertTrue(secret != null && !secret.isEmpty(), service + ": a managed role " + db + " with a password");
            Container c = deployment(service)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0);
            for (var e : c.getEnv()) {
                if (e.getName().startsWith("PARKPULSE_POSTGRES_")) {
                    assertEquals(secret, e.getValueFrom().getSecretKeyRef().getName(), service + " " + e.getName());
                }
            }
        }
        assertEquals(owners.size(), Set.copyOf(owners.values()).size(), "no role owns two databases");
    }

    @Test
    void theRealmImportsAreTheRealmFile() throws IOException {
        JsonNode file = new ObjectMapper()
                .readTree(Sources.root()
                        .resolve("deploy/keycloak/parkpulse-realm.json")
                        .toFile());
        Map<String, JsonNode> imports = new TreeMap<>();
        for (Doc d : docs) {
            if (d.type().equals("k8s.keycloak.org/v2alpha1/KeycloakRealmImport")) {
                imports.put(
                        k8s.relativize(d.file()).toString(),
                        d.node().path("spec").path("realm"));
            }
        }
        assertEquals(
                Set.of("overlays/local/realm-import.yaml", "overlays/production/realm-import.yaml"), imports.keySet());
        JsonNode local = imports.get("overlays/local/realm-import.yaml");
        assertEquals(
                withoutWebAddresses(file), withoutWebAddresses(local), "local: the file, with the console's address");
        JsonNode prod = imports.get("overlays/production/realm-import.yaml");
        ObjectNode expected = file.deepCopy();
        ArrayNode clients = expected.putArray("clients");
        for (JsonNode c : file.path("clients")) {
            if (!c.path("directAccessGrantsEnabled").asBoolean(false)) {
                ObjectNode copy = c.deepCopy();
                if (copy.has("secret")) {
                    copy.put("secret", "${REPORTING_SERVICE_CLIENT_SECRET}");
                }
                clients.add(copy);
            }
        }
        ArrayNode users = expected.putArray("users");
        file.path("users").forEach(u -> {
            if (u.has("serviceAccountClientId")) {
                users.add(u);
            }
        });
        assertEquals(
                withoutWebAddresses(expected),
                withoutWebAddresses(prod),
                "production: no demo users, no password grant");
        assertFalse(prod.toString().contains("CHANGE-ME"), "production: no secret from the file");
    }

    /** The realm with parkpulse-web's addresses blanked: the file has the local run's, the cluster its host's. */
    static JsonNode withoutWebAddresses(JsonNode realm) {
        ObjectNode copy = realm.deepCopy();
        for (JsonNode c : copy.path("clients")) {
            if (c.path("clientId").asText().equals("parkpulse-web")) {
                ((ObjectNode) c).remove(List.of("redirectUris", "webOrigins"));
            }
        }
        return copy;
    }

    static List<Doc> concat(List<Doc> a, List<Doc> b) {
        List<Doc> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
