package io.flowdesk.common;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's dynamic SQL reads its query objects' properties without searching their methods every time.
 * <p>
 * Camunda builds each query's SQL with MyBatis, whose {@code <if test="…">} conditions OGNL evaluates against the
 * query object. OGNL finds a property's getter in a cache; for a name that is no getter's, it goes through all of
 * the class's public methods, lower-casing every name (an uncached search: {@code OgnlRuntime.getReadMethod}), and
 * reads the field if it found none; it calls a getter through its own checks, two lookups of the method in maps keyed
 * by {@code Method}, whose {@code equals} compares parameter types (with authorization checks on, 1.5 % of a task
 * completion's request CPU, 2026-12-05). Camunda's task query (Tasklist, engine REST {@code GET /task}) tests
 * {@code isOrQueryActive} and {@code isWithoutTenantId}, methods named like that, dozens of times per query. Building
 * the task query's SQL took 290-325 µs of CPU with OGNL's search and takes 95-117 µs without it (benchmark/README.md,
 * 2026-12-03 afternoon).
 * <p>
 * This accessor reads plain objects as OGNL's own does (maps, lists and arrays keep theirs: OGNL picks the accessor
 * of the nearest class), with OGNL's answer to "which method reads this property, if any" kept per class and name,
 * made accessible once and called directly (the methods are the getters the engine's own SQL mappings name).
 * Classes do not change while the JVM runs, so a kept answer stays true; answers are kept with the class (a
 * {@link ClassValue}, so a class can still be unloaded) and are bounded by the names the SQL mappings use.
 */
@Component
public class CachedOgnlReadMethods extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        install();
    }

    /** Makes OGNL read with {@link ReadMethodsKept} every object whose class has no accessor of its own. */
    static void install() {
        OgnlRuntime.setPropertyAccessor(Object.class, ReadMethodsKept.INSTANCE);
    }

    /**
     * OGNL's {@link ObjectPropertyAccessor}, with the read method of each class and property looked up once: what
     * {@code OgnlRuntime.getMethodValue} and then {@code getFieldValue} do, in that order, with the same checks.
     */
    static final class ReadMethodsKept extends ObjectPropertyAccessor {

        static final ReadMethodsKept INSTANCE = new ReadMethodsKept();

        private final ClassValue<Map<String, Optional<Read>>> readMethods = new ClassValue<>() {
            @Override
            protected Map<String, Optional<Read>> computeValue(Class<?> type) {
                return new ConcurrentHashMap<>();
            }
        };
        /** How many class and property names have their answer kept (for tests). */
        private final AtomicInteger kept = new AtomicInteger();

        /** A read method, and whether it was made accessible and is called directly. */
        private record Read(Method method, boolean direct) {
        }

        @Override
        public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
            if (target == null) {
                return super.getPossibleProperty(context, target, name);
            }
            Read read = read(target.getClass(), name).orElse(null);
            try {
                if (read != null && context.getMemberAccess().isAccessible(context, target, read.method(), name)) {
                    return read.direct() ? read.method().invoke(target)
                            : OgnlRuntime.invokeMethod(target, read.method(), OgnlRuntime.NoArguments);
                }
                return OgnlRuntime.getFieldValue(context, target, name, true);
            } catch (InvocationTargetException e) {
                throw new OgnlException(name, e.getTargetException());
            } catch (ReflectiveOperationException e) {
                throw new OgnlException(name, e);
            }
        }

        int keptAnswers() {
            return kept.get();
        }

        /** The method OGNL reads the property with: its getter, else another method named for it, else none. */
        Optional<Method> readMethod(Class<?> type, String name) {
            return read(type, name).map(Read::method);
        }

        private Optional<Read> read(Class<?> type, String name) {
            Map<String, Optional<Read>> answers = readMethods.get(type);
            Optional<Read> answer = answers.get(name);
            return answer != null ? answer : answers.computeIfAbsent(name, n -> {
                kept.incrementAndGet();
                Method getter = OgnlRuntime.getGetMethod(type, n);
                Method method = getter != null ? getter : OgnlRuntime.getReadMethod(type, n, null);
                // OGNL makes the method accessible for each call where it must
                return Optional.ofNullable(method).map(found -> new Read(found, found.trySetAccessible()));
            });
        }
    }
}
