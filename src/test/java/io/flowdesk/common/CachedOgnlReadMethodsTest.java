package io.flowdesk.common;

import org.apache.ibatis.ognl.MemberAccess;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.Ognl;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.scripting.xmltags.OgnlCache;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Constructor;

import static org.assertj.core.api.Assertions.assertThat;

class CachedOgnlReadMethodsTest {

    /**
     * Each way OGNL can find a property: a getter (winning over a public field of the same name), a method named as
     * the property, a private or public field, a private getter, a getter that fails; and none.
     */
    @SuppressWarnings("unused")
    public static class Sample {
        public String name = "public field, shadowed by the getter";
        private final String note = "private field, no getter";
        public final int count = 3;

        public String getName() {
            return "getter";
        }

        public boolean isActive() {
            return true;
        }

        public boolean isOrQueryActive() {
            return false;
        }

        public String getBroken() {
            throw new IllegalStateException("getter fails");
        }

        private String getHidden() {
            return "private getter";
        }
    }

    /** Another class, resolved by OGNL only in this test. */
    public static class SeenOnlyHere {
        public String getValue() {
            return "value";
        }
    }

    private final ObjectPropertyAccessor ognl = new ObjectPropertyAccessor();
    private final CachedOgnlReadMethods.ReadMethodsKept kept = new CachedOgnlReadMethods.ReadMethodsKept();

    @ParameterizedTest
    @ValueSource(strings = {"name", "active", "isActive", "isOrQueryActive", "note", "count", "broken", "hidden",
            "missing", "class"})
    void readsEveryPropertyAsOgnlDoes(String property) throws Exception {
        Sample sample = new Sample();
        for (int i = 0; i < 2; i++) {
            assertThat(read(kept, sample, property)).as(property).isEqualTo(read(ognl, sample, property));
        }
    }

    @Test
    void readsGettersMethodsNamedAsThePropertyAndFields() throws Exception {
        Sample sample = new Sample();
        assertThat(read(kept, sample, "name")).isEqualTo("getter");
        assertThat(read(kept, sample, "active")).isEqualTo(true);
        assertThat(read(kept, sample, "isOrQueryActive")).isEqualTo(false);
        assertThat(read(kept, sample, "note")).isEqualTo("private field, no getter");
        assertThat(read(kept, sample, "count")).isEqualTo(3);
        assertThat((String) read(kept, sample, "broken")).endsWith("IllegalStateException: getter fails");
        assertThat((String) read(kept, sample, "missing")).startsWith("NoSuchPropertyException");
    }

    @Test
    void looksUpAClassesReadMethodOnce() throws Exception {
        Sample sample = new Sample();
        for (int i = 0; i < 3; i++) {
            read(kept, sample, "isOrQueryActive");
            read(kept, sample, "note");
        }
        assertThat(kept.keptAnswers()).isEqualTo(2);
    }

    @Test
    void mybatisReadsObjectsThroughItOnceInstalled() throws Exception {
        CachedOgnlReadMethods.install();

        assertThat(OgnlRuntime.getPropertyAccessor(SeenOnlyHere.class))
                .isSameAs(CachedOgnlReadMethods.ReadMethodsKept.INSTANCE);
        assertThat(OgnlCache.getValue("value", new SeenOnlyHere())).isEqualTo("value");
        TaskQueryImpl query = new TaskQueryImpl();
        query.taskId("t-1");
        assertThat(OgnlCache.getValue("!isOrQueryActive and taskId == 't-1' and !isWithoutTenantId", query))
                .isEqualTo(true);
    }

    /** The value, or the kind of failure, as MyBatis gets it: with MyBatis's own member access. */
    private static Object read(ObjectPropertyAccessor accessor, Object target, String property) throws Exception {
        OgnlContext context = Ognl.createDefaultContext(target, mybatisMemberAccess());
        try {
            return accessor.getProperty(context, target, property);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return e.getClass().getSimpleName() + " / " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
    }

    private static MemberAccess mybatisMemberAccess() throws Exception {
        Constructor<?> constructor = Class.forName("org.apache.ibatis.scripting.xmltags.OgnlMemberAccess")
                .getDeclaredConstructor();
        constructor.setAccessible(true);
        return (MemberAccess) constructor.newInstance();
    }
}
