package org.unionledger.command.dues;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dues arithmetic at the boundaries, with the table the command side ships (see command-side.yml). */
class DuesScheduleTest {

    private final DuesSchedule schedule = new DuesSchedule(
            List.of(new DuesSchedule.Rate(LocalDate.of(2013, 1, 1), new BigDecimal("1.0")),
                    new DuesSchedule.Rate(LocalDate.of(2025, 7, 1), new BigDecimal("0.5"))),
            List.of(new DuesSchedule.BaseSalary(LocalDate.of(2019, 7, 1), 1_490_000),
                    new DuesSchedule.BaseSalary(LocalDate.of(2023, 7, 1), 1_800_000),
                    new DuesSchedule.BaseSalary(LocalDate.of(2024, 7, 1), 2_340_000)),
            BigDecimal.TEN);

    @Test
    void juneTwentyTwentyFiveIsStillOnePercent() {
        assertThat(schedule.expectedAmount(YearMonth.of(2025, 6), 8_000_000)).contains(80_000L);
    }

    @Test
    void julyTwentyTwentyFiveIsHalfAPercent() {
        assertThat(schedule.expectedAmount(YearMonth.of(2025, 7), 8_000_000)).contains(40_000L);
    }

    @Test
    void capIsTenPercentOfTheBaseSalaryInForceThatMonth() {
        // 0.5% of 60 million is 300,000, above 10% of 2,340,000.
        assertThat(schedule.expectedAmount(YearMonth.of(2025, 7), 60_000_000)).contains(234_000L);
        // June 2024 still had the 1,800,000 base salary; 1% of 30 million is 300,000.
        assertThat(schedule.expectedAmount(YearMonth.of(2024, 6), 30_000_000)).contains(180_000L);
        assertThat(schedule.expectedAmount(YearMonth.of(2024, 7), 30_000_000)).contains(234_000L);
    }

    @Test
    void justBelowTheCapIsNotCapped() {
        // 0.5% of 46,799,800 is 233,999.
        assertThat(schedule.expectedAmount(YearMonth.of(2025, 8), 46_799_800)).contains(233_999L);
    }

    @Test
    void roundsHalfUpToWholeDong() {
        assertThat(schedule.expectedAmount(YearMonth.of(2025, 7), 5_000_050)).contains(25_000L);  // 25,000.25
        assertThat(schedule.expectedAmount(YearMonth.of(2025, 7), 5_000_100)).contains(25_001L);  // 25,000.50
        assertThat(schedule.expectedAmount(YearMonth.of(2025, 6), 4_999_950)).contains(50_000L);  // 49,999.50
    }

    @Test
    void monthsBeforeTheTableHaveNoRate() {
        assertThat(schedule.expectedAmount(YearMonth.of(2019, 6), 5_000_000)).isEmpty();
    }

    @Test
    void aNewRateIsDataNotCode() {
        DuesSchedule extended = new DuesSchedule(
                List.of(new DuesSchedule.Rate(LocalDate.of(2025, 7, 1), new BigDecimal("0.5")),
                        new DuesSchedule.Rate(LocalDate.of(2027, 1, 1), new BigDecimal("0.4"))),
                List.of(new DuesSchedule.BaseSalary(LocalDate.of(2024, 7, 1), 2_340_000)), BigDecimal.TEN);
        assertThat(extended.expectedAmount(YearMonth.of(2026, 12), 10_000_000)).contains(50_000L);
        assertThat(extended.expectedAmount(YearMonth.of(2027, 1), 10_000_000)).contains(40_000L);
    }

    @Test
    void refusesATableThatCannotGiveOneAnswerPerMonth() {
        List<DuesSchedule.BaseSalary> bases = List.of(new DuesSchedule.BaseSalary(LocalDate.of(2024, 7, 1), 2_340_000));
        List<DuesSchedule.Rate> rates = List.of(new DuesSchedule.Rate(LocalDate.of(2013, 1, 1), BigDecimal.ONE));
        assertThatThrownBy(() -> new DuesSchedule(java.util.Arrays.asList(rates.get(0), null), bases, BigDecimal.TEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unionledger.dues.rates[1] needs a from date and a percent");
        assertThatThrownBy(() -> new DuesSchedule(List.of(new DuesSchedule.Rate(null, BigDecimal.ONE)), bases, BigDecimal.TEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unionledger.dues.rates[0] needs a from date and a percent");
        assertThatThrownBy(() -> new DuesSchedule(List.of(new DuesSchedule.Rate(LocalDate.of(2013, 1, 1), new BigDecimal("-0.5"))), bases, BigDecimal.TEN))
                .hasMessage("unionledger.dues.rates[0].percent must be between 0 and 100, not -0.5");
        assertThatThrownBy(() -> new DuesSchedule(List.of(new DuesSchedule.Rate(LocalDate.of(2013, 1, 1), BigDecimal.ONE),
                new DuesSchedule.Rate(LocalDate.of(2013, 1, 1), BigDecimal.TEN)), bases, BigDecimal.TEN))
                .hasMessage("unionledger.dues.rates has two entries from the same date: [2013-01-01, 2013-01-01]");
        assertThatThrownBy(() -> new DuesSchedule(rates, List.of(new DuesSchedule.BaseSalary(LocalDate.of(2024, 7, 1), 0)), BigDecimal.TEN))
                .hasMessage("unionledger.dues.base-salaries[0].amount must be positive, not 0");
        assertThatThrownBy(() -> new DuesSchedule(rates, bases, new BigDecimal("101")))
                .hasMessage("unionledger.dues.cap-percent-of-base-salary must be between 0 and 100, not 101");
        assertThat(new DuesSchedule(rates, bases, BigDecimal.TEN).expectedAmount(YearMonth.of(2025, 1), 1_000_000)).contains(10_000L);
    }
}
