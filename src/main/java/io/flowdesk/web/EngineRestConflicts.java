package io.flowdesk.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Camunda's engine REST answers 500 for every engine exception but authorization and bad-request ones, conflicts with
 * another user's work included. These mappers answer {@code 409 Conflict}, with Camunda's usual error body
 * ({@code type}, {@code message}, {@code code}), for:
 * <ul>
 *   <li>claiming a task someone else holds ({@code TaskAlreadyClaimedException});</li>
 *   <li>losing a race, such as two completions of one task at once, of which the engine lets one through
 *       ({@link EngineConflicts#isConcurrentModification}), on any engine REST call;</li>
 *   <li>claiming, unclaiming, completing or submitting the form of a task that has ended ("was already completed"),
 *       where Camunda says "Cannot find task", or trips over the rows the completion removed as the request read
 *       them (a 500 before), or finds the task's grants gone with it (a 403); an id that was never a task's is
 *       {@code 404}.</li>
 * </ul>
 * Every other error is left to the mappers that answered it before, untouched.
 *
 * <p>Jersey maps an exception with the mapper registered for its nearest type and, among mappers of that type, with
 * the one of highest priority that accepts it ({@link ExtendedExceptionMapper#isMappable}). Camunda's handlers are
 * registered for {@link ProcessEngineException}, {@link RestException} (which the task resources wrap engine
 * exceptions in; {@code EngineRestValidationErrors} maps it too, at a lower priority than these) and
 * {@link Throwable} (Spring's exceptions at a commit): one mapper per type, ahead of them, that takes only conflicts.
 */
public abstract class EngineRestConflicts<E extends Throwable> implements ExtendedExceptionMapper<E> {

    /** Ahead of Camunda's handlers (default priority) and of {@code EngineRestValidationErrors} ({@code USER - 100}). */
    static final int PRIORITY = Priorities.USER - 200;

    /** One class per exception type Camunda registers a handler for (Jersey reads the type from the class). */
    static final List<Class<?>> MAPPERS = List.of(ForEngineExceptions.class, ForRestExceptions.class,
            ForOtherExceptions.class);

    private static final Logger log = LoggerFactory.getLogger(EngineRestConflicts.class);
    private static final ExceptionHandlerHelper CAMUNDA = ExceptionHandlerHelper.getInstance();

    /** {@code task/{id}/claim} and the like, on the default engine or a named one ({@code engine/{name}/task/...}). */
    private static final Pattern TASK_ACTION =
            Pattern.compile("/?(?:engine/([^/]+)/)?task/([^/]+)/(?:claim|unclaim|complete|submit-form)/?");

    /**
     * The answer {@link #isMappable} decided on, for {@link #toResponse} to give, by exception (an identity key, held
     * weakly): deciding may take a database read.
     */
    private static final Map<Throwable, Optional<Response>> DECIDED = Collections.synchronizedMap(new WeakHashMap<>());

    @Context
    private UriInfo uriInfo;

    @Override
    public boolean isMappable(E exception) {
        Optional<Response> decided = DECIDED.get(exception);
        if (decided == null) { // decided outside the map's lock, which a database read would hold up
            decided = conflictAnswer(exception);
            DECIDED.put(exception, decided);
        }
        return decided.isPresent();
    }

    @Override
    public Response toResponse(E exception) {
        Optional<Response> decided = DECIDED.remove(exception);
        return (decided != null ? decided : conflictAnswer(exception)).orElseThrow();
    }

    /**
     * A 409 for a conflict; and for a failed action on a task, a 409 if the task has ended meanwhile (whatever the
     * engine then tripped over: a task completed by someone else as this request read it has left half its rows
     * gone), a 404 if it never existed. Empty where this is not about a conflict: another mapper answers.
     */
    private Optional<Response> conflictAnswer(Throwable exception) {
        if (EngineConflicts.isConflict(exception)) {
            log.debug("409 for {}: {}", uriInfo.getPath(), exception.getMessage());
            return Optional.of(answer(Status.CONFLICT, CAMUNDA.fromException(exception)));
        }
        boolean taskNotFound = EngineConflicts.isTaskNotFound(exception);
        // the winner of a race deletes the task's grants with the task: the loser's check then finds none
        boolean refused = EngineConflicts.cause(exception, AuthorizationException.class).isPresent();
        Optional<TaskAction> action = taskAction();
        if (action.isEmpty() || !taskNotFound && !refused && CAMUNDA.getStatus(exception).getStatusCode() < 500) {
            return Optional.empty();
        }
        ProcessEngine engine = EngineUtil.lookupProcessEngine(action.get().engineName());
        TaskFate fate = engine == null ? null : TaskFate.of(engine, action.get().taskId());
        ExceptionDto body = CAMUNDA.fromException(exception);
        if (fate != null && fate.hasEnded()) {
            body.setMessage("Task " + action.get().taskId() + " " + fate.endedPhrase());
            log.debug("409 for {}: task {}", uriInfo.getPath(), fate.endedPhrase());
            return Optional.of(answer(Status.CONFLICT, body));
        }
        boolean neverExisted = fate != null && fate.kind() == TaskFate.Kind.UNKNOWN && taskNotFound;
        return neverExisted ? Optional.of(answer(Status.NOT_FOUND, body)) : Optional.empty();
    }

    private Optional<TaskAction> taskAction() {
        Matcher matcher = TASK_ACTION.matcher(uriInfo.getPath());
        return matcher.matches() ? Optional.of(new TaskAction(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    private static Response answer(Status status, ExceptionDto body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** @param engineName null for the default engine */
    private record TaskAction(String engineName, String taskId) {
    }

    /** What engine commands throw, among them {@code TaskAlreadyClaimedException} (claims are not wrapped). */
    @Priority(PRIORITY)
    public static final class ForEngineExceptions extends EngineRestConflicts<ProcessEngineException> {
    }

    /** Engine exceptions that the complete and submit-form resources wrap. */
    @Priority(PRIORITY)
    public static final class ForRestExceptions extends EngineRestConflicts<RestException> {
    }

    /** What no resource catches: Spring's concurrency failures thrown at the commit of an engine command. */
    @Priority(PRIORITY)
    public static final class ForOtherExceptions extends EngineRestConflicts<Throwable> {
    }
}
