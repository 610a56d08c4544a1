package org.unionledger.launcher;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Request bodies for unions and members in tests, and a helper to build a small union tree over HTTP. */
final class Members {

    private static final AtomicInteger SERIAL = new AtomicInteger(100_000);

    private Members() {
    }

    /** A valid registration of a man born 17 May 1990 whose citizen ID says so; each call gets a new ID. */
    static String validRegistration(String fullName, String unionId) {
        return registration(fullName, unionId, "001090" + SERIAL.incrementAndGet());
    }

    static String registration(String fullName, String unionId, String nationalId) {
        return """
                {
                  "fullName": "%s",
                  "gender": "MALE",
                  "personal": {"nationalId": "%s", "dateOfBirth": "1990-05-17", "phone": "+84 912 345 678"},
                  "employment": {"occupation": "Welder", "workplace": "Hanoi Steel Co."},
                  "unionId": "%s",
                  "joinedOn": "2025-08-01",
                  "declaredEligible": true
                }
                """.formatted(fullName, nationalId, unionId);
    }

    static String union(String name, String code, String level, String kind, String parentId) {
        return """
                {"name": "%s", "code": "%s", "level": "%s", "kind": "%s", %s "establishedOn": "2020-01-01"}
                """.formatted(name, code, level, kind, parentId == null ? "" : "\"parentId\": \"" + parentId + "\",");
    }

    /** Establishes a union over HTTP and answers its ID. */
    static String establish(int commandPort, String name, String code, String level, String kind, String parentId) {
        Http.Response created = Http.postJson(commandPort, "/api/unions", union(name, code, level, kind, parentId), Map.of());
        if (created.status() != 201) {
            throw new AssertionError("establishing " + code + " gave " + created.status() + " " + created.body());
        }
        return created.body().get("id").asText();
    }

    /** The union tree most tests need: the federation, one ward union and one grassroots union under it. */
    record Tree(String federation, String ward, String grassroots) {

        static Tree build(int commandPort, String prefix) {
            String federation = establishOrReuseFederation(commandPort);
            String ward = establish(commandPort, prefix + " ward", prefix + "-WARD", "UPPER_LEVEL", "COMMUNE_WARD", federation);
            String grassroots = establish(commandPort, prefix + " steel", prefix + "-STEEL", "GRASSROOTS", "ENTERPRISE", ward);
            return new Tree(federation, ward, grassroots);
        }

        private static String establishOrReuseFederation(int commandPort) {
            Http.Response created = Http.postJson(commandPort, "/api/unions",
                    union("Hanoi Federation of Labour", "HANOI", "FEDERATION", "FEDERATION", null),
                    Map.of("Idempotency-Key", "test-federation"));
            if (created.status() != 201) {
                throw new AssertionError("establishing the federation gave " + created.status() + " " + created.body());
            }
            return created.body().get("id").asText();
        }
    }
}
