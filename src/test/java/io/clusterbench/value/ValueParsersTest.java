package io.clusterbench.value;

import io.clusterbench.config.JobConfig;
import io.clusterbench.config.MoneyUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValueParsersTest {
    private final MoneyParser money = new MoneyParser(JobConfig.DEFAULT_CURRENCY_RATES);

    @ParameterizedTest
    @CsvSource({"91310115MA1K3BTP2B", "9144030071526726XG", "121200004013590816", "911522010783762860", "92340602MA2PBQAH7E"})
    void realCreditCodesAreValid(String code) {
        assertEquals(CreditCode.Verdict.VALID, CreditCode.check(code));
    }

    @ParameterizedTest
    @CsvSource({
            "91310115MA1K3BTP2C, BAD_CHECKSUM",   // check character altered
            "91310115MA1K3BTP3B, BAD_CHECKSUM",   // a body digit altered
            "91310115MA1K3BTP2, MALFORMED",       // 17 characters
            "91310115MA1K3BTP2BB, MALFORMED",     // 19 characters
            "91310115MA1I3BTP2B, MALFORMED",      // I is not in the alphabet
            "91310115MA1O3BTP2B, MALFORMED",      // nor is O
            "91310115ma1k3btp2b, MALFORMED",      // lower case (normalise() upper-cases first)
            "91310115MA1K3BTP2Ｂ, MALFORMED",      // a full-width check character, outside ASCII
            "９1310115MA1K3BTP2B, MALFORMED"})     // a full-width digit
    void alteredCreditCodes(String code, CreditCode.Verdict verdict) {
        assertEquals(verdict, CreditCode.check(code));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2021-03-05|2021-03-05", "2021/3/5|2021-03-05", "2021.3.5|2021-03-05", "20210305|2021-03-05",
            "2021年3月5日|2021-03-05", "2021-03-05 14:30:00|2021-03-05", "2021/3/5 0:00|2021-03-05",
            "2021-03-05T08:00:00|2021-03-05", "2020-02-29|2020-02-29", "20210305 101112|2021-03-05",
            "2021-03-05 00:00:00 +0800|2021-03-05", "2021年3月5日 10时|2021-03-05"})
    void contractDateFormats(String text, LocalDate expected) throws BadValueException {
        assertEquals(expected, DateParser.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"2021-02-30", "2021-13-01", "05/03/2021", "2021-3", "yesterday", "2021/03-05"})
    void badDates(String text) {
        assertThrows(BadValueException.class, () -> DateParser.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // text | cny 10k | original amount | currency
            "500|500.0000|5000000|CNY",
            "500万|500.0000|5000000|CNY",
            "500万元|500.0000|5000000|CNY",
            "500万人民币|500.0000|5000000|CNY",
            "1.2亿|12000.0000|120000000|CNY",
            "1.2亿元|12000.0000|120000000|CNY",
            "1,000万元|1000.0000|10000000|CNY",
            "3000000元|300.0000|3000000|CNY",
            "100万美元|720.0000|1000000|USD",          // 1,000,000 USD x 7.2 = 7,200,000 CNY
            "USD 10M|7200.0000|10000000|USD",          // 10,000,000 USD x 7.2
            "HK$5000万|4600.0000|50000000|HKD",        // 50,000,000 HKD x 0.92
            "500万元(认缴)|500.0000|5000000|CNY",
            "认缴1000万元|1000.0000|10000000|CNY",
            "12.34567万|12.3457|123456.7|CNY"})       // rounded half-up to 4 decimals
    void moneyFormats(String text, BigDecimal cny10k, BigDecimal original, String currency) throws BadValueException {
        Money m = money.parse(text, MoneyUnit.CNY_10K);
        assertEquals(cny10k, m.cny10k());
        assertEquals(0, original.compareTo(m.originalAmount()), m.originalAmount().toPlainString());
        assertEquals(currency, m.currency());
    }

    @Test
    void plainNumbersFollowTheColumnsUnit() throws BadValueException {
        assertEquals(new BigDecimal("0.0500"), money.parse("500", MoneyUnit.CNY).cny10k());
        assertEquals(new BigDecimal("50000.0000"), money.parse("5", MoneyUnit.CNY_100M).cny10k());
    }

    @ParameterizedTest
    @CsvSource({"数百万", "数千万", "近亿", "数亿"})
    void vagueAmountsAreUndisclosedWithTheirText(String text) throws BadValueException {
        Money m = money.parse(text, MoneyUnit.CNY_10K);
        assertNull(m.cny10k());
        assertEquals(text, m.vagueText());
    }

    @ParameterizedTest
    @CsvSource({"未披露", "不详"})
    void undisclosed(String text) throws BadValueException {
        assertEquals(Money.UNDISCLOSED, money.parse(text, MoneyUnit.CNY_10K));
        assertEquals(Money.UNDISCLOSED, money.parse("", MoneyUnit.CNY_10K));
    }

    @ParameterizedTest
    @CsvSource({"abc", "12万34", "1.2.3亿", "五百万", "-", "n/a", "123456789012345678901亿"})
    void badAmounts(String text) {
        assertThrows(BadValueException.class, () -> money.parse(text, MoneyUnit.CNY_10K));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "C2710|C2710|C|27", "2710|C2710|C|27", "27|C27|C|27", "I6510|I6510|I|65", "m7320|M7320|M|73"})
    void industryCodes(String text, String code, String section, String division) throws BadValueException {
        IndustryCodes.Code c = IndustryCodes.reference().parse(text);
        assertEquals(code, c.code());
        assertEquals(section, c.section());
        assertEquals(division, c.division());
    }

    @ParameterizedTest
    @CsvSource({"D2710", "C99", "C1", "X12345", "27a"})
    void badIndustryCodes(String text) {
        assertThrows(BadValueException.class, () -> IndustryCodes.reference().parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "上海张江 生物医药 有限责任公司|上海张江生物医药有限公司",
            "苏州（工业园区）ＡＢＣ科技有限公司|苏州(工业园区)ABC科技有限公司",
            "abc tech 股份有限公司|ABCTECH股份有限公司",
            "合肥某科技有限公司渭南分公司|合肥某科技有限公司渭南分公司",
            "【华为】技术有限公司|(华为)技术有限公司"})
    void nameNormalisation(String raw, String normalised) {
        assertEquals(normalised, NameNormaliser.normalise(raw));
    }

    @ParameterizedTest
    @CsvSource({
            "201710601862.3, 201710601862.3, 2017, invention",
            "CN201710117081.7, 201710117081.7, 2017, invention",
            "ZL2013106997442, 201310699744.2, 2013, invention",
            "95115608.X, 95115608.X, 1995, invention",
            "cn 201320123456.8, 201320123456.8, 2013, utility_model"})
    void applicationNumbers(String text, String canonical, int year, String type) throws BadValueException {
        // the last row's check digit worked by hand: 2*2+0*3+1*4+3*5+2*6+0*7+1*8+2*9+3*2+4*3+5*4+6*5 = 129, mod 11 = 8
        ApplicationNumber n = ApplicationNumber.parse(text);
        assertEquals(canonical, n.canonical());
        assertEquals(year, n.year());
        assertEquals(type, n.type());
    }

    @ParameterizedTest
    @CsvSource({
            "201710601862.4",     // check digit altered
            "201710601863.3",     // a digit altered
            "CN201710117081.8",
            "ZL2013106997443",
            "95115608.1",
            "20171060186.3",      // 11 digits
            "201750601862.5",     // check digit right, but type digit 5 does not exist
            "199810601862.X",     // check digit right, but 12-digit numbers start in 2003
            "2017.106018623",     // the dot belongs before the check digit
            "03100001.0"})        // 8-digit numbers end in 2002
    void alteredApplicationNumbers(String text) {
        assertThrows(BadValueException.class, () -> ApplicationNumber.parse(text));
    }

    @ParameterizedTest
    @CsvSource({
            "300750.SZ|CHINEXT|true",
            "301236|CHINEXT|true",
            "302132.SZ|CHINEXT|true",   // ChiNext's third prefix
            "600519.SH|CHINEXT|false",
            "688981|STAR|true",
            "920118.BJ|BSE|true",
            "002594|SSE_MAIN|false"})
    void stockCodesAgainstTheirBoardsPrefixes(String row) {
        String[] c = row.split("\\|");
        assertEquals(Boolean.parseBoolean(c[2]), StockCodes.fitsBoard(StockCodes.normalise(c[0]), c[1]), row);
    }
}
