package org.unionledger.command.member;

import org.unionledger.command.common.RuleViolationException;
import org.unionledger.shared.member.RegisterMemberCommand;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Who may become a member (Trade Union Law 2024): at least 15 years old at joining; not an enterprise owner or
 * director; a Vietnamese member identified by a citizen ID that agrees with their birth date and gender; a
 * foreign worker only from 1 July 2025 and only on a labour contract of 12 months or more.
 */
final class MemberRegistrationPolicy {

    static final int MINIMUM_AGE = 15;
    static final int MINIMUM_FOREIGN_CONTRACT_MONTHS = 12;
    static final LocalDate FOREIGN_WORKERS_ADMITTED_FROM = LocalDate.of(2025, 7, 1);
    static final String VIETNAM = "VN";

    private static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{6,20}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private MemberRegistrationPolicy() {
    }

    /** Refuses the registration with the first rule it breaks. */
    static void check(RegisterMemberCommand command, LocalDate today) {
        LocalDate dateOfBirth = command.personal().dateOfBirth();
        if (command.joinedOn().isAfter(today)) {
            throw RuleViolationException.invalid("JOINING_DATE_IN_FUTURE", "joinedOn",
                    "joinedOn " + command.joinedOn() + " is after today (" + today + ")");
        }
        if (!dateOfBirth.isBefore(command.joinedOn())) {
            throw RuleViolationException.invalid("BIRTH_DATE_NOT_BEFORE_JOINING", "personal.dateOfBirth",
                    "dateOfBirth must be before the joining date");
        }
        checkPhone(command.personal().phone(), "personal.phone");
        if (!COUNTRY.matcher(command.nationality()).matches()) {
            throw RuleViolationException.invalid("INVALID_NATIONALITY", "nationality",
                    "nationality must be an ISO 3166-1 alpha-2 code such as VN");
        }
        if (VIETNAM.equals(command.nationality())) {
            CitizenId.mismatch(command.personal().nationalId(), dateOfBirth, command.gender())
                     .ifPresent(reason -> {
                         throw RuleViolationException.invalid("NATIONAL_ID_MISMATCH", "personal.nationalId",
                                 "nationalId " + reason);
                     });
        } else if (!PASSPORT.matcher(command.personal().nationalId()).matches()) {
            throw RuleViolationException.invalid("INVALID_PASSPORT_NUMBER", "personal.nationalId",
                    "a foreign worker's nationalId is the passport number: 6 to 20 capital letters or digits");
        }
        if (dateOfBirth.plusYears(MINIMUM_AGE).isAfter(command.joinedOn())) {
            throw RuleViolationException.conflict("UNDER_MINIMUM_AGE", "personal.dateOfBirth",
                    "a member must be at least " + MINIMUM_AGE + " years old on the joining date");
        }
        if (!command.declaredEligible()) {
            throw RuleViolationException.conflict("NOT_ELIGIBLE", "declaredEligible",
                    "enterprise owners and directors cannot be members; the applicant must declare they are neither");
        }
        if (!VIETNAM.equals(command.nationality())) {
            checkForeignWorker(command);
        }
    }

    static void checkPhone(String phone) {
        checkPhone(phone, "phone");
    }

    private static void checkPhone(String phone, String field) {
        if (phone == null || !MOBILE.matcher(phone).matches()) {
            throw RuleViolationException.invalid("INVALID_PHONE", field,
                    "phone must be a Vietnamese mobile number: 0 then 3, 5, 7, 8 or 9, then 8 digits");
        }
    }

    private static void checkForeignWorker(RegisterMemberCommand command) {
        if (command.joinedOn().isBefore(FOREIGN_WORKERS_ADMITTED_FROM)) {
            throw RuleViolationException.conflict("FOREIGN_WORKER_NOT_YET_ADMITTED", "joinedOn",
                    "foreign workers may join from " + FOREIGN_WORKERS_ADMITTED_FROM);
        }
        Integer months = command.employment().contractMonths();
        if (months == null || months < MINIMUM_FOREIGN_CONTRACT_MONTHS) {
            throw RuleViolationException.conflict("FOREIGN_CONTRACT_TOO_SHORT", "employment.contractMonths",
                    "a foreign worker needs a labour contract of at least " + MINIMUM_FOREIGN_CONTRACT_MONTHS + " months");
        }
    }
}
