package io.flowdesk.common;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Decisions evaluated inside an engine command (from the deployment cache) and outside (DecisionService) agree. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LatestDecisionsTest {

    @Autowired LatestDecisions decisions;
    @Autowired ProcessEngine processEngine;

    @Test
    void aVipInvoiceQuestionIsRoutedAlikeInsideAndOutsideACommand() {
        VariableMap inputs = Variables.createVariables()
                .putValue("ticketType", "inquiry").putValue("category", "billing").putValue("priority", "normal")
                .putValue("customerTier", "vip").putValue("channel", "web").putValue("region", null)
                .putValue("text", "发票抬头错误，请重新开具");
        DmnDecisionResult outside = decisions.evaluate("routing", inputs);
        DmnDecisionResult inside = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(command -> decisions.evaluate("routing", inputs));
        assertThat(outside.getFirstResult().getEntryMap()).containsEntry("group", "finance");
        assertThat(inside.getResultList()).isEqualTo(outside.getResultList());
    }
}
