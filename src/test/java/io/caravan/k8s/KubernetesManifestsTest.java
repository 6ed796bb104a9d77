package io.caravan.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plain Kubernetes manifests of {@code k8s/app}, parsed strictly with fabric8's Kubernetes model
 * (a field the model does not know fails), and what they must agree on: the probes on the health
 * port the application opens, a grace period above Camel's shutdown timeout, the names one object
 * gives another (Secret, ConfigMaps, ServiceAccount, Role), a CronJob that never overlaps itself.
 */
class KubernetesManifestsTest {

    private static final Path APP = Path.of("k8s", "app");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @Test
    void everyManifestIsAKnownKubernetesObjectWithNoUnknownField() throws Exception {
        List<HasMetadata> objects = objects();
        assertThat(objects).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("ConfigMap", "ConfigMap",
                "CronJob", "Deployment", "Role", "RoleBinding", "Secret", "Service", "ServiceAccount");
        for (HasMetadata object : objects) {
            assertThat(unknownFields(object)).as("%s %s", object.getKind(), object.getMetadata().getName()).isEmpty();
        }
        // The check finds what Kubernetes would silently drop: a misspelt field.
        HasMetadata misspelt = SERIALIZATION.unmarshal(Files.readString(APP.resolve("deployment.yaml"))
                .replace("terminationGracePeriodSeconds", "terminationGracePeriodSecond"));
        assertThat(unknownFields(misspelt)).singleElement().asString().contains("terminationGracePeriodSecond");
    }

    @Test
    void deploymentProbesTheHealthPortAndOutlastsTheShutdown() throws Exception {
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/caravan/application.properties"))) {
            settings.load(in);
        }
        Deployment deployment = one(Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container caravan = pod.getContainers().get(0);
        assertThat(env(caravan, "CARAVAN_OBSERVE_ENABLED")).isEqualTo("true");
        assertThat(env(caravan, "CARAVAN_EXIT_WHEN_DONE")).isEqualTo("false");
        assertThat(settings.getProperty("camel.management.port")).isEqualTo("{{caravan.observe.port:9876}}");
        assertThat(caravan.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("observe");
            assertThat(port.getContainerPort()).isEqualTo(9876);
        });
        assertThat(caravan.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/observe/health/live");
        assertThat(caravan.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/observe/health/ready");
        assertThat(caravan.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("observe");
        long shutdownTimeout = Long.parseLong(settings.getProperty("camel.main.shutdown-timeout"));
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(shutdownTimeout);
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getTemplate().getMetadata().getLabels());

        Service service = one(Service.class);
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getTemplate().getMetadata().getLabels());
        assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("observe");
    }

    @Test
    void cronJobRunsOneSyncAtATimeAndExits() throws Exception {
        CronJob cronJob = one(CronJob.class);
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        PodSpec pod = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getContainers().get(0).getArgs()).containsExactly("run");
        // No CARAVAN_EXIT_WHEN_DONE=false: the process ends when every source has run once.
        assertThat(pod.getContainers().get(0).getEnv()).noneMatch(env -> env.getName().equals("CARAVAN_EXIT_WHEN_DONE"));
    }

    @Test
    void theObjectsNameEachOtherConsistently() throws Exception {
        List<String> configMaps = all(ConfigMap.class).stream().map(map -> map.getMetadata().getName()).toList();
        Secret secret = one(Secret.class);
        String account = one(ServiceAccount.class).getMetadata().getName();
        List<PodSpec> pods = List.of(one(Deployment.class).getSpec().getTemplate().getSpec(),
                one(CronJob.class).getSpec().getJobTemplate().getSpec().getTemplate().getSpec());
        for (PodSpec pod : pods) {
            assertThat(pod.getServiceAccountName()).isEqualTo(account);
            assertThat(pod.getVolumes()).allSatisfy(volume -> assertThat(configMaps).contains(volume.getConfigMap().getName()));
            assertThat(pod.getContainers().get(0).getEnvFrom()).allSatisfy(from ->
                    assertThat(from.getSecretRef().getName()).isEqualTo(secret.getMetadata().getName()));
            assertThat(pod.getContainers().get(0).getVolumeMounts()).singleElement()
                    .satisfies(mount -> assertThat(mount.getMountPath()).isEqualTo("/app/routes"));
        }
        assertThat(secret.getStringData()).containsKeys("CARAVAN_JDBC_URL", "CARAVAN_JDBC_USER", "CARAVAN_JDBC_PASSWORD",
                "CARAVAN_GITHUB_TOKEN");
        Role role = one(Role.class);
        assertThat(role.getRules()).hasSize(2).anySatisfy(rule -> {
            assertThat(rule.getApiGroups()).containsExactly("coordination.k8s.io");
            assertThat(rule.getResources()).containsExactly("leases");
            assertThat(rule.getVerbs()).contains("get", "create", "update");
        }).anySatisfy(rule -> {
            assertThat(rule.getApiGroups()).containsExactly("");
            assertThat(rule.getResources()).containsExactly("pods");
            assertThat(rule.getVerbs()).contains("get", "list");
        });
        RoleBinding binding = one(RoleBinding.class);
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> assertThat(subject.getName()).isEqualTo(account));
    }

    /** Every object of every manifest, each a typed object of the model (never a generic one). */
    static List<HasMetadata> objects() throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(APP)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (String document : Files.readString(file).split("(?m)^---$")) {
                    HasMetadata object = SERIALIZATION.unmarshal(document);
                    assertThat(object).as("an object of %s", file).isNotInstanceOf(GenericKubernetesResource.class);
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    static <T extends HasMetadata> List<T> all(Class<T> type) throws IOException {
        return objects().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T one(Class<T> type) throws IOException {
        List<T> found = all(type);
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(env -> env.getName().equals(name)).findFirst().orElseThrow().getValue();
    }

    /**
     * The fields of {@code value} the model did not know: fabric8 keeps them in each object's
     * additional properties instead of failing, so they are collected from the whole tree.
     */
    static List<String> unknownFields(Object value) throws Exception {
        List<String> found = new ArrayList<>();
        collectUnknown(value, value.getClass().getSimpleName(), found);
        return found;
    }

    private static void collectUnknown(Object value, String path, List<String> found) throws Exception {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                collectUnknown(entry.getValue(), path + "." + entry.getKey(), found);
            }
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || !getter.getDeclaringClass().getName().startsWith("io.fabric8.")) {
                continue;
            }
            Object field = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + ": " + extra.keySet());
                }
            } else {
                collectUnknown(field, path + "." + getter.getName().substring(3), found);
            }
        }
    }
}
