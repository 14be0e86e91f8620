package io.flowdesk.common;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.PriorityOrdered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.StringUtils;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls of {@code @Transactional} methods find their transaction manager without searching the target class's
 * annotations every time.
 * <p>
 * Spring 6.2 lets a {@code @Qualifier} on a bean's class choose the transaction manager of its transactional methods:
 * at every call through the proxy, before anything else, {@code TransactionAspectSupport.determineTransactionManager}
 * scans the target class's annotations for one ({@code BeanFactoryAnnotationUtils.getQualifierValue}, not cached). A
 * ticket create makes about twenty such calls (the ticket service, its updates, the SLA clocks, the queries): 0.05 to
 * 0.06 ms of its 5 ms of request CPU (async-profiler, 2026-12-08), more than any feature of the create path on its
 * own. Which manager a class's calls get does not change while the application runs, so the interceptor of the
 * {@code @Transactional} advisor is replaced by one that asks Spring once per target class and keeps the answer; a
 * transaction attribute that names its manager ({@code @Transactional("…")}) goes to Spring's own lookup, which is
 * cached already, and a call without a target class too. Spring Data's repositories have interceptors of their own
 * and keep them.
 */
@Component
public class CachedTransactionManagers implements BeanPostProcessor, PriorityOrdered, BeanFactoryAware {

    /** The name under which Spring's transaction configuration registers the advisor's interceptor. */
    static final String INTERCEPTOR = "transactionInterceptor";

    private BeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /** Before Spring's own post-processors, among them the one that builds the advisors from this interceptor. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (!INTERCEPTOR.equals(beanName) || bean.getClass() != TransactionInterceptor.class) {
            return bean;
        }
        TransactionInterceptor spring = (TransactionInterceptor) bean;
        KeptPerClass kept = new KeptPerClass();
        kept.setTransactionAttributeSource(spring.getTransactionAttributeSource());
        kept.setTransactionManager(spring.getTransactionManager());
        kept.setBeanFactory(beanFactory);
        kept.afterPropertiesSet();
        return kept;
    }

    /** Spring's interceptor, with the manager for a target class (and no qualifier on the attribute) kept. */
    static final class KeptPerClass extends TransactionInterceptor {

        private final Map<Class<?>, TransactionManager> managers = new ConcurrentHashMap<>();

        @Override
        protected TransactionManager determineTransactionManager(TransactionAttribute attribute, Class<?> targetClass) {
            if (attribute == null || targetClass == null || StringUtils.hasText(attribute.getQualifier())) {
                return super.determineTransactionManager(attribute, targetClass);
            }
            TransactionManager manager = managers.get(targetClass);
            if (manager == null) {
                manager = super.determineTransactionManager(attribute, targetClass);
                if (manager != null) {
                    managers.putIfAbsent(targetClass, manager);
                }
            }
            return manager;
        }

        /** The manager kept for calls on that class, if one was made yet. */
        TransactionManager keptFor(Class<?> targetClass) {
            return managers.get(targetClass);
        }
    }
}
