package org.unionledger.shared.union;

/** The four levels of the union tree, root first; a child sits exactly one level below its parent. */
public enum UnionLevel {
    /** The city or provincial federation of labour: the one root. */
    FEDERATION,
    /** A direct upper-level union: commune/ward, industrial park or zone, or local sector union. */
    UPPER_LEVEL,
    /** A grassroots union in an enterprise, school, hospital or agency; members belong here. */
    GRASSROOTS,
    /** An optional team inside a grassroots union. */
    UNION_GROUP;

    /** The level a parent of this level must have; none for the federation. */
    public UnionLevel parentLevel() {
        return this == FEDERATION ? null : values()[ordinal() - 1];
    }
}
