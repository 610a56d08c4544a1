package org.unionledger.command.member;

import org.unionledger.shared.member.Gender;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The 12-digit Vietnamese citizen ID: digits 1-3 are the province where the birth was registered, digit 4 encodes
 * gender and century of birth (0/1 male/female born 1900-1999, 2/3 born 2000-2099, and so on up to 8/9 for
 * 2300-2399), digits 5-6 are the last two digits of the birth year, and digits 7-12 are random.
 * (Circular 59/2021/TT-BCA, province codes of Circular 07/2016/TT-BCA.)
 */
final class CitizenId {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");
    private static final Set<String> PROVINCE_CODES = Set.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024",
            "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045",
            "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
            "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
            "094", "095", "096");

    private CitizenId() {
    }

    /** Why {@code id} cannot belong to a person of this birth date and gender, or empty when it can. */
    static Optional<String> mismatch(String id, LocalDate dateOfBirth, Gender gender) {
        if (id == null || !TWELVE_DIGITS.matcher(id).matches()) {
            return Optional.of("must be exactly 12 digits");
        }
        if (!PROVINCE_CODES.contains(id.substring(0, 3))) {
            return Optional.of("starts with " + id.substring(0, 3) + ", which is not a province code");
        }
        int year = dateOfBirth.getYear();
        if (year < 1900 || year > 2399) {
            return Optional.of("cannot encode a birth year of " + year);
        }
        int expectedGenderCentury = (year / 100 - 19) * 2 + (gender == Gender.FEMALE ? 1 : 0);
        if (id.charAt(3) - '0' != expectedGenderCentury) {
            return Optional.of("digit 4 is " + id.charAt(3) + " but a " + gender.name().toLowerCase()
                    + " born in " + year + " has " + expectedGenderCentury);
        }
        String expectedYear = String.format("%02d", year % 100);
        if (!id.substring(4, 6).equals(expectedYear)) {
            return Optional.of("digits 5-6 are " + id.substring(4, 6) + " but the birth year ends in " + expectedYear);
        }
        return Optional.empty();
    }
}
