package io.flowdesk.attachment;

import io.flowdesk.attachment.TicketAttachments.AttachmentFile;
import io.flowdesk.common.Problems;
import io.flowdesk.security.Viewer;
import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketAccess;
import io.flowdesk.ticket.TicketNotFoundException;
import io.flowdesk.ticket.TicketUpdates;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** A ticket's files as an agent reaches them: only on tickets they may read, added only to those they work on. */
@Service
class ViewerAttachments {

    private final TicketAttachments attachments;
    private final TicketUpdates tickets;
    private final TicketAccess access;

    ViewerAttachments(TicketAttachments attachments, TicketUpdates tickets, TicketAccess access) {
        this.attachments = attachments;
        this.tickets = tickets;
        this.access = access;
    }

    @Transactional(readOnly = true)
    List<AttachmentView> list(String number, Viewer viewer) {
        access.visible(ticket(number), viewer);
        return attachments.listOf(number);
    }

    @Transactional(readOnly = true)
    AttachmentFile file(String number, long id, Viewer viewer) {
        access.visible(ticket(number), viewer);
        return attachments.file(number, id).orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND,
                "Attachment not found", "Ticket " + number + " has no attachment " + id));
    }

    @Transactional
    AttachmentView add(String number, NewAttachment file, Viewer viewer) {
        access.workable(ticket(number), viewer);
        long id = attachments.add(number, file, "upload", viewer.userId());
        return attachments.file(number, id).orElseThrow().view();
    }

    private Ticket ticket(String number) {
        return tickets.find(number).orElseThrow(() -> new TicketNotFoundException(number));
    }
}
