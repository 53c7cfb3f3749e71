package io.parkpulse.projects;

import io.parkpulse.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against the build's shared PostgreSQL and Kafka. */
@QuarkusTestResource(
        value = InfraTestResource.class,
        restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "projects"))
public class SharedInfraTestResource {}
