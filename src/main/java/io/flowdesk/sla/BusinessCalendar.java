package io.flowdesk.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Working time for SLA targets (first response, resolution): weekly working hours in a time zone, minus public
 * holidays, plus make-up workdays (调休上班). Immutable and thread-safe; the logic has no Spring dependency (Spring
 * only binds the {@link BusinessCalendarProperties} it is built from).
 *
 * <h2>Model</h2>
 * Every date has the working intervals of its day of week ({@code weekly-hours}), or of
 * {@code make-up-workday-hours} when it is a make-up workday, or none when it is a holiday. An interval is written in
 * local time of the calendar's zone; {@code 24:00} may end it, and an interval whose end is not after its start
 * ({@code 22:00-06:00}) runs over midnight into the next morning. An interval <em>belongs to the date it starts
 * on</em>: whether that date is a holiday or a make-up workday decides whether the whole interval, including the part
 * after midnight, is worked.
 *
 * <h2>Time zones and daylight saving</h2>
 * Interval ends are local times mapped to instants with {@link ZonedDateTime#of}: a local time in a gap (spring
 * forward) moves later by the length of the gap, a local time in an overlap (fall back) takes the earlier offset. So a
 * {@code 00:00-24:00} day lasts 23 or 25 hours on a change day, an interval {@code 01:00-04:00} that spans the change
 * lasts its real elapsed time (2 or 4 hours), and an interval that collapses to nothing after mapping is skipped.
 * Working time is never counted twice: where intervals overlap as instants (an overnight shift running into a make-up
 * workday's morning, or after a DST mapping) the overlap counts once.
 *
 * <h2>Counting</h2>
 * Working time is counted interval by interval (and day by day over non-working days), never minute by minute, at the
 * full precision of {@link Instant}. Searches forward stop with an {@link IllegalStateException} after
 * {@value #MAX_DAYS_WITHOUT_WORKING_TIME} consecutive days without any working time (a calendar with no working time
 * at all, or one whose working time has run out).
 */
public final class BusinessCalendar {

    /** How far (in days) a forward search goes without finding any working time before giving up (about ten years). */
    public static final int MAX_DAYS_WITHOUT_WORKING_TIME = 3660;

    private static final String PREFIX = "flowdesk.business-calendar.";
    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");
    private static final String RANGE_SEPARATOR = "..";
    private static final int MINUTES_PER_DAY = 24 * 60;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingInterval>> weeklyHours;
    /** merged inclusive holiday ranges, start → end */
    private final NavigableMap<LocalDate, LocalDate> holidays;
    /** merged inclusive make-up workday ranges, start → end */
    private final NavigableMap<LocalDate, LocalDate> makeUpWorkdays;
    private final List<WorkingInterval> makeUpWorkdayHours;

    /**
     * Builds and validates a calendar from its configuration.
     *
     * @throws IllegalArgumentException naming the offending value for an unknown zone or day of week, an interval that
     *                                  is malformed, empty or overlaps another one, a malformed date or range, or a date
     *                                  that is both a holiday and a make-up workday
     */
    public BusinessCalendar(BusinessCalendarProperties properties) {
        Objects.requireNonNull(properties, "properties");
        this.zone = parseZone(properties.zone());
        this.weeklyHours = parseWeeklyHours(properties.weeklyHours());
        this.holidays = parseDates("holidays", properties.holidays());
        this.makeUpWorkdays = parseDates("make-up-workdays", properties.makeUpWorkdays());
        List<String> makeUpHours = properties.makeUpWorkdayHours();
        if (makeUpHours == null || makeUpHours.isEmpty()) {
            this.makeUpWorkdayHours = weeklyHours.get(DayOfWeek.MONDAY);
        } else {
            this.makeUpWorkdayHours = parseIntervals("make-up-workday-hours", makeUpHours);
        }
        if (!makeUpWorkdays.isEmpty() && makeUpWorkdayHours.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "make-up-workdays lists " + describe(makeUpWorkdays)
                    + " but there are no make-up-workday-hours and no MONDAY hours to work on them");
        }
        checkNoDateIsBothHolidayAndMakeUpWorkday();
    }

    /** Same as the constructor. */
    public static BusinessCalendar of(BusinessCalendarProperties properties) {
        return new BusinessCalendar(properties);
    }

    /** A 24x7 calendar: every instant is working time (days are {@code 00:00-24:00} in {@code zone}). */
    public static BusinessCalendar alwaysOpen(ZoneId zone) {
        Builder builder = builder(zone);
        for (DayOfWeek day : DayOfWeek.values()) {
            builder.hours(day, "00:00-24:00");
        }
        return builder.build();
    }

    /** A calendar built in code (tests, tools). It starts with no working hours at all. */
    public static Builder builder(ZoneId zone) {
        return new Builder(Objects.requireNonNull(zone, "zone").getId());
    }

    /** As {@link #builder(ZoneId)}, with the zone id still to be validated. */
    public static Builder builder(String zone) {
        return new Builder(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The instant at which {@code workingTime} of working time has passed, counting from {@code start}.
     * <ul>
     *     <li>If {@code start} is not working time, counting begins at the next working moment.</li>
     *     <li>{@link Duration#ZERO} returns {@code start} itself when it is working time, otherwise the next working
     *     moment (the same as {@link #nextWorkingTime}). So the result moves continuously with the duration.</li>
     *     <li>A positive duration that is used up exactly at the end of an interval returns that end (e.g. 09:00 plus
     *     3 hours is 12:00, not 13:30 after lunch): the earliest instant at which the time has passed.</li>
     * </ul>
     * For every start and duration, {@code workingTimeBetween(start, addWorkingTime(start, d)).equals(d)}.
     *
     * @throws IllegalArgumentException if {@code workingTime} is negative
     * @throws IllegalStateException    if no working time is found for {@value #MAX_DAYS_WITHOUT_WORKING_TIME}
     *                                  consecutive days (e.g. a calendar with no working hours)
     */
    public Instant addWorkingTime(Instant start, Duration workingTime) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(workingTime, "workingTime");
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + workingTime);
        }
        Duration remaining = workingTime;
        SpanCursor cursor = new SpanCursor(start, null);
        while (true) {
            Span span = cursor.next();
            Duration length = Duration.between(span.start(), span.end());
            if (remaining.compareTo(length) <= 0) {
                return span.start().plus(remaining);
            }
            remaining = remaining.minus(length);
        }
    }

    /**
     * The working time elapsed in {@code [from, to)}; {@link Duration#ZERO} if {@code to} is not after {@code from}.
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        SpanCursor cursor = new SpanCursor(from, to);
        for (Span span = cursor.next(); span != null; span = cursor.next()) {
            Instant end = span.end().isBefore(to) ? span.end() : to;
            total = total.plus(Duration.between(span.start(), end));
        }
        return total;
    }

    /** Whether {@code instant} is working time (interval starts are included, ends excluded). */
    public boolean isWorkingTime(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return new SpanCursor(instant, instant.plusNanos(1)).next() != null;
    }

    /**
     * {@code instant} itself if it is working time, otherwise the start of the next working interval.
     *
     * @throws IllegalStateException as {@link #addWorkingTime}
     */
    public Instant nextWorkingTime(Instant instant) {
        return addWorkingTime(instant, Duration.ZERO);
    }

    /**
     * Whether working intervals start on {@code date}: false on holidays and on days without hours, true on days with
     * weekly hours and on make-up workdays.
     */
    public boolean isWorkingDay(LocalDate date) {
        return !intervalsOf(Objects.requireNonNull(date, "date")).isEmpty();
    }

    @Override
    public String toString() {
        Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
        weeklyHours.forEach((day, intervals) -> {
            if (!intervals.isEmpty()) {
                hours.put(day, intervals.stream().map(WorkingInterval::text).collect(Collectors.joining(", ")));
            }
        });
        return "BusinessCalendar[zone=" + zone + ", weeklyHours=" + hours + ", holidays=" + describe(holidays)
                + ", makeUpWorkdays=" + describe(makeUpWorkdays) + "]";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // working intervals as instants

    private List<WorkingInterval> intervalsOf(LocalDate date) {
        if (contains(holidays, date)) {
            return List.of();
        }
        if (contains(makeUpWorkdays, date)) {
            return makeUpWorkdayHours;
        }
        return weeklyHours.get(date.getDayOfWeek());
    }

    /** The working spans that start on {@code date}, as instants; spans that DST mapping makes empty are dropped. */
    private List<Span> spansOf(LocalDate date) {
        List<WorkingInterval> intervals = intervalsOf(date);
        if (intervals.isEmpty()) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>(intervals.size());
        for (WorkingInterval interval : intervals) {
            Instant start = ZonedDateTime.of(date, interval.start(), zone).toInstant();
            Instant end = ZonedDateTime.of(date.plusDays(interval.endDayOffset()), interval.end(), zone).toInstant();
            if (end.isAfter(start)) {
                spans.add(new Span(start, end));
            }
        }
        return spans;
    }

    private record Span(Instant start, Instant end) {
    }

    /**
     * Walks the working spans forward from an instant, in order of start, each clipped so that nothing before the
     * starting instant and nothing counted already is returned again. Dates are loaded one at a time into a small
     * queue; a span is only handed out once no date still to be loaded can hold a span that starts earlier.
     */
    private final class SpanCursor {

        private final PriorityQueue<Span> pending = new PriorityQueue<>(Comparator.comparing(Span::start));
        /** null = unbounded: search on (and fail after MAX_DAYS_WITHOUT_WORKING_TIME empty days) */
        private final Instant limit;
        private final Instant origin;
        private Instant consumedUntil;
        private LocalDate nextDate;
        private Instant nextDateLowerBound;
        private int daysWithoutWorkingTime;

        SpanCursor(Instant from, Instant limit) {
            this.origin = from;
            this.limit = limit;
            this.consumedUntil = from;
            // an interval lasts less than 24 local hours, so intervals starting two days before may still be running
            setNextDate(LocalDate.ofInstant(from, zone).minusDays(2));
        }

        /** The next working span (clipped), or null when none starts before the limit. */
        Span next() {
            while (true) {
                while (pending.isEmpty() || !pending.peek().start().isBefore(nextDateLowerBound)) {
                    if (limit != null && !nextDateLowerBound.isBefore(limit)) {
                        break;
                    }
                    loadNextDate();
                }
                Span span = pending.poll();
                if (span == null || (limit != null && !span.start().isBefore(limit))) {
                    return null;
                }
                Instant start = span.start().isAfter(consumedUntil) ? span.start() : consumedUntil;
                if (start.isBefore(span.end())) {
                    consumedUntil = span.end();
                    return new Span(start, span.end());
                }
            }
        }

        private void loadNextDate() {
            List<Span> spans = spansOf(nextDate);
            if (spans.isEmpty()) {
                daysWithoutWorkingTime++;
                if (limit == null && daysWithoutWorkingTime > MAX_DAYS_WITHOUT_WORKING_TIME) {
                    throw new IllegalStateException("The business calendar has no working time in the "
                            + MAX_DAYS_WITHOUT_WORKING_TIME + " days from " + nextDate.minusDays(daysWithoutWorkingTime - 1)
                            + " to " + nextDate + " (searching from " + origin + "): check " + PREFIX
                            + "weekly-hours, holidays and make-up-workdays. " + BusinessCalendar.this);
                }
            } else {
                daysWithoutWorkingTime = 0;
                pending.addAll(spans);
            }
            setNextDate(nextDate.plusDays(1));
        }

        private void setNextDate(LocalDate date) {
            nextDate = date;
            // No span of a later date starts before this: local times on or after its midnight map to instants at
            // most one gap (never more than a day) before the instant of that midnight.
            nextDateLowerBound = ZonedDateTime.of(date, LocalTime.MIDNIGHT, zone).toInstant().minus(Duration.ofDays(1));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // parsing and validation

    /**
     * A working interval in local time of one day: from {@code start} on its day to {@code end} on the same day
     * ({@code endDayOffset} 0) or the next ({@code endDayOffset} 1: ends at 24:00 or runs over midnight).
     */
    private record WorkingInterval(String text, int startMinute, int endMinute) {

        LocalTime start() {
            return LocalTime.of(startMinute / 60, startMinute % 60);
        }

        LocalTime end() {
            int minuteOfDay = endMinute % MINUTES_PER_DAY;
            return LocalTime.of(minuteOfDay / 60, minuteOfDay % 60);
        }

        int endDayOffset() {
            return endMinute / MINUTES_PER_DAY;
        }
    }

    private static ZoneId parseZone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(PREFIX + "zone: unknown time zone '" + zone
                    + "', expected a zone id such as Asia/Shanghai", e);
        }
    }

    private static Map<DayOfWeek, List<WorkingInterval>> parseWeeklyHours(Map<String, List<String>> configured) {
        Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, String> names = new EnumMap<>(DayOfWeek.class);
        if (configured != null) {
            for (Map.Entry<String, List<String>> entry : configured.entrySet()) {
                DayOfWeek day = parseDayOfWeek(entry.getKey());
                String previous = names.put(day, entry.getKey());
                if (previous != null) {
                    throw new IllegalArgumentException(PREFIX + "weekly-hours: " + day + " is configured twice, as '"
                            + previous + "' and as '" + entry.getKey() + "'");
                }
                week.put(day, parseIntervals("weekly-hours." + entry.getKey(), entry.getValue()));
            }
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            week.putIfAbsent(day, List.of());
        }
        // an interval running over midnight must not overlap the next day's first intervals
        for (DayOfWeek day : DayOfWeek.values()) {
            DayOfWeek nextDay = day.plus(1);
            for (WorkingInterval overnight : week.get(day)) {
                int spill = overnight.endMinute() - MINUTES_PER_DAY;
                for (WorkingInterval next : week.get(nextDay)) {
                    if (next.startMinute() < spill) {
                        throw new IllegalArgumentException(PREFIX + "weekly-hours: " + day + " '" + overnight.text()
                                + "' runs into " + nextDay + " and overlaps its interval '" + next.text() + "'");
                    }
                }
            }
        }
        return Collections.unmodifiableMap(week);
    }

    private static DayOfWeek parseDayOfWeek(String name) {
        if (name != null) {
            try {
                return DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
        }
        throw new IllegalArgumentException(PREFIX + "weekly-hours: unknown day of week '" + name
                + "', expected one of " + Arrays.toString(DayOfWeek.values()));
    }

    /** The intervals of one day, sorted by start, checked for syntax and overlaps. */
    private static List<WorkingInterval> parseIntervals(String property, List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            return List.of();
        }
        List<WorkingInterval> intervals = new ArrayList<>(texts.size());
        for (String text : texts) {
            intervals.add(parseInterval(property, text));
        }
        intervals.sort(Comparator.comparingInt(WorkingInterval::startMinute));
        for (int i = 1; i < intervals.size(); i++) {
            WorkingInterval previous = intervals.get(i - 1);
            WorkingInterval current = intervals.get(i);
            if (current.startMinute() < previous.endMinute()) {
                throw new IllegalArgumentException(PREFIX + property + ": intervals '" + previous.text() + "' and '"
                        + current.text() + "' overlap");
            }
        }
        return List.copyOf(intervals);
    }

    private static WorkingInterval parseInterval(String property, String text) {
        Matcher matcher = text == null ? null : INTERVAL.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException(PREFIX + property + ": invalid interval '" + text
                    + "', expected HH:mm-HH:mm such as 09:00-12:00 (24:00 may end a day, 22:00-06:00 runs overnight)");
        }
        int startHour = Integer.parseInt(matcher.group(1));
        int startMinute = Integer.parseInt(matcher.group(2));
        int endHour = Integer.parseInt(matcher.group(3));
        int endMinute = Integer.parseInt(matcher.group(4));
        if (startHour > 23 || startMinute > 59 || endHour > 24 || endMinute > 59 || (endHour == 24 && endMinute != 0)) {
            throw new IllegalArgumentException(PREFIX + property + ": invalid time in interval '" + text
                    + "', hours go from 00 to 23 (24:00 only as an end) and minutes from 00 to 59");
        }
        int start = startHour * 60 + startMinute;
        int end = endHour * 60 + endMinute;
        if (end == start) {
            throw new IllegalArgumentException(PREFIX + property + ": interval '" + text
                    + "' is empty (its end equals its start); write 00:00-24:00 for a whole day");
        }
        if (end < start) {
            end += MINUTES_PER_DAY; // runs over midnight into the next morning
        }
        return new WorkingInterval(text.trim(), start, end);
    }

    /** Dates and inclusive ranges, merged into disjoint ranges. */
    private static NavigableMap<LocalDate, LocalDate> parseDates(String property, List<String> texts) {
        TreeMap<LocalDate, LocalDate> ranges = new TreeMap<>();
        if (texts != null) {
            List<LocalDate[]> parsed = new ArrayList<>();
            for (String text : texts) {
                parsed.add(parseDateOrRange(property, text));
            }
            parsed.sort(Comparator.comparing(range -> range[0]));
            LocalDate[] current = null;
            for (LocalDate[] range : parsed) {
                if (current != null && !range[0].isAfter(current[1].plusDays(1))) {
                    if (range[1].isAfter(current[1])) {
                        current[1] = range[1];
                    }
                } else {
                    if (current != null) {
                        ranges.put(current[0], current[1]);
                    }
                    current = range.clone();
                }
            }
            if (current != null) {
                ranges.put(current[0], current[1]);
            }
        }
        return Collections.unmodifiableNavigableMap(ranges);
    }

    private static LocalDate[] parseDateOrRange(String property, String text) {
        String expected = "', expected a date yyyy-MM-dd or an inclusive range yyyy-MM-dd..yyyy-MM-dd";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(PREFIX + property + ": empty entry '" + text + expected);
        }
        String trimmed = text.trim();
        int separator = trimmed.indexOf(RANGE_SEPARATOR);
        try {
            LocalDate first;
            LocalDate last;
            if (separator < 0) {
                first = LocalDate.parse(trimmed);
                last = first;
            } else {
                first = LocalDate.parse(trimmed.substring(0, separator).trim());
                last = LocalDate.parse(trimmed.substring(separator + RANGE_SEPARATOR.length()).trim());
            }
            if (last.isBefore(first)) {
                throw new IllegalArgumentException(PREFIX + property + ": range '" + text + "' ends before it starts");
            }
            return new LocalDate[] {first, last};
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(PREFIX + property + ": invalid date '" + text + expected, e);
        }
    }

    private void checkNoDateIsBothHolidayAndMakeUpWorkday() {
        for (Map.Entry<LocalDate, LocalDate> makeUp : makeUpWorkdays.entrySet()) {
            // a holiday range overlaps [start, end] if it starts on or before end and ends on or after start
            Map.Entry<LocalDate, LocalDate> holiday = holidays.floorEntry(makeUp.getValue());
            if (holiday != null && !holiday.getValue().isBefore(makeUp.getKey())) {
                LocalDate date = holiday.getKey().isAfter(makeUp.getKey()) ? holiday.getKey() : makeUp.getKey();
                throw new IllegalArgumentException(PREFIX + "make-up-workdays: " + date
                        + " is also a holiday (holidays " + describeRange(holiday.getKey(), holiday.getValue()) + ")");
            }
        }
    }

    private static boolean contains(NavigableMap<LocalDate, LocalDate> ranges, LocalDate date) {
        Map.Entry<LocalDate, LocalDate> range = ranges.floorEntry(date);
        return range != null && !range.getValue().isBefore(date);
    }

    private static String describe(NavigableMap<LocalDate, LocalDate> ranges) {
        return ranges.entrySet().stream()
                .map(range -> describeRange(range.getKey(), range.getValue()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describeRange(LocalDate first, LocalDate last) {
        return first.equals(last) ? first.toString() : first + RANGE_SEPARATOR + last;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Builds a calendar in code; the result is validated exactly like configuration. */
    public static final class Builder {

        private final String zone;
        private final Map<String, List<String>> weeklyHours = new LinkedHashMap<>();
        private final List<String> holidays = new ArrayList<>();
        private final List<String> makeUpWorkdays = new ArrayList<>();
        private final List<String> makeUpWorkdayHours = new ArrayList<>();

        private Builder(String zone) {
            this.zone = zone;
        }

        /** Sets the working intervals ({@code "HH:mm-HH:mm"}) of one day of the week. */
        public Builder hours(DayOfWeek day, String... intervals) {
            return hours(day.name(), intervals);
        }

        /** As {@link #hours(DayOfWeek, String...)} with the day as configured text, validated on {@link #build()}. */
        public Builder hours(String day, String... intervals) {
            weeklyHours.put(day, List.of(intervals));
            return this;
        }

        /** Sets the same working intervals on Monday to Friday. */
        public Builder weekdays(String... intervals) {
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                hours(day, intervals);
            }
            return this;
        }

        /** Adds holiday dates or inclusive ranges {@code "2026-10-01..2026-10-07"}. */
        public Builder holidays(String... datesOrRanges) {
            holidays.addAll(List.of(datesOrRanges));
            return this;
        }

        /** Adds make-up workdays (dates or inclusive ranges). */
        public Builder makeUpWorkdays(String... datesOrRanges) {
            makeUpWorkdays.addAll(List.of(datesOrRanges));
            return this;
        }

        /** Sets the working intervals of make-up workdays (default: the Monday hours). */
        public Builder makeUpWorkdayHours(String... intervals) {
            makeUpWorkdayHours.clear();
            makeUpWorkdayHours.addAll(List.of(intervals));
            return this;
        }

        public BusinessCalendarProperties properties() {
            return new BusinessCalendarProperties(zone, weeklyHours, holidays, makeUpWorkdays, makeUpWorkdayHours);
        }

        public BusinessCalendar build() {
            return new BusinessCalendar(properties());
        }
    }
}
