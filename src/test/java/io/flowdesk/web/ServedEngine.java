package io.flowdesk.web;

import org.camunda.bpm.BpmPlatform;
import org.camunda.bpm.ProcessEngineService;
import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Makes this test's engine the one engine REST and the webapps serve. Both find it by name ("default"), engine REST
 * in Camunda's static registry, the webapps first in the container's registry: each test context of the JVM
 * registers its engine there when it starts, the last one winning, and a context closed by another test (the
 * database tests start and stop applications of their own) leaves a closed engine or none behind.
 */
public final class ServedEngine {

    private ServedEngine() {
    }

    public static void serve(ProcessEngine engine) {
        ProcessEngines.registerProcessEngine(engine);
        ProcessEngineService container = BpmPlatform.getProcessEngineService();
        ProcessEngine registered = container.getProcessEngine(engine.getName());
        if (registered != engine) {
            RuntimeContainerDelegate delegate = RuntimeContainerDelegate.INSTANCE.get();
            if (registered != null) {
                delegate.unregisterProcessEngine(registered);
            }
            delegate.registerProcessEngine(engine);
        }
    }
}
