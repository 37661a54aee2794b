package io.clusterbench.value;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A parsed money cell.
 *
 * @param cny10k          amount in 10,000 CNY rounded half-up to 4 decimals; null when undisclosed
 * @param originalAmount  the amount in units of {@code currency} as written (after 万/亿/M multipliers)
 * @param currency        ISO code of the written currency (CNY when none is written)
 * @param vagueText       the text of a vague amount such as 数千万, kept but never turned into a number
 */
public record Money(BigDecimal cny10k, BigDecimal originalAmount, String currency, String vagueText)
        implements Serializable {

    public static final Money UNDISCLOSED = new Money(null, null, null, null);

    public boolean disclosed() {
        return cny10k != null;
    }
}
