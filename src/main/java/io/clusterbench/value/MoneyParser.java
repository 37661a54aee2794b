package io.clusterbench.value;

import io.clusterbench.config.MoneyUnit;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money cells as registries and investment databases write them (inputs.md "Money"): plain numbers in the
 * column's unit, or text such as 500万元, 1.2亿, 1,000万元, 100万美元, USD 10M, 3000000元, HK$5000万, with
 * 认缴/实缴 notes. Vague amounts (数千万, 近亿…) and 未披露/不详 are undisclosed.
 */
public final class MoneyParser implements Serializable {
    private static final BigDecimal TEN_THOUSAND = new BigDecimal(10000);
    private static final Pattern VAGUE = Pattern.compile("数[十百千万亿]|[近超逾上过][十百千]?[万亿]|[十百千]万级|亿级|百万级|千万级");
    private static final Pattern BARE_NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
    private static final Pattern NUMBER = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)");
    /** 1790万元, 1790万: how most registries write capital, read without the general text analysis. */
    private static final Pattern TEN_THOUSAND_CNY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)万元?");
    private static final Pattern LEFTOVER_OK = Pattern.compile("[()\\[\\]:：约左右人民币元整]*");

    private static final Pattern CURRENCY_TOKENS = Pattern.compile("HK\\$|US\\$|HKD|USD|EUR|JPY|CNY|RMB|[$€¥￥]");

    private final Map<String, Double> cnyPerUnit;

    /** @param cnyPerUnit CNY per unit of each currency code (CNY itself 1.0) */
    public MoneyParser(Map<String, Double> cnyPerUnit) {
        this.cnyPerUnit = Map.copyOf(cnyPerUnit);
    }

    /** @param plainUnit the unit of a bare number in this column */
    public Money parse(String text, MoneyUnit plainUnit) throws BadValueException {
        if (text == null) {
            return Money.UNDISCLOSED;
        }
        String s = Text.nfkc(text).strip();
        if (s.isEmpty() || s.contains("未披露") || s.contains("不详")) {
            return Money.UNDISCLOSED;
        }
        if (BARE_NUMBER.matcher(s).matches()) {
            // the common case, without the text analysis below: a bare number in the column's unit, CNY
            BigDecimal cny10k = new BigDecimal(s).multiply(plainUnit.toCny10k());
            return checked(s, cny10k, cny10k.multiply(TEN_THOUSAND), "CNY");
        }
        Matcher wan = TEN_THOUSAND_CNY.matcher(s);
        if (wan.matches() && Double.valueOf(1.0).equals(cnyPerUnit.get("CNY"))) {
            // the same result as the general path below gives these cells: CNY, unit 万
            BigDecimal cny10k = new BigDecimal(wan.group(1));
            return checked(s, cny10k, cny10k.multiply(TEN_THOUSAND), "CNY");
        }
        if (VAGUE.matcher(s).find()) {
            return new Money(null, null, null, s);
        }
        String t = s.replace("认缴", "").replace("实缴", "");
        t = Text.compactNfkc(t);
        boolean negative = t.startsWith("-");
        if (negative) {
            t = t.substring(1);
        }
        // Thousands separators only between digits, so "USD 10M" and "1,000万元" both read right.
        t = Text.withoutThousandsSeparators(t);
        String upper = t.toUpperCase(Locale.ROOT);

        String currency = "CNY";
        boolean currencyWritten = true;
        if (upper.contains("HK$") || upper.contains("HKD") || t.contains("港元") || t.contains("港币")) {
            currency = "HKD";
        } else if (upper.contains("US$") || upper.contains("USD") || t.contains("美元") || upper.contains("$")) {
            currency = "USD";
        } else if (upper.contains("EUR") || t.contains("欧元") || t.contains("€")) {
            currency = "EUR";
        } else if (upper.contains("JPY") || t.contains("日元")) {
            currency = "JPY";
        } else if (t.contains("元") || t.contains("人民币") || upper.contains("CNY") || upper.contains("RMB")
                || t.contains("¥") || t.contains("￥")) {
            currency = "CNY";
        } else {
            currencyWritten = false;
        }
        String rest = CURRENCY_TOKENS.matcher(upper).replaceAll("")
                .replace("港元", "").replace("港币", "").replace("美元", "").replace("欧元", "").replace("日元", "")
                .replace("人民币", "");

        Matcher m = NUMBER.matcher(rest);
        if (!m.find()) {
            throw new BadValueException("'" + s + "' is not an amount");
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String before = rest.substring(0, m.start());
        String after = rest.substring(m.end());
        if (NUMBER.matcher(after).find() || !LEFTOVER_OK.matcher(before).matches()) {
            throw new BadValueException("'" + s + "' is not an amount");
        }
        BigDecimal multiplier = null;
        String unitText = after;
        if (unitText.startsWith("亿")) {
            multiplier = new BigDecimal("100000000");
            unitText = unitText.substring(1);
        } else if (unitText.startsWith("千万")) {
            multiplier = new BigDecimal("10000000");
            unitText = unitText.substring(2);
        } else if (unitText.startsWith("百万")) {
            multiplier = new BigDecimal("1000000");
            unitText = unitText.substring(2);
        } else if (unitText.startsWith("万")) {
            multiplier = TEN_THOUSAND;
            unitText = unitText.substring(1);
        } else if (unitText.startsWith("BN") || unitText.startsWith("B")) {
            multiplier = new BigDecimal("1000000000");
            unitText = unitText.substring(unitText.startsWith("BN") ? 2 : 1);
        } else if (unitText.startsWith("MN") || unitText.startsWith("M")) {
            multiplier = new BigDecimal("1000000");
            unitText = unitText.substring(unitText.startsWith("MN") ? 2 : 1);
        } else if (unitText.startsWith("K")) {
            multiplier = new BigDecimal("1000");
            unitText = unitText.substring(1);
        }
        if (!LEFTOVER_OK.matcher(unitText).matches()) {
            throw new BadValueException("'" + s + "' is not an amount");
        }
        BigDecimal original;
        BigDecimal cny10k;
        if (multiplier == null && !currencyWritten) {
            // A bare number: the column's configured unit, always CNY.
            cny10k = number.multiply(plainUnit.toCny10k());
            original = cny10k.multiply(TEN_THOUSAND);
        } else {
            original = multiplier == null ? number : number.multiply(multiplier);
            Double rate = cnyPerUnit.get(currency);
            if (rate == null) {
                throw new BadValueException("'" + s + "': no rate for " + currency + " in the job's currency_rates");
            }
            cny10k = original.multiply(BigDecimal.valueOf(rate)).movePointLeft(4); // exact, no long division
        }
        if (negative) {
            original = original.negate();
            cny10k = cny10k.negate();
        }
        return checked(s, cny10k, original, currency);
    }

    private static Money checked(String s, BigDecimal cny10k, BigDecimal original, String currency) throws BadValueException {
        if (cny10k.setScale(4, RoundingMode.HALF_UP).precision() > 20 || original.setScale(6, RoundingMode.HALF_UP).precision() > 38) {
            // decimal(20,4) would silently become null in Spark: say so instead
            throw new BadValueException("'" + s + "' is too large an amount");
        }
        return new Money(cny10k.setScale(4, RoundingMode.HALF_UP), original.stripTrailingZeros(), currency, null);
    }
}
