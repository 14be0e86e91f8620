package io.flowdesk.sla;

/** What the SLA policy table promises for a ticket; minutes are working minutes of the named calendar. */
public record SlaTerms(int firstResponseMinutes, int resolutionMinutes, int warningPercent, int secondLevelPercent,
                       String calendar) {

    static final SlaTerms FALLBACK = new SlaTerms(240, 1440, 75, 150, BusinessCalendars.BUSINESS);

    int minutes(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? firstResponseMinutes : resolutionMinutes;
    }
}
