package org.unionledger.command.member;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.unionledger.command.common.RuleViolationException;
import org.unionledger.shared.common.RuleViolation;

import java.util.Objects;

/** Matchers for refused commands in aggregate fixtures. */
public final class MemberTestMatchers {

    private MemberTestMatchers() {
    }

    /** A refusal of this kind and code, naming this field (or none), with a message for people. */
    public static Matcher<RuleViolationException> refusal(RuleViolation.Kind kind, String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolationException e) {
                RuleViolation violation = e.violation();
                return violation.kind() == kind && violation.code().equals(code)
                        && Objects.equals(violation.field(), field) && !violation.message().isBlank();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refusal " + kind + " " + code + " on " + field);
            }

            @Override
            protected void describeMismatchSafely(RuleViolationException e, Description mismatch) {
                mismatch.appendText("was " + e.violation());
            }
        };
    }
}
