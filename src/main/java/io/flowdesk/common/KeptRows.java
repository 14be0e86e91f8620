package io.flowdesk.common;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Engine rows that hardly ever change (job and process definitions), kept between commands instead of read by id
 * in every command that needs one. Each command is handed its own copy, registered in its entity cache as if just
 * loaded, so that a command that changes it still writes the change, through the engine's own dirty check.
 * <p>
 * Forgotten, when the change commits, whenever a command on this node changes or deletes one it was handed, or
 * calls {@link Reader#forgetOnCommit()} (bulk updates and deletes); and after a minute at the latest, so that a
 * change made through another node is seen too. A read that raced with such a change is not kept.
 *
 * @param <E> the engine entity
 * @param <R> its columns, immutable
 */
final class KeptRows<E extends DbEntity, R> {

    static final Duration AT_MOST = Duration.ofSeconds(60);

    private final Class<E> type;
    private final Function<E, R> toRow;
    private final Function<R, E> toEntity;
    private final KeptValues<String, R> rows = new KeptValues<>(AT_MOST, 10_000);

    KeptRows(Class<E> type, Function<E, R> toRow, Function<R, E> toEntity) {
        this.type = type;
        this.toRow = toRow;
        this.toEntity = toEntity;
    }

    /** How many rows are kept now. */
    long kept() {
        return rows.size();
    }

    /** One per command, as every engine session. */
    Reader reader() {
        return new Reader();
    }

    private void forgetAll() {
        rows.forgetAll();
    }

    final class Reader implements CommandContextListener {

        /** What this command was handed: changed or deleted by the command means forget at commit. */
        private final List<E> handedOut = new ArrayList<>();

        /**
         * The entity by id: from the command's entity cache, a kept row, or {@code load} (the engine's own read),
         * whose result is kept when {@code keep} says so.
         */
        E find(DbEntityManager entities, String id, Function<String, E> load, Predicate<E> keep) {
            E entity = entities.getCachedEntity(type, id);
            if (entity != null) {
                return entity;
            }
            R row = rows.getIfPresent(id);
            if (row != null) {
                entity = toEntity.apply(row);
                entities.getDbEntityCache().putPersistent(entity);
            } else {
                long changesBeforeRead = rows.forgettings();
                entity = load.apply(id);
                if (entity == null) {
                    return null;
                }
                if (keep.test(entity)) {
                    rows.keep(id, toRow.apply(entity), changesBeforeRead); // not if a change committed meanwhile
                }
            }
            watch(entity);
            return entity;
        }

        /** Everything kept is forgotten once this command commits. */
        void forgetOnCommit() {
            Context.getCommandContext().getTransactionContext()
                    .addTransactionListener(TransactionState.COMMITTED, committed -> forgetAll());
        }

        private void watch(E entity) {
            if (handedOut.isEmpty()) {
                Context.getCommandContext().registerCommandContextListener(this);
            }
            handedOut.add(entity);
        }

        /** Before the command's flush: did it change or delete a row it was handed? The flush's own dirty check. */
        @Override
        public void onCommandContextClose(CommandContext commandContext) {
            DbEntityCache entities = commandContext.getDbEntityManager().getDbEntityCache();
            boolean changed = handedOut.stream().map(entities::getCachedEntity).anyMatch(cached -> cached == null
                    || cached.getEntityState() != DbEntityState.PERSISTENT || cached.isDirty());
            if (changed) {
                forgetOnCommit();
            }
        }

        @Override
        public void onCommandFailed(CommandContext commandContext, Throwable failure) {
            // nothing was written
        }
    }
}
