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
    UNMAPPED_VALUE
}
