package io.clusterbench.ingest;

import io.clusterbench.config.JobConfig;
import io.clusterbench.value.Money;
import io.clusterbench.value.MoneyParser;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.List;

import static org.apache.spark.sql.types.DataTypes.createStructField;

/** financials.csv → stg_financials (inputs.md "financials"): one row per firm and year. */
public final class FinancialsParser extends SourceParser {
    private static final org.apache.spark.sql.types.DataType MONEY = DataTypes.createDecimalType(20, 4);
    private static final List<String> MONEY_COLUMNS = List.of("revenue", "rd_expense", "hightech_revenue", "total_assets");
    public static final StructType SCHEMA = schema();

    /** Each money column keeps its amount in 10,000 CNY, the original amount and currency, and any vague text. */
    private static StructType schema() {
        List<org.apache.spark.sql.types.StructField> f = new java.util.ArrayList<>();
        f.add(createStructField("credit_code", DataTypes.StringType, true));
        f.add(createStructField("year", DataTypes.IntegerType, true));
        for (String m : MONEY_COLUMNS) {
            f.add(createStructField(m + "_cny_10k", MONEY, true));
            f.add(createStructField(m + "_original", DataTypes.createDecimalType(38, 6), true));
            f.add(createStructField(m + "_currency", DataTypes.StringType, true));
            f.add(createStructField(m + "_text", DataTypes.StringType, true));
        }
        f.add(createStructField("employees", DataTypes.IntegerType, true));
        f.add(createStructField("rd_staff", DataTypes.IntegerType, true));
        return DataTypes.createStructType(f);
    }

    private static final SourceSpec SPEC = Sources.FINANCIALS;
    private static final int CREDIT_CODE = SPEC.slot("credit_code");
    private static final int YEAR = SPEC.slot("year");
    private static final int REVENUE = SPEC.slot("revenue");
    private static final int RD = SPEC.slot("rd_expense");
    private static final int HIGHTECH = SPEC.slot("hightech_revenue");
    private static final int ASSETS = SPEC.slot("total_assets");
    private static final int EMPLOYEES = SPEC.slot("employees");
    private static final int RD_STAFF = SPEC.slot("rd_staff");

    private final MoneyParser money;

    public FinancialsParser(JobConfig config) {
        super(SPEC, SCHEMA, config);
        this.money = new MoneyParser(config.currencyRates());
    }



    @Override
    protected Object[] parseValues(Cells c, RowVerdict v) {
        String code = c.requiredCreditCode(CREDIT_CODE);
        // inputs.md "financials": the figures are what the row is for, so an unreadable one rejects the row
        Integer year = c.requiredYear(YEAR, "year");
        Money revenue = c.strictMoney(REVENUE, "revenue", money, options);
        Money rd = c.strictMoney(RD, "rd_expense", money, options);
        Money hightech = c.strictMoney(HIGHTECH, "hightech_revenue", money, options);
        Money assets = c.strictMoney(ASSETS, "total_assets", money, options);
        Integer employees = c.strictCount(EMPLOYEES, "employees");
        Integer rdStaff = c.strictCount(RD_STAFF, "rd_staff");
        if (v.rejected()) {
            return null; // a rejected row's values are never used
        }
        if (!v.rejected() && year != null && year > asOf.getYear()) {
            v.afterAsOf();
            return null;
        }
        List<Object> out = new java.util.ArrayList<>(List.of(code, year));
        for (Money m : List.of(revenue, rd, hightech, assets)) {
            out.add(m.cny10k());
            out.add(m.originalAmount());
            out.add(m.currency());
            out.add(m.vagueText());
        }
        out.add(employees);
        out.add(rdStaff);
        return out.toArray();
    }
}
