package org.unionledger.shared.member;

import java.time.LocalDate;

/**
 * The member's personal data that must be erasable: kept together so that it can later be encrypted inside
 * events with a per-member key (crypto-shredding) without touching the rest of the event.
 *
 * @param nationalId  the 12-digit citizen ID (Vietnamese members) or the passport number (foreign workers)
 * @param dateOfBirth the date of birth
 * @param phone       the mobile number, in national form {@code 0xxxxxxxxx}
 */
public record PersonalDetails(String nationalId, LocalDate dateOfBirth, String phone) {
}
