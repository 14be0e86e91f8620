package io.flowdesk.sla;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Working-time arithmetic in a zone without daylight saving (Asia/Shanghai); DST is in BusinessCalendarDstTest. */
class BusinessCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Mon–Fri 09:00-12:00, 13:30-18:00; National Day week off, make-up workdays Sun 2026-09-20 and Sat 2026-10-10. */
    static final BusinessCalendar OFFICE = BusinessCalendar.builder(SHANGHAI)
            .weekdays("09:00-12:00", "13:30-18:00")
            .holidays("2026-10-01..2026-10-07")
            .makeUpWorkdays("2026-09-20", "2026-10-10")
            .build();

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static Duration hours(double hours) {
        return Duration.ofMinutes(Math.round(hours * 60));
    }

    // 2026-03-09 is a Monday, 2026-03-13 a Friday; 2026-09-30 a Wednesday, 2026-10-08 a Thursday.

    @Nested
    class Adding_working_time {

        @Test
        void a_ticket_created_inside_working_hours_is_due_later_in_the_same_interval() {
            assertThat(OFFICE.addWorkingTime(at("2026-03-09T10:00"), hours(1))).isEqualTo(at("2026-03-09T11:00"));
        }

        @Test
        void time_that_does_not_fit_before_lunch_continues_after_the_lunch_break() {
            assertThat(OFFICE.addWorkingTime(at("2026-03-09T11:00"), hours(2))).isEqualTo(at("2026-03-09T14:30"));
        }

        @Test
        void a_ticket_created_exactly_at_opening_counts_from_opening() {
            assertThat(OFFICE.addWorkingTime(at("2026-03-09T09:00"), Duration.ofMinutes(30)))
                    .isEqualTo(at("2026-03-09T09:30"));
        }

        @Test
        void time_used_up_exactly_at_lunch_is_due_at_lunch_not_after_it() {
            assertThat(OFFICE.addWorkingTime(at("2026-03-09T09:00"), hours(3))).isEqualTo(at("2026-03-09T12:00"));
            assertThat(OFFICE.addWorkingTime(at("2026-03-09T09:00"), hours(3).plusNanos(1)))
                    .isEqualTo(at("2026-03-09T13:30").plusNanos(1));
        }

        @Test
        void a_ticket_created_exactly_at_closing_counts_from_the_next_morning() {
            assertThat(OFFICE.addWorkingTime(at("2026-03-09T18:00"), hours(1))).isEqualTo(at("2026-03-10T10:00"));
        }

        @Test
        void a_ticket_created_exactly_at_the_end_of_the_morning_counts_from_the_afternoon() {
            assertThat(OFFICE.addWorkingTime(at("2026-03-09T12:00"), hours(1))).isEqualTo(at("2026-03-09T14:30"));
        }

        @Test
        void a_ticket_created_in_the_lunch_break_counts_from_half_past_one() {
            assertThat(OFFICE.addWorkingTime(at("2026-03-09T12:30"), hours(1))).isEqualTo(at("2026-03-09T14:30"));
        }

        @Test
        void a_ticket_created_before_opening_counts_from_opening() {
            assertThat(OFFICE.addWorkingTime(at("2026-03-09T07:00"), hours(1))).isEqualTo(at("2026-03-09T10:00"));
        }

        @Test
        void a_ticket_created_after_closing_is_due_the_next_morning() {
            assertThat(OFFICE.addWorkingTime(at("2026-03-10T20:00"), hours(2))).isEqualTo(at("2026-03-11T11:00"));
        }

        @Test
        void time_left_at_closing_carries_over_the_night() {
            assertThat(OFFICE.addWorkingTime(at("2026-03-09T17:00"), hours(2))).isEqualTo(at("2026-03-10T10:00"));
        }

        @Test
        void a_ticket_created_friday_evening_is_due_monday_morning() {
            assertThat(OFFICE.addWorkingTime(at("2026-03-13T19:00"), hours(1))).isEqualTo(at("2026-03-16T10:00"));
        }

        @Test
        void time_left_on_friday_afternoon_carries_over_the_weekend() {
            assertThat(OFFICE.addWorkingTime(at("2026-03-13T17:30"), hours(1))).isEqualTo(at("2026-03-16T09:30"));
        }

        @Test
        void a_ticket_created_on_a_saturday_is_due_on_monday() {
            assertThat(OFFICE.addWorkingTime(at("2026-03-14T11:00"), hours(4))).isEqualTo(at("2026-03-16T14:30"));
        }

        @Test
        void the_national_day_week_is_skipped() {
            // 1 hour on Wednesday 30 September, then nothing until Thursday 8 October
            assertThat(OFFICE.addWorkingTime(at("2026-09-30T17:00"), hours(4))).isEqualTo(at("2026-10-08T12:00"));
        }

        @Test
        void a_ticket_created_during_the_holidays_is_due_after_them() {
            assertThat(OFFICE.addWorkingTime(at("2026-10-03T10:00"), hours(1))).isEqualTo(at("2026-10-08T10:00"));
        }

        @Test
        void a_make_up_saturday_is_worked() {
            assertThat(OFFICE.addWorkingTime(at("2026-10-09T17:00"), hours(2))).isEqualTo(at("2026-10-10T10:00"));
            assertThat(OFFICE.isWorkingTime(at("2026-10-10T09:00"))).isTrue();
            assertThat(OFFICE.isWorkingTime(at("2026-10-11T09:00"))).isFalse();
        }

        @Test
        void a_make_up_sunday_is_worked_but_the_saturday_before_is_not() {
            assertThat(OFFICE.addWorkingTime(at("2026-09-18T17:30"), hours(1))).isEqualTo(at("2026-09-20T09:30"));
            assertThat(OFFICE.workingTimeBetween(at("2026-09-19T00:00"), at("2026-09-20T00:00"))).isZero();
        }

        @Test
        void make_up_workdays_use_their_own_hours_when_configured() {
            BusinessCalendar calendar = BusinessCalendar.builder(SHANGHAI)
                    .weekdays("09:00-12:00", "13:30-18:00")
                    .makeUpWorkdays("2026-10-10")
                    .makeUpWorkdayHours("10:00-15:00")
                    .build();
            assertThat(calendar.isWorkingTime(at("2026-10-10T09:30"))).isFalse();
            assertThat(calendar.isWorkingTime(at("2026-10-10T12:30"))).isTrue();
            assertThat(calendar.addWorkingTime(at("2026-10-10T08:00"), hours(5))).isEqualTo(at("2026-10-10T15:00"));
            assertThat(calendar.addWorkingTime(at("2026-10-10T08:00"), hours(6))).isEqualTo(at("2026-10-12T10:00"));
        }

        @Test
        void zero_working_time_from_a_working_instant_is_that_instant() {
            assertThat(OFFICE.addWorkingTime(at("2026-03-09T10:17"), Duration.ZERO)).isEqualTo(at("2026-03-09T10:17"));
            assertThat(OFFICE.addWorkingTime(at("2026-03-09T09:00"), Duration.ZERO)).isEqualTo(at("2026-03-09T09:00"));
        }

        @Test
        void zero_working_time_from_a_non_working_instant_is_the_next_working_moment() {
            assertThat(OFFICE.addWorkingTime(at("2026-03-09T12:00"), Duration.ZERO)).isEqualTo(at("2026-03-09T13:30"));
            assertThat(OFFICE.addWorkingTime(at("2026-03-13T18:00"), Duration.ZERO)).isEqualTo(at("2026-03-16T09:00"));
            assertThat(OFFICE.nextWorkingTime(at("2026-10-01T00:00"))).isEqualTo(at("2026-10-08T09:00"));
        }

        @Test
        void forty_working_hours_take_more_than_a_week() {
            // 5 days of 7.5 hours = 37.5 hours, then 2.5 hours on the next Monday
            assertThat(OFFICE.addWorkingTime(at("2026-03-09T09:00"), hours(40))).isEqualTo(at("2026-03-16T11:30"));
        }

        @Test
        void two_weeks_of_working_time_span_the_holiday_and_the_make_up_days() {
            // from Mon 21 Sep (this calendar has no Mid-Autumn holiday): 21-25 and 28-30 Sep are 8 days, then
            // Thu 8 and Fri 9 Oct make 10 days = 75 hours; the make-up Saturday 10 Oct is day 11; then Monday 12 Oct
            assertThat(OFFICE.addWorkingTime(at("2026-09-21T09:00"), hours(75))).isEqualTo(at("2026-10-09T18:00"));
            assertThat(OFFICE.addWorkingTime(at("2026-09-21T09:00"), hours(82.5))).isEqualTo(at("2026-10-10T18:00"));
            assertThat(OFFICE.addWorkingTime(at("2026-09-21T09:00"), hours(83.5))).isEqualTo(at("2026-10-12T10:00"));
        }

        @Test
        void a_very_long_duration_is_added_day_by_day() {
            Instant start = at("2026-01-05T09:00");
            Duration thousandHours = hours(1000); // 133 days of 7.5 hours and 2.5 hours
            Instant due = OFFICE.addWorkingTime(start, thousandHours);
            assertThat(OFFICE.workingTimeBetween(start, due)).isEqualTo(thousandHours);
            assertThat(OFFICE.isWorkingTime(due.minusNanos(1))).isTrue();
            assertThat(LocalDateTime.ofInstant(due, SHANGHAI).toLocalTime()).hasToString("11:30");
        }

        @Test
        void a_negative_duration_is_rejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> OFFICE.addWorkingTime(at("2026-03-09T10:00"), Duration.ofMinutes(-1)))
                    .withMessageContaining("PT-1M");
        }
    }

    @Nested
    class Measuring_working_time {

        @Test
        void both_ends_inside_the_same_interval() {
            assertThat(OFFICE.workingTimeBetween(at("2026-03-09T10:00"), at("2026-03-09T11:15")))
                    .isEqualTo(Duration.ofMinutes(75));
        }

        @Test
        void the_lunch_break_does_not_count() {
            assertThat(OFFICE.workingTimeBetween(at("2026-03-09T11:00"), at("2026-03-09T14:00"))).isEqualTo(hours(1.5));
            assertThat(OFFICE.workingTimeBetween(at("2026-03-09T12:10"), at("2026-03-09T13:00"))).isZero();
        }

        @Test
        void an_end_before_or_equal_to_the_start_measures_nothing() {
            assertThat(OFFICE.workingTimeBetween(at("2026-03-09T11:00"), at("2026-03-09T10:00"))).isZero();
            assertThat(OFFICE.workingTimeBetween(at("2026-03-09T11:00"), at("2026-03-09T11:00"))).isZero();
        }

        @Test
        void from_exactly_opening_to_exactly_closing_is_a_full_day() {
            assertThat(OFFICE.workingTimeBetween(at("2026-03-09T09:00"), at("2026-03-09T18:00"))).isEqualTo(hours(7.5));
            assertThat(OFFICE.workingTimeBetween(at("2026-03-09T00:00"), at("2026-03-10T00:00"))).isEqualTo(hours(7.5));
        }

        @Test
        void before_opening_and_after_closing_do_not_count() {
            assertThat(OFFICE.workingTimeBetween(at("2026-03-09T07:00"), at("2026-03-09T09:30")))
                    .isEqualTo(Duration.ofMinutes(30));
            assertThat(OFFICE.workingTimeBetween(at("2026-03-09T17:30"), at("2026-03-09T23:00")))
                    .isEqualTo(Duration.ofMinutes(30));
        }

        @Test
        void the_night_does_not_count() {
            assertThat(OFFICE.workingTimeBetween(at("2026-03-09T17:00"), at("2026-03-10T10:00"))).isEqualTo(hours(2));
        }

        @Test
        void the_weekend_does_not_count() {
            assertThat(OFFICE.workingTimeBetween(at("2026-03-13T17:30"), at("2026-03-16T09:30"))).isEqualTo(hours(1));
            assertThat(OFFICE.workingTimeBetween(at("2026-03-14T00:00"), at("2026-03-16T00:00"))).isZero();
        }

        @Test
        void a_whole_week_is_thirty_seven_and_a_half_hours() {
            assertThat(OFFICE.workingTimeBetween(at("2026-03-09T00:00"), at("2026-03-16T00:00"))).isEqualTo(hours(37.5));
        }

        @Test
        void the_national_day_week_does_not_count_but_the_make_up_saturday_does() {
            assertThat(OFFICE.workingTimeBetween(at("2026-09-30T17:00"), at("2026-10-08T12:00"))).isEqualTo(hours(4));
            assertThat(OFFICE.workingTimeBetween(at("2026-10-01T00:00"), at("2026-10-08T00:00"))).isZero();
            assertThat(OFFICE.workingTimeBetween(at("2026-10-10T00:00"), at("2026-10-11T00:00"))).isEqualTo(hours(7.5));
        }

        @Test
        void forty_working_hours_measured_back() {
            assertThat(OFFICE.workingTimeBetween(at("2026-03-09T09:00"), at("2026-03-16T11:30"))).isEqualTo(hours(40));
        }

        @Test
        void a_year_is_measured_day_by_day() {
            // 2026 has 261 weekdays; this calendar takes 5 (Oct 1, 2, 5, 6, 7) and gives back 2 (Sep 20, Oct 10)
            assertThat(OFFICE.workingTimeBetween(at("2026-01-01T00:00"), at("2027-01-01T00:00")))
                    .isEqualTo(hours(7.5 * (261 - 5 + 2)));
        }

        @Test
        void working_time_is_counted_to_the_nanosecond() {
            assertThat(OFFICE.workingTimeBetween(at("2026-03-09T11:59:59.999999999"), at("2026-03-09T13:30:00.000000001")))
                    .isEqualTo(Duration.ofNanos(2));
        }
    }

    @Nested
    class Working_time_or_not {

        @Test
        void interval_starts_are_working_time_and_interval_ends_are_not() {
            assertThat(OFFICE.isWorkingTime(at("2026-03-09T09:00"))).isTrue();
            assertThat(OFFICE.isWorkingTime(at("2026-03-09T08:59:59.999999999"))).isFalse();
            assertThat(OFFICE.isWorkingTime(at("2026-03-09T11:59:59.999999999"))).isTrue();
            assertThat(OFFICE.isWorkingTime(at("2026-03-09T12:00"))).isFalse();
            assertThat(OFFICE.isWorkingTime(at("2026-03-09T13:30"))).isTrue();
            assertThat(OFFICE.isWorkingTime(at("2026-03-09T18:00"))).isFalse();
        }

        @Test
        void weekends_and_holidays_are_not_working_days_but_make_up_days_are() {
            assertThat(OFFICE.isWorkingDay(LocalDate.parse("2026-03-13"))).isTrue();
            assertThat(OFFICE.isWorkingDay(LocalDate.parse("2026-03-14"))).isFalse();
            assertThat(OFFICE.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
            assertThat(OFFICE.isWorkingDay(LocalDate.parse("2026-10-07"))).isFalse();
            assertThat(OFFICE.isWorkingDay(LocalDate.parse("2026-10-08"))).isTrue();
            assertThat(OFFICE.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        }

        @Test
        void the_calendar_tells_its_zone() {
            assertThat(OFFICE.zone()).isEqualTo(SHANGHAI);
        }
    }

    @Nested
    class Overnight_shifts {

        /** Night shift Monday to Friday, 22:00 until 06:00 the next morning. */
        final BusinessCalendar nights = BusinessCalendar.builder(SHANGHAI)
                .weekdays("22:00-06:00")
                .holidays("2026-03-11")
                .build();

        @Test
        void a_night_shift_runs_into_the_next_morning() {
            assertThat(nights.addWorkingTime(at("2026-03-09T23:00"), hours(4))).isEqualTo(at("2026-03-10T03:00"));
            assertThat(nights.isWorkingTime(at("2026-03-10T05:59"))).isTrue();
            assertThat(nights.isWorkingTime(at("2026-03-10T06:00"))).isFalse();
            assertThat(nights.isWorkingTime(at("2026-03-09T21:59"))).isFalse();
            assertThat(nights.isWorkingTime(at("2026-03-09T22:00"))).isTrue();
        }

        @Test
        void a_ticket_created_in_the_day_waits_for_the_night_shift() {
            assertThat(nights.addWorkingTime(at("2026-03-09T12:00"), hours(1))).isEqualTo(at("2026-03-09T23:00"));
        }

        @Test
        void the_friday_night_shift_ends_saturday_morning_and_the_next_starts_monday_evening() {
            assertThat(nights.isWorkingTime(at("2026-03-14T05:00"))).isTrue();
            assertThat(nights.isWorkingTime(at("2026-03-14T23:00"))).isFalse();
            assertThat(nights.isWorkingTime(at("2026-03-16T02:00"))).isFalse(); // Sunday has no shift
            assertThat(nights.addWorkingTime(at("2026-03-14T05:00"), hours(2))).isEqualTo(at("2026-03-16T23:00"));
            assertThat(nights.workingTimeBetween(at("2026-03-14T00:00"), at("2026-03-16T23:00"))).isEqualTo(hours(7));
        }

        @Test
        void a_holiday_cancels_the_shift_starting_on_it_but_not_the_one_running_into_it() {
            // Wednesday 11 March is a holiday: Tuesday's shift still ends Wednesday 06:00, Wednesday's does not happen
            assertThat(nights.isWorkingTime(at("2026-03-11T03:00"))).isTrue();
            assertThat(nights.isWorkingTime(at("2026-03-11T23:00"))).isFalse();
            assertThat(nights.isWorkingTime(at("2026-03-12T03:00"))).isFalse();
            assertThat(nights.isWorkingTime(at("2026-03-12T22:00"))).isTrue();
            assertThat(nights.addWorkingTime(at("2026-03-11T05:00"), hours(2))).isEqualTo(at("2026-03-12T23:00"));
        }

        @Test
        void a_week_of_night_shifts_is_forty_hours() {
            assertThat(nights.workingTimeBetween(at("2026-03-16T00:00"), at("2026-03-23T00:00"))).isEqualTo(hours(40));
        }

        @Test
        void an_evening_ending_at_midnight_joins_the_next_day_starting_at_midnight() {
            BusinessCalendar evenings = BusinessCalendar.builder(SHANGHAI)
                    .hours(DayOfWeek.MONDAY, "18:00-24:00")
                    .hours(DayOfWeek.TUESDAY, "00:00-02:00")
                    .build();
            assertThat(evenings.isWorkingTime(at("2026-03-10T00:00"))).isTrue();
            assertThat(evenings.addWorkingTime(at("2026-03-09T23:30"), hours(1))).isEqualTo(at("2026-03-10T00:30"));
            assertThat(evenings.workingTimeBetween(at("2026-03-09T23:00"), at("2026-03-10T01:00"))).isEqualTo(hours(2));
            assertThat(evenings.addWorkingTime(at("2026-03-09T18:00"), hours(8))).isEqualTo(at("2026-03-10T02:00"));
        }

        @Test
        void an_overnight_shift_running_into_a_make_up_morning_is_counted_once() {
            // Friday night 22:00-06:00, and Saturday 10 October 2026 is a make-up day starting at 00:00
            BusinessCalendar calendar = BusinessCalendar.builder(SHANGHAI)
                    .weekdays("22:00-06:00")
                    .makeUpWorkdays("2026-10-10")
                    .makeUpWorkdayHours("00:00-08:00")
                    .build();
            assertThat(calendar.workingTimeBetween(at("2026-10-09T22:00"), at("2026-10-10T08:00"))).isEqualTo(hours(10));
            assertThat(calendar.addWorkingTime(at("2026-10-09T22:00"), hours(9))).isEqualTo(at("2026-10-10T07:00"));
        }
    }

    @Nested
    class Around_the_clock {

        final BusinessCalendar always = BusinessCalendar.alwaysOpen(SHANGHAI);

        @Test
        void every_instant_is_working_time() {
            assertThat(always.isWorkingTime(at("2026-03-14T03:00"))).isTrue();
            assertThat(always.isWorkingTime(at("2026-10-01T00:00"))).isTrue();
            assertThat(always.isWorkingDay(LocalDate.parse("2026-10-01"))).isTrue();
        }

        @Test
        void working_time_is_wall_clock_time() {
            Instant start = at("2026-03-13T19:07:13.5");
            assertThat(always.addWorkingTime(start, hours(40))).isEqualTo(start.plus(hours(40)));
            assertThat(always.addWorkingTime(start, Duration.ZERO)).isEqualTo(start);
            assertThat(always.workingTimeBetween(start, start.plus(Duration.ofDays(20)))).isEqualTo(Duration.ofDays(20));
            assertThat(always.addWorkingTime(at("2026-03-09T00:00"), Duration.ofDays(1))).isEqualTo(at("2026-03-10T00:00"));
        }
    }

    @Nested
    class No_working_time {

        @Test
        void a_calendar_without_working_hours_fails_clearly_instead_of_searching_forever() {
            BusinessCalendar closed = BusinessCalendar.builder(SHANGHAI).build();
            assertThatIllegalStateException()
                    .isThrownBy(() -> closed.addWorkingTime(at("2026-03-09T10:00"), hours(1)))
                    .withMessageContaining("no working time")
                    .withMessageContaining("weekly-hours");
            assertThatIllegalStateException().isThrownBy(() -> closed.nextWorkingTime(at("2026-03-09T10:00")));
            assertThat(closed.workingTimeBetween(at("2026-01-01T00:00"), at("2036-01-01T00:00"))).isZero();
            assertThat(closed.isWorkingTime(at("2026-03-09T10:00"))).isFalse();
        }

        @Test
        void a_calendar_whose_working_time_runs_out_fails_clearly() {
            BusinessCalendar onlyOneDay = BusinessCalendar.builder(SHANGHAI)
                    .makeUpWorkdays("2026-10-10")
                    .makeUpWorkdayHours("09:00-18:00")
                    .build();
            assertThat(onlyOneDay.addWorkingTime(at("2026-10-01T00:00"), hours(9))).isEqualTo(at("2026-10-10T18:00"));
            assertThatIllegalStateException()
                    .isThrownBy(() -> onlyOneDay.addWorkingTime(at("2026-10-01T00:00"), hours(9).plusNanos(1)));
        }

        @Test
        void years_of_holidays_are_searched_through_up_to_ten_years() {
            BusinessCalendar longBreak = BusinessCalendar.builder(SHANGHAI)
                    .weekdays("09:00-18:00")
                    .holidays("2026-01-01..2030-12-31")
                    .build();
            assertThat(longBreak.nextWorkingTime(at("2026-01-01T00:00"))).isEqualTo(at("2031-01-01T09:00"));
            BusinessCalendar tooLong = BusinessCalendar.builder(SHANGHAI)
                    .weekdays("09:00-18:00")
                    .holidays("2026-01-01..2045-12-31")
                    .build();
            assertThatIllegalStateException().isThrownBy(() -> tooLong.nextWorkingTime(at("2026-01-01T00:00")));
        }
    }

    @Nested
    class Adding_and_measuring_agree {

        static final List<Duration> DURATIONS = List.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofMinutes(1),
                Duration.ofMinutes(29), hours(3), hours(4.5), hours(7.5), hours(40), hours(123.25));

        @Test
        void measuring_an_added_duration_gives_it_back_for_starts_every_17_minutes_over_two_weeks() {
            roundTrip(OFFICE, at("2026-09-28T00:00"), at("2026-10-12T00:00"));
        }

        @Test
        void measuring_an_added_duration_gives_it_back_with_night_shifts() {
            BusinessCalendar nights = BusinessCalendar.builder(SHANGHAI)
                    .weekdays("22:00-06:00")
                    .hours(DayOfWeek.SATURDAY, "10:00-12:00", "13:00-24:00")
                    .holidays("2026-03-11")
                    .build();
            roundTrip(nights, at("2026-03-07T00:00"), at("2026-03-21T00:00"));
        }

        @Test
        void measuring_matches_counting_the_working_minutes_one_by_one() {
            Instant from = at("2026-09-29T00:00");
            Instant to = at("2026-10-13T00:00");
            long workingMinutes = 0;
            for (Instant minute = from; minute.isBefore(to); minute = minute.plusSeconds(60)) {
                if (OFFICE.isWorkingTime(minute)) {
                    workingMinutes++;
                }
            }
            // Sep 29, 30, Oct 8, 9, 10 (make-up), 12 = 6 days
            assertThat(workingMinutes).isEqualTo(6 * 450);
            assertThat(OFFICE.workingTimeBetween(from, to)).isEqualTo(Duration.ofMinutes(workingMinutes));
        }
    }

    /** For starts every 17 minutes in [from, to): adding then measuring gives the duration back, and the due time is
     *  the earliest instant at which the duration has passed. */
    static void roundTrip(BusinessCalendar calendar, Instant from, Instant to) {
        int checked = 0;
        for (Instant start = from; start.isBefore(to); start = start.plus(Duration.ofMinutes(17))) {
            for (Duration duration : Adding_and_measuring_agree.DURATIONS) {
                Instant due = calendar.addWorkingTime(start, duration);
                assertThat(due).as("due for %s + %s", start, duration).isAfterOrEqualTo(start);
                assertThat(calendar.workingTimeBetween(start, due)).as("measured %s .. %s", start, due)
                        .isEqualTo(duration);
                if (duration.isZero()) {
                    assertThat(calendar.isWorkingTime(due)).as("%s is working time", due).isTrue();
                    assertThat(calendar.workingTimeBetween(start, due)).isZero();
                } else {
                    assertThat(calendar.isWorkingTime(due.minusNanos(1))).as("%s is working time", due.minusNanos(1))
                            .isTrue();
                    assertThat(calendar.workingTimeBetween(start, due.minusNanos(1)))
                            .isEqualTo(duration.minusNanos(1));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }
}
