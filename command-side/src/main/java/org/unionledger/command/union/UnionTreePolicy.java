package org.unionledger.command.union;

import org.unionledger.command.common.RuleViolationException;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionLevel;

import java.util.Locale;

/**
 * Where a union may sit in the tree: the federation is the one root and has no parent; every other union sits
 * exactly one level below an active parent (a union group under a grassroots union). Because a union's level
 * never changes and a parent is always exactly one level up, no sequence of moves, concurrent or not, can form
 * a cycle; the explicit branch check in {@link Union} is a second line of defence.
 */
final class UnionTreePolicy {

    static final String FEDERATION_ROOT_KEY = "federation-root";

    private UnionTreePolicy() {
    }

    static String codeKey(String code) {
        return "union-code:" + code.toUpperCase(Locale.ROOT);
    }

    static void checkPlacement(UnionId unionId, UnionLevel level, UnionId parentId, String field,
                               UnionDirectory directory) {
        if (level == UnionLevel.FEDERATION) {
            if (parentId != null) {
                throw RuleViolationException.invalid("FEDERATION_HAS_NO_PARENT", field, "The federation is the root");
            }
            return;
        }
        if (parentId == null) {
            throw RuleViolationException.invalid("PARENT_REQUIRED", field, "A " + level + " union needs a parent");
        }
        if (parentId.equals(unionId)) {
            throw RuleViolationException.invalid("PARENT_IS_SELF", field, "A union cannot be its own parent");
        }
        UnionFacts parent = directory.require(parentId, field);
        if (!parent.isActive()) {
            throw RuleViolationException.conflict("PARENT_NOT_ACTIVE", field,
                    "Parent " + parentId + " is " + parent.status());
        }
        if (parent.level() != level.parentLevel()) {
            throw RuleViolationException.conflict("LEVEL_MISMATCH", field,
                    "A " + level + " union sits under a " + level.parentLevel() + " union, not a " + parent.level());
        }
    }
}
