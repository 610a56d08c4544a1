package org.unionledger.shared.union;

/** What kind of organisation a union serves. */
public enum UnionKind {
    FEDERATION,
    DISTRICT,
    COMMUNE_WARD,
    INDUSTRIAL_PARK,
    EXPORT_PROCESSING_ZONE,
    HIGH_TECH_ZONE,
    SECTOR,
    ENTERPRISE,
    SCHOOL,
    HOSPITAL,
    AGENCY,
    OTHER
}
