package io.flowdesk.sla;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The shipped business-calendar.yml, binding, defaults, and configuration errors. */
class BusinessCalendarConfigurationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static BusinessCalendarProperties bind(Resource yaml) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("business-calendar", yaml);
        return new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("flowdesk.business-calendar", BusinessCalendarProperties.class);
    }

    static BusinessCalendarProperties bind(String yaml) throws IOException {
        return bind(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    static BusinessCalendar shipped() throws IOException {
        return new BusinessCalendar(bind(new ClassPathResource("business-calendar.yml")));
    }

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static boolean workingDay(BusinessCalendar calendar, String date) {
        return calendar.isWorkingDay(LocalDate.parse(date));
    }

    @Test
    void the_shipped_calendar_binds_to_office_hours_in_shanghai() throws IOException {
        BusinessCalendarProperties properties = bind(new ClassPathResource("business-calendar.yml"));
        assertThat(properties.zone()).isEqualTo("Asia/Shanghai");
        assertThat(properties.weeklyHours()).containsEntry("MONDAY", List.of("09:00-12:00", "13:30-18:00"));
        assertThat(properties.makeUpWorkdayHours()).containsExactly("09:00-12:00", "13:30-18:00");

        BusinessCalendar calendar = new BusinessCalendar(properties);
        assertThat(calendar.zone()).isEqualTo(SHANGHAI);
        // a week without holidays: Monday 9 to Sunday 15 March 2026
        assertThat(calendar.workingTimeBetween(shanghai("2026-03-09T00:00"), shanghai("2026-03-16T00:00")))
                .isEqualTo(Duration.ofMinutes(5 * 450));
        assertThat(calendar.isWorkingTime(shanghai("2026-03-09T12:30"))).isFalse();
        assertThat(workingDay(calendar, "2026-03-14")).isFalse();
        assertThat(workingDay(calendar, "2026-03-15")).isFalse();
    }

    @Test
    void the_shipped_calendar_has_the_2026_national_day_week_and_its_make_up_days() throws IOException {
        BusinessCalendar calendar = shipped();
        assertThat(workingDay(calendar, "2026-09-20")).as("Sunday, make-up workday").isTrue();
        assertThat(workingDay(calendar, "2026-09-30")).isTrue();
        assertThat(workingDay(calendar, "2026-10-01")).isFalse();
        assertThat(workingDay(calendar, "2026-10-05")).as("Monday in the holiday").isFalse();
        assertThat(workingDay(calendar, "2026-10-07")).isFalse();
        assertThat(workingDay(calendar, "2026-10-08")).as("Thursday after the holiday").isTrue();
        assertThat(workingDay(calendar, "2026-10-10")).as("Saturday, make-up workday").isTrue();
        assertThat(workingDay(calendar, "2026-10-11")).isFalse();
        assertThat(calendar.addWorkingTime(shanghai("2026-09-30T17:00"), Duration.ofHours(4)))
                .isEqualTo(shanghai("2026-10-08T12:00"));
    }

    @Test
    void the_shipped_calendar_has_the_other_2026_holidays_and_make_up_days() throws IOException {
        BusinessCalendar calendar = shipped();
        // New Year
        assertThat(workingDay(calendar, "2026-01-01")).isFalse();
        assertThat(workingDay(calendar, "2026-01-02")).isFalse();
        assertThat(workingDay(calendar, "2026-01-04")).as("Sunday, make-up workday").isTrue();
        assertThat(workingDay(calendar, "2026-01-05")).isTrue();
        // Spring Festival
        assertThat(workingDay(calendar, "2026-02-13")).isTrue();
        assertThat(workingDay(calendar, "2026-02-14")).as("Saturday, make-up workday").isTrue();
        assertThat(workingDay(calendar, "2026-02-16")).isFalse();
        assertThat(workingDay(calendar, "2026-02-23")).isFalse();
        assertThat(workingDay(calendar, "2026-02-24")).isTrue();
        assertThat(workingDay(calendar, "2026-02-28")).as("Saturday, make-up workday").isTrue();
        // Qingming, Labour Day, Dragon Boat, Mid-Autumn
        assertThat(workingDay(calendar, "2026-04-06")).isFalse();
        assertThat(workingDay(calendar, "2026-04-07")).isTrue();
        assertThat(workingDay(calendar, "2026-05-01")).isFalse();
        assertThat(workingDay(calendar, "2026-05-05")).isFalse();
        assertThat(workingDay(calendar, "2026-05-06")).isTrue();
        assertThat(workingDay(calendar, "2026-05-09")).as("Saturday, make-up workday").isTrue();
        assertThat(workingDay(calendar, "2026-06-19")).isFalse();
        assertThat(workingDay(calendar, "2026-06-22")).isTrue();
        assertThat(workingDay(calendar, "2026-09-25")).isFalse();
        assertThat(workingDay(calendar, "2026-09-28")).isTrue();
        // the Spring Festival week: Fri 13 Feb 17:00 + 2 hours = 1 hour on Friday, 1 on the make-up Saturday
        assertThat(calendar.addWorkingTime(shanghai("2026-02-13T17:00"), Duration.ofHours(2)))
                .isEqualTo(shanghai("2026-02-14T10:00"));
        assertThat(calendar.addWorkingTime(shanghai("2026-02-14T17:00"), Duration.ofHours(2)))
                .isEqualTo(shanghai("2026-02-24T10:00"));
    }

    @Test
    void without_any_configuration_the_defaults_are_office_hours_in_shanghai() throws IOException {
        BusinessCalendarProperties bound = bind("other: value\n");
        BusinessCalendarProperties constructed = new BusinessCalendarProperties(null, null, null, null, null);
        for (BusinessCalendarProperties properties : List.of(bound, constructed)) {
            assertThat(properties.zone()).isEqualTo("Asia/Shanghai");
            assertThat(properties.weeklyHours()).isEqualTo(BusinessCalendarProperties.DEFAULT_WEEKLY_HOURS);
            assertThat(properties.holidays()).isEmpty();
            BusinessCalendar calendar = new BusinessCalendar(properties);
            assertThat(calendar.addWorkingTime(shanghai("2026-03-13T19:00"), Duration.ofHours(1)))
                    .isEqualTo(shanghai("2026-03-16T10:00"));
        }
    }

    @Test
    void day_names_bind_in_any_case_and_overnight_shifts_bind_as_written() throws IOException {
        BusinessCalendarProperties properties = bind("""
                flowdesk:
                  business-calendar:
                    zone: Europe/Berlin
                    weekly-hours:
                      monday: ["22:00-06:00"]
                      Sunday: ["00:00-24:00"]
                    holidays: [2026-03-30..2026-03-31]
                    make-up-workdays: [2026-04-04]
                    make-up-workday-hours: ["10:00-11:00"]
                """);
        BusinessCalendar calendar = new BusinessCalendar(properties);
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-23"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-30"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-04-04"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-04-05"))).isTrue();
    }

    // --- configuration errors ---------------------------------------------------------------------------------------

    static BusinessCalendar.Builder office() {
        return BusinessCalendar.builder(SHANGHAI).weekdays("09:00-12:00", "13:30-18:00");
    }

    @Test
    void a_malformed_interval_is_rejected_naming_it() {
        for (String bad : List.of("9-12", "09:00", "09:00-", "09.00-12.00", "nine-twelve", "09:00 to 12:00", "")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> BusinessCalendar.builder(SHANGHAI).hours(DayOfWeek.MONDAY, bad).build())
                    .withMessageContaining("'" + bad + "'")
                    .withMessageContaining("weekly-hours.MONDAY")
                    .withMessageContaining("HH:mm-HH:mm");
        }
    }

    @Test
    void an_impossible_time_is_rejected_naming_the_interval() {
        for (String bad : List.of("25:00-26:00", "09:60-12:00", "24:00-02:00", "22:00-24:30")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> BusinessCalendar.builder(SHANGHAI).hours(DayOfWeek.MONDAY, bad).build())
                    .withMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void an_interval_ending_where_it_starts_is_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BusinessCalendar.builder(SHANGHAI).hours(DayOfWeek.FRIDAY, "09:00-09:00").build())
                .withMessageContaining("'09:00-09:00'")
                .withMessageContaining("00:00-24:00");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BusinessCalendar.builder(SHANGHAI).hours(DayOfWeek.FRIDAY, "00:00-00:00").build())
                .withMessageContaining("'00:00-00:00'");
    }

    @Test
    void an_unknown_day_name_is_rejected_naming_it() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BusinessCalendar.builder(SHANGHAI).hours("FUNDAY", "09:00-12:00").build())
                .withMessageContaining("'FUNDAY'")
                .withMessageContaining("MONDAY");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BusinessCalendar.builder(SHANGHAI).hours("Mon", "09:00-12:00").build())
                .withMessageContaining("'Mon'");
    }

    @Test
    void the_same_day_twice_is_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BusinessCalendar(new BusinessCalendarProperties("Asia/Shanghai",
                        Map.of("monday", List.of("09:00-12:00"), "MONDAY", List.of("13:00-14:00")), null, null, null)))
                .withMessageContaining("MONDAY")
                .withMessageContaining("twice");
    }

    @Test
    void overlapping_intervals_in_one_day_are_rejected_naming_both() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BusinessCalendar.builder(SHANGHAI)
                        .hours(DayOfWeek.TUESDAY, "13:00-18:00", "09:00-13:30").build())
                .withMessageContaining("'09:00-13:30'")
                .withMessageContaining("'13:00-18:00'")
                .withMessageContaining("TUESDAY");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BusinessCalendar.builder(SHANGHAI)
                        .hours(DayOfWeek.TUESDAY, "20:00-04:00", "23:00-23:30").build())
                .withMessageContaining("overlap");
    }

    @Test
    void touching_intervals_are_fine() {
        BusinessCalendar calendar = BusinessCalendar.builder(SHANGHAI)
                .hours(DayOfWeek.TUESDAY, "09:00-12:00", "12:00-18:00").build();
        assertThat(calendar.workingTimeBetween(shanghai("2026-03-10T00:00"), shanghai("2026-03-11T00:00")))
                .isEqualTo(Duration.ofHours(9));
    }

    @Test
    void a_night_shift_overlapping_the_next_day_is_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BusinessCalendar.builder(SHANGHAI)
                        .hours(DayOfWeek.MONDAY, "22:00-06:00")
                        .hours(DayOfWeek.TUESDAY, "05:00-09:00").build())
                .withMessageContaining("MONDAY '22:00-06:00'")
                .withMessageContaining("TUESDAY")
                .withMessageContaining("'05:00-09:00'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BusinessCalendar.builder(SHANGHAI)
                        .hours(DayOfWeek.SUNDAY, "22:00-02:00")
                        .hours(DayOfWeek.MONDAY, "01:00-09:00").build())
                .withMessageContaining("SUNDAY '22:00-02:00' runs into MONDAY");
    }

    @Test
    void an_unknown_zone_is_rejected_naming_it() {
        for (String bad : List.of("Mars/Olympus", "Asia/Shang hai", "+25:00")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> BusinessCalendar.builder(bad).weekdays("09:00-18:00").build())
                    .withMessageContaining("'" + bad + "'")
                    .withMessageContaining("zone");
        }
    }

    @Test
    void a_malformed_date_is_rejected_naming_it() {
        for (String bad : List.of("2026-13-01", "2026-02-30", "01.10.2026", "2026-10-01..", "2026-10-01...2026-10-07")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> office().holidays(bad).build())
                    .withMessageContaining("holidays")
                    .withMessageContaining("'" + bad + "'");
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> office().makeUpWorkdays("2026-10-32").build())
                .withMessageContaining("make-up-workdays")
                .withMessageContaining("'2026-10-32'");
    }

    @Test
    void a_range_ending_before_it_starts_is_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> office().holidays("2026-10-08..2026-10-01").build())
                .withMessageContaining("'2026-10-08..2026-10-01'")
                .withMessageContaining("ends before it starts");
    }

    @Test
    void a_date_that_is_both_holiday_and_make_up_workday_is_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> office().holidays("2026-10-01..2026-10-07").makeUpWorkdays("2026-10-04").build())
                .withMessageContaining("2026-10-04")
                .withMessageContaining("2026-10-01..2026-10-07");
    }

    @Test
    void make_up_workdays_without_any_hours_to_work_are_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BusinessCalendar.builder(SHANGHAI)
                        .hours(DayOfWeek.TUESDAY, "09:00-18:00")
                        .makeUpWorkdays("2026-10-10").build())
                .withMessageContaining("2026-10-10")
                .withMessageContaining("make-up-workday-hours");
    }

    @Test
    void overlapping_holiday_ranges_are_merged() {
        BusinessCalendar calendar = office().holidays("2026-10-01..2026-10-05", "2026-10-03..2026-10-07", "2026-10-06")
                .build();
        assertThat(calendar.workingTimeBetween(shanghai("2026-10-01T00:00"), shanghai("2026-10-08T00:00"))).isZero();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-08"))).isTrue();
    }
}
