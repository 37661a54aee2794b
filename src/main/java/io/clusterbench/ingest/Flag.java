package io.clusterbench.ingest;

/** Caveats on accepted rows (inputs.md "Flags"); never a reject. */
public enum Flag {
    CREDIT_CODE_CHECKSUM,
    EXIT_DATE_MISSING,
    UNKNOWN_ZONE,
    STOCK_CODE_BOARD_MISMATCH,
    AMBIGUOUS_NAME,
    BAD_OPTIONAL_VALUE,
    DATE_AFTER_AS_OF,
    UNMAPPED_VALUE,
    /** Not in the contract's list: a date before 1900-01-01, kept as given (see the input documentation). */
    DATE_BEFORE_1900
}
