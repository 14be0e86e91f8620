package io.flowdesk.mail;

import io.flowdesk.attachment.NewAttachment;

import java.util.List;

/**
 * A mail as the desk reads it.
 *
 * @param messageId  its Message-ID (or, where it has none, one made from its content)
 * @param replyTo    the Message-IDs it answers: In-Reply-To first, then References, newest first
 * @param fromAddress the sender's address, lower-case
 * @param fromName   the sender's name as their client gave it, or the address's local part
 * @param copied     the addresses in To and Cc (lower-case), who may write to the ticket too
 * @param text       its text (the plain part, or the HTML part's text), quoted history left out
 * @param automatic  why it was sent by a machine (an out-of-office reply, a bounce, a list), or null: such a mail
 *                   is recorded, never a ticket or a customer message (two auto-responders would write forever)
 */
record ParsedMail(String messageId, List<String> replyTo, String fromAddress, String fromName, List<String> copied,
                  String subject, String text, List<NewAttachment> attachments, String automatic) {
}
