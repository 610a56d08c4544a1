package org.unionledger.launcher;

/** Request bodies for registering members in tests. */
final class Members {

    private Members() {
    }

    /** A valid registration of a man born 17 May 1990, whose citizen ID says so. */
    static String validRegistration(String fullName) {
        return """
                {
                  "fullName": "%s",
                  "gender": "MALE",
                  "personal": {"nationalId": "001090123456", "dateOfBirth": "1990-05-17", "phone": "+84 912 345 678"},
                  "employment": {"occupation": "Welder", "workplace": "Hanoi Steel Co."},
                  "unionId": "u-hanoi-steel",
                  "joinedOn": "2025-08-01",
                  "declaredEligible": true
                }
                """.formatted(fullName);
    }
}
