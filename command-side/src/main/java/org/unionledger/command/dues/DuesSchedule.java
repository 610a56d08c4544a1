package org.unionledger.command.dues;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The dues rate table: a percentage of the member's social-insurance salary with the date it took effect, and the
 * statutory base salary with its dates; a month's dues are capped at {@code capPercentOfBaseSalary} of the base
 * salary in force that month. It is data (configuration), so a new rate or base salary needs no code change.
 *
 * @param rates                  percentage of the salary, each from a date on
 * @param baseSalaries           statutory base salary in dong, each from a date on
 * @param capPercentOfBaseSalary the monthly cap, as a percentage of the base salary
 */
@ConfigurationProperties("unionledger.dues")
public record DuesSchedule(List<Rate> rates, List<BaseSalary> baseSalaries,
                           @DefaultValue("10") BigDecimal capPercentOfBaseSalary) {

    /** A dues rate in percent of the social-insurance salary, in force from {@code from}. */
    public record Rate(LocalDate from, BigDecimal percent) {
    }

    /** The statutory base salary in dong, in force from {@code from}. */
    public record BaseSalary(LocalDate from, long amount) {
    }

    /**
     * Refuses a table that could not give one answer for every month (an entry without a date or a value, a percentage
     * outside 0-100, a base salary that is not positive, two entries from the same date): it is configuration, so
     * the service fails to start with the reason, instead of answering dues commands with server errors later.
     */
    public DuesSchedule {
        // Checked before copying: List.copyOf refuses a null entry with no word of which one.
        rates = rates == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(rates));
        baseSalaries = baseSalaries == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(baseSalaries));
        for (int i = 0; i < rates.size(); i++) {
            Rate rate = rates.get(i);
            require(rate != null && rate.from() != null && rate.percent() != null, "rates[%d] needs a from date and a percent", i);
            require(isPercentage(rate.percent()), "rates[%d].percent must be between 0 and 100, not %s", i, rate.percent());
        }
        for (int i = 0; i < baseSalaries.size(); i++) {
            BaseSalary base = baseSalaries.get(i);
            require(base != null && base.from() != null, "base-salaries[%d] needs a from date", i);
            require(base.amount() > 0, "base-salaries[%d].amount must be positive, not %d", i, base.amount());
        }
        requireDistinctDates(rates.stream().map(Rate::from).toList(), "rates");
        requireDistinctDates(baseSalaries.stream().map(BaseSalary::from).toList(), "base-salaries");
        require(capPercentOfBaseSalary != null && isPercentage(capPercentOfBaseSalary),
                "cap-percent-of-base-salary must be between 0 and 100, not %s", capPercentOfBaseSalary);
    }

    private static boolean isPercentage(BigDecimal value) {
        return value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0;
    }

    private static void requireDistinctDates(List<LocalDate> dates, String table) {
        require(dates.stream().distinct().count() == dates.size(), "unionledger.dues.%s has two entries from the same date: %s",
                table, dates);
    }

    private static void require(boolean condition, String reason, Object... arguments) {
        if (!condition) {
            String message = String.format(java.util.Locale.ROOT, reason, arguments);
            throw new IllegalArgumentException(message.startsWith("unionledger.") ? message : "unionledger.dues." + message);
        }
    }

    /**
     * The dues owed for {@code month} on {@code salaryBasis}: the rate in force on the month's first day applied to
     * the salary, capped, rounded half-up to whole dong. Empty when the table does not reach back to that month.
     */
    public Optional<Long> expectedAmount(YearMonth month, long salaryBasis) {
        LocalDate first = month.atDay(1);
        Optional<Rate> rate = inForce(rates, Rate::from, first);
        Optional<BaseSalary> base = inForce(baseSalaries, BaseSalary::from, first);
        if (rate.isEmpty() || base.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal dues = BigDecimal.valueOf(salaryBasis).multiply(rate.get().percent()).movePointLeft(2);
        BigDecimal cap = BigDecimal.valueOf(base.get().amount()).multiply(capPercentOfBaseSalary).movePointLeft(2);
        return Optional.of(dues.min(cap).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private static <T> Optional<T> inForce(List<T> table, java.util.function.Function<T, LocalDate> from, LocalDate day) {
        return table.stream()
                    .filter(entry -> !from.apply(entry).isAfter(day))
                    .max(Comparator.comparing(from));
    }
}
