package io.flowdesk.tickettype;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/ticket-types")
class TicketTypeController {

    private final TicketTypeCatalog catalog;

    TicketTypeController(TicketTypeCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<TicketType> list() {
        return catalog.all();
    }
}
