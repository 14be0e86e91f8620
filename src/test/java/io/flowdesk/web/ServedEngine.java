package io.flowdesk.web;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Makes this test's engine the one engine REST and the webapps serve: both find it by name ("default") in Camunda's
 * static registry, where each test context of the JVM registers its engine when it starts, the last one winning.
 */
public final class ServedEngine {

    private ServedEngine() {
    }

    public static void serve(ProcessEngine engine) {
        ProcessEngines.registerProcessEngine(engine);
    }
}
