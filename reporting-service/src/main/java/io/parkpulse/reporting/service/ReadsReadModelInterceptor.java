package io.parkpulse.reporting.service;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

@ReadsReadModel
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ReadsReadModelInterceptor {

    @Inject
    Rebuilds rebuilds;

    @AroundInvoke
    Object refuseWhileIncomplete(InvocationContext ctx) throws Exception {
        rebuilds.refuseReadsWhileIncomplete();
        return ctx.proceed();
    }
}
