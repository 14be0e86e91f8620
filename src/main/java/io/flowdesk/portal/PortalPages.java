package io.flowdesk.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The portal's two pages, static files under {@code static/portal/}: the start page (submit a request, follow one by
 * number and e-mail) and a ticket's page, at the paths of the links mails carry. Nothing of a ticket is written into
 * them here: their scripts fetch it as JSON and put it in as text.
 */
@Controller
class PortalPages {

    @GetMapping("/portal")
    String portal() {
        return "redirect:/portal/";
    }

    @GetMapping("/portal/")
    String start() {
        return "forward:/portal/index.html";
    }

    @GetMapping({"/portal/t/{number}", "/portal/t/{number}/rate"})
    String ticket() {
        return "forward:/portal/ticket.html";
    }
}
