package io.flowdesk.common;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Makes history level {@code tasks} ({@link TaskHistoryLevel}) known to the engine, so the configuration can name it. */
@Component
class TaskHistoryLevelPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(new TaskHistoryLevel());
        configuration.setCustomHistoryLevels(levels);
    }
}
