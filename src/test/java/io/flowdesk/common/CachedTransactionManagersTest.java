package io.flowdesk.common;

import io.flowdesk.ticket.TicketUpdates;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.BeanFactoryTransactionAttributeSourceAdvisor;
import org.springframework.transaction.interceptor.RuleBasedTransactionAttribute;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code @Transactional} advisor calls through the interceptor that keeps each class's transaction manager, and
 * that interceptor chooses the manager as Spring does: a class's {@code @Qualifier}, an attribute's own qualifier,
 * else the default. Runs in the API tests' context (see WhatTheEngineRecordsTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CachedTransactionManagersTest {

    @Autowired BeanFactoryTransactionAttributeSourceAdvisor advisor;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired TicketUpdates updates;

    @Test
    void transactionalCallsGoThroughTheInterceptorThatKeepsTheManagerOfEachClass() {
        assertThat(advisor.getAdvice()).isInstanceOf(CachedTransactionManagers.KeptPerClass.class);
        var interceptor = (CachedTransactionManagers.KeptPerClass) advisor.getAdvice();
        assertThat(AopUtils.isAopProxy(updates)).isTrue();

        assertThat(updates.find("TK-999999")).isEmpty();

        assertThat(interceptor.keptFor(AopUtils.getTargetClass(updates))).isSameAs(transactionManager);
    }

    @Test
    void aClassThatNamesItsManagerGetsThatOneAndTheOthersTheDefaultEachKept() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        PlatformTransactionManager main = new DataSourceTransactionManager();
        PlatformTransactionManager second = new DataSourceTransactionManager();
        beans.registerSingleton("main", main);
        beans.registerSingleton("second", second);
        beans.registerAlias("main", "transactionManager");
        CachedTransactionManagers.KeptPerClass interceptor = new CachedTransactionManagers.KeptPerClass();
        interceptor.setBeanFactory(beans);
        interceptor.setTransactionManagerBeanName("transactionManager");
        interceptor.setTransactionAttributeSource(new AnnotationTransactionAttributeSource());
        interceptor.afterPropertiesSet();
        RuleBasedTransactionAttribute plain = new RuleBasedTransactionAttribute();
        RuleBasedTransactionAttribute namingSecond = new RuleBasedTransactionAttribute();
        namingSecond.setQualifier("second");

        assertThat(interceptor.determineTransactionManager(plain, Plain.class)).isSameAs(main);
        assertThat(interceptor.determineTransactionManager(plain, QualifiedSecond.class)).isSameAs(second);
        assertThat(interceptor.determineTransactionManager(namingSecond, Plain.class)).isSameAs(second);

        assertThat(interceptor.keptFor(Plain.class)).as("kept for the class, from the call without a qualifier")
                .isSameAs(main);
        assertThat(interceptor.keptFor(QualifiedSecond.class)).isSameAs(second);
        assertThat(interceptor.determineTransactionManager(plain, Plain.class)).isSameAs(main);
        assertThat(interceptor.determineTransactionManager(plain, QualifiedSecond.class)).isSameAs(second);
    }

    static class Plain {
    }

    @Qualifier("second")
    static class QualifiedSecond {
    }
}
