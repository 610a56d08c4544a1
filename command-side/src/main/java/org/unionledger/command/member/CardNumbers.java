package org.unionledger.command.member;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.unionledger.command.common.UniqueKeys;
import org.unionledger.shared.member.MemberId;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Hands out membership card numbers that are unique in the federation and never reused: {@code UL} and ten
 * digits, chosen at random and claimed in {@link UniqueKeys}. The number is recorded in the event, so replays
 * never draw again.
 */
@Component
public class CardNumbers {

    private static final int ATTEMPTS = 10;

    private final UniqueKeys keys;
    private final RandomGenerator random;

    @Autowired
    public CardNumbers(UniqueKeys keys) {
        this(keys, new SecureRandom());
    }

    public CardNumbers(UniqueKeys keys, RandomGenerator random) {
        this.keys = keys;
        this.random = random;
    }

    String next(MemberId holder) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String number = "UL%010d".formatted(random.nextLong(10_000_000_000L));
            if (keys.claim("card:" + number, holder.value()).isEmpty()) {
                return number;
            }
        }
        throw new IllegalStateException("No free card number after " + ATTEMPTS + " attempts");
    }
}
