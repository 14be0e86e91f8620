package io.flowdesk.ticket;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class TicketNotFoundException extends ErrorResponseException {

    public TicketNotFoundException(String number) {
        super(HttpStatus.NOT_FOUND, problem(number), null);
    }

    private static ProblemDetail problem(String number) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No ticket with number " + number);
        problem.setTitle("Ticket not found");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
