package io.clusterbench.ingest;

/**
 * The closed list of reject reasons (inputs.md "Rejects"). Declaration order is the contract's order:
 * when a row fails several rules, the first one here is reported.
 */
public enum ReasonCode {
    MALFORMED_ROW,
    ENCODING_ERROR,
    MISSING_REQUIRED,
    BAD_CREDIT_CODE,
    BAD_APPLICATION_NO,
    BAD_DATE,
    BAD_NUMBER,
    BAD_ENUM,
    BAD_GEOMETRY,
    TYPE_CONFLICT,
    BAD_APPLICATION_DATE,
    DATE_ORDER,
    LIST_LENGTH_MISMATCH,
    NEGATIVE_VALUE,
    DUPLICATE_KEY
}
