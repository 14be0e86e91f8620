package io.flowdesk.common;

import io.flowdesk.security.TestViewers;
import io.flowdesk.ticket.Channel;
import io.flowdesk.ticket.CreateTicketRequest;
import io.flowdesk.ticket.CreateTicketRequest.CustomerDetails;
import io.flowdesk.ticket.Priority;
import io.flowdesk.ticket.TicketService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs in the API tests' context (see WhatTheEngineRecordsTest). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TimeOrderedIdsTest {

    private final TimeOrderedIds ids = new TimeOrderedIds();

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TicketService tickets;

    @Test
    void theEngineNamesANewTicketsRowsWithThem() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getIdGenerator())
                .isInstanceOf(TimeOrderedIds.class);
        String number = tickets.create(new CreateTicketRequest("inquiry", "积分规则", "积分多久过期", Channel.web,
                Priority.normal, null, new CustomerDetails("张三", "zhang@example.com", null, "standard", null),
                Map.of()), TestViewers.ALICE).number();

        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult().getId();
        assertThat(UUID.fromString(instance).version()).isEqualTo(7);
    }

    @Test
    void idsAreVersion7UuidsThatSortInTheOrderTheyWereMade() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            made.add(ids.getNextId());
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
        assertThat(made.get(0)).hasSize(36);
    }

    @Test
    void idsMadeOnSeveralThreadsAtOnceAreUnique_andInMillisecondOrder() throws InterruptedException {
        List<List<String>> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            List<String> mine = new ArrayList<>();
            perThread.add(mine);
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    mine.add(ids.getNextId());
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        HashSet<String> all = new HashSet<>();
        perThread.forEach(all::addAll);
        assertThat(all).hasSize(40_000);
        // ordered to the millisecond (the generator reads the clock before it takes its lock, so within one
        // millisecond ids of concurrent threads may interleave either way)
        perThread.forEach(mine -> assertThat(mine).extracting(id -> UUID.fromString(id).getMostSignificantBits() >>> 16)
                .isSorted());
    }
}
