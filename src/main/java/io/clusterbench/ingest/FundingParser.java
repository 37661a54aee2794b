package io.clusterbench.ingest;

import io.clusterbench.config.JobConfig;
import io.clusterbench.value.CreditCode;
import io.clusterbench.value.EnumMappings;
import io.clusterbench.value.Lists;
import io.clusterbench.value.Money;
import io.clusterbench.value.MoneyParser;
import io.clusterbench.value.NameNormaliser;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import static org.apache.spark.sql.types.DataTypes.createStructField;

/** funding.csv → stg_funding (inputs.md "funding"): one typed row per funding event. */
public final class FundingParser extends SourceParser {
    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            createStructField("event_id", DataTypes.StringType, true),
            createStructField("credit_code", DataTypes.StringType, true),
            createStructField("company_name", DataTypes.StringType, true),
            createStructField("company_name_norm", DataTypes.StringType, true),
            createStructField("date", DataTypes.DateType, true),
            createStructField("round", DataTypes.StringType, true),
            createStructField("amount_cny_10k", DataTypes.createDecimalType(20, 4), true),
            createStructField("amount_original", DataTypes.createDecimalType(38, 6), true),
            createStructField("amount_currency", DataTypes.StringType, true),
            createStructField("amount_text", DataTypes.StringType, true),
            createStructField("investors", DataTypes.createArrayType(DataTypes.StringType), true)));

    private static final SourceSpec SPEC = Sources.FUNDING;
    private static final int EVENT_ID = SPEC.slot("event_id");
    private static final int CREDIT_CODE = SPEC.slot("credit_code");
    private static final int COMPANY_NAME = SPEC.slot("company_name");
    private static final int DATE = SPEC.slot("date");
    private static final int ROUND = SPEC.slot("round");
    private static final int AMOUNT = SPEC.slot("amount");
    private static final int INVESTORS = SPEC.slot("investors");

    private final MoneyParser money;

    public FundingParser(JobConfig config) {
        super(SPEC, SCHEMA, config);
        this.money = new MoneyParser(config.currencyRates());
    }



    @Override
    protected Object[] parseValues(Cells c, RowVerdict v) {
        String code = CreditCode.normalise(c.text(CREDIT_CODE));
        if (code != null) {
            switch (CreditCode.check(code)) {
                case MALFORMED -> {
                    // Optional here: a broken code is dropped and the event is matched by name instead.
                    v.flag(Flag.BAD_OPTIONAL_VALUE);
                    code = null;
                }
                case BAD_CHECKSUM -> v.flag(Flag.CREDIT_CODE_CHECKSUM);
                case VALID -> { }
            }
        }
        String company = c.text(COMPANY_NAME);
        if (code == null && company == null) {
            v.reject(ReasonCode.MISSING_REQUIRED, "company_name is empty and there is no valid credit_code");
        }
        LocalDate date = c.requiredDate(DATE, "date");
        Money amount = c.optionalMoney(AMOUNT, "amount", money, options);
        if (v.rejected()) {
            return null; // a rejected row's values are never used
        }
        if (!v.rejected() && date != null && date.isAfter(asOf)) {
            v.afterAsOf();
            return null;
        }
        String roundText = c.text(ROUND);
        String round = EnumMappings.map(EnumMappings.ROUND, roundText);
        if (roundText != null && round == null) {
            v.flag(Flag.UNMAPPED_VALUE);
            round = "other";
        }
        String eventId = c.text(EVENT_ID);
        if (eventId == null) {
            eventId = derivedId(c.record());
        }
        return new Object[]{eventId, code, company, NameNormaliser.normalise(company), date, round,
                amount.cny10k(), amount.originalAmount(), amount.currency(), amount.vagueText(),
                Lists.splitNonEmpty(c.text(INVESTORS))};
    }

    /** A stable id from the row's recognised content, so reruns and duplicates agree. */
    static String derivedId(RawRecord r) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest(r.rawText().getBytes(StandardCharsets.UTF_8));
            return "derived-" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
