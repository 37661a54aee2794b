package io.clusterbench.config;

import java.math.BigDecimal;

/** The unit of a plain number in a money column (inputs.md "Money": 10,000 CNY unless the job says otherwise). */
public enum MoneyUnit {
    CNY(new BigDecimal("0.0001")),
    CNY_10K(BigDecimal.ONE),
    CNY_100M(new BigDecimal("10000"));

    private final BigDecimal toCny10k;

    MoneyUnit(BigDecimal toCny10k) {
        this.toCny10k = toCny10k;
    }

    /** Factor turning a plain number in this unit into 10,000 CNY. */
    public BigDecimal toCny10k() {
        return toCny10k;
    }
}
