package io.clusterbench.ingest;

import io.clusterbench.config.JobConfig;
import io.clusterbench.value.BadValueException;
import io.clusterbench.value.Coordinates;
import io.clusterbench.value.CreditCode;
import io.clusterbench.value.DateParser;
import io.clusterbench.value.EnumMappings;
import io.clusterbench.value.IndustryCodes;
import io.clusterbench.value.Lists;
import io.clusterbench.value.Money;
import io.clusterbench.value.MoneyParser;
import io.clusterbench.value.NameNormaliser;
import io.clusterbench.value.StockCodes;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.types.DataTypes.createStructField;

/** enterprises.csv → stg_enterprises (inputs.md "enterprises"), one typed row per registry row. */
public final class EnterpriseParser extends SourceParser {
    private static final Set<String> EXITED_STATUSES = Set.of("deregistered", "revoked", "moved_out");

    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            createStructField("credit_code", DataTypes.StringType, true),
            createStructField("name", DataTypes.StringType, true),
            createStructField("name_norm", DataTypes.StringType, true),
            createStructField("former_names", DataTypes.createArrayType(DataTypes.StringType), true),
            createStructField("former_names_norm", DataTypes.createArrayType(DataTypes.StringType), true),
            createStructField("enterprise_type", DataTypes.StringType, true),
            createStructField("entity_kind", DataTypes.StringType, true),
            createStructField("ownership", DataTypes.StringType, true),
            createStructField("zone_id", DataTypes.StringType, true),
            createStructField("lon", DataTypes.DoubleType, true),
            createStructField("lat", DataTypes.DoubleType, true),
            createStructField("address_norm", DataTypes.StringType, true),
            createStructField("authority_norm", DataTypes.StringType, true),
            createStructField("admin_division", DataTypes.StringType, true),
            createStructField("industry_code", DataTypes.StringType, true),
            createStructField("industry_section", DataTypes.StringType, true),
            createStructField("industry_division", DataTypes.StringType, true),
            createStructField("established_date", DataTypes.DateType, true),
            createStructField("status", DataTypes.StringType, true),
            createStructField("deregistered_date", DataTypes.DateType, true),
            createStructField("registered_capital_cny_10k", DataTypes.createDecimalType(20, 4), true),
            createStructField("registered_capital_original", DataTypes.createDecimalType(38, 6), true),
            createStructField("registered_capital_currency", DataTypes.StringType, true),
            createStructField("registered_capital_text", DataTypes.StringType, true),
            createStructField("employees", DataTypes.IntegerType, true),
            createStructField("listing_board", DataTypes.StringType, true),
            createStructField("stock_code", DataTypes.StringType, true),
            createStructField("listing_date", DataTypes.DateType, true),
            createStructField("delisting_date", DataTypes.DateType, true),
            createStructField("tech_sme_years", DataTypes.createArrayType(DataTypes.IntegerType), true),
            createStructField("hte_cert_dates", DataTypes.createArrayType(DataTypes.DateType), true)));

    private static final SourceSpec SPEC = Sources.ENTERPRISES;
    private static final int CREDIT_CODE = SPEC.slot("credit_code");
    private static final int NAME = SPEC.slot("name");
    private static final int FORMER_NAMES = SPEC.slot("former_names");
    private static final int ENTERPRISE_TYPE = SPEC.slot("enterprise_type");
    private static final int ZONE_ID = SPEC.slot("zone_id");
    private static final int LON = SPEC.slot("lon");
    private static final int LAT = SPEC.slot("lat");
    private static final int ADDRESS = SPEC.slot("address");
    private static final int AUTHORITY = SPEC.slot("authority");
    private static final int INDUSTRY_CODE = SPEC.slot("industry_code");
    private static final int ESTABLISHED = SPEC.slot("established_date");
    private static final int STATUS = SPEC.slot("status");
    private static final int DEREGISTERED = SPEC.slot("deregistered_date");
    private static final int REVOKED = SPEC.slot("_revoked_date");
    private static final int CAPITAL = SPEC.slot("registered_capital");
    private static final int EMPLOYEES = SPEC.slot("employees");
    private static final int BOARD = SPEC.slot("listing_board");
    private static final int STOCK_CODE = SPEC.slot("stock_code");
    private static final int LISTING = SPEC.slot("listing_date");
    private static final int DELISTING = SPEC.slot("delisting_date");
    private static final int TECH_SME_YEARS = SPEC.slot("tech_sme_years");
    private static final int HTE_DATES = SPEC.slot("hte_cert_dates");

    private final MoneyParser money;

    public EnterpriseParser(JobConfig config) {
        super(SPEC, SCHEMA, config);
        this.money = new MoneyParser(config.currencyRates());
    }



    @Override
    protected Object[] parseValues(Cells c, RowVerdict v) {
        String code = c.requiredCreditCode(CREDIT_CODE);
        String name = c.text(NAME);
        if (name == null) {
            v.reject(ReasonCode.MISSING_REQUIRED, "name is empty");
        }
        LocalDate established = c.requiredDate(ESTABLISHED, "established_date");
        String statusText = c.text(STATUS);
        String status = EnumMappings.map(EnumMappings.STATUS, statusText);
        if (statusText == null) {
            v.reject(ReasonCode.MISSING_REQUIRED, "status is empty");
        } else if (status == null) {
            v.reject(ReasonCode.BAD_ENUM, "status '" + statusText + "' is not a registry status (存续, 在业, 注销, 吊销, 迁出, 停业…)");
        }

        Double lon = c.optionalDouble(LON, "lon");
        Double lat = c.optionalDouble(LAT, "lat");
        if (lon != null && (lon < 73 || lon > 136)) {
            v.reject(ReasonCode.BAD_GEOMETRY, "lon " + lon + " lies outside China [73, 136]");
        }
        if (lat != null && (lat < 3 || lat > 54)) {
            v.reject(ReasonCode.BAD_GEOMETRY, "lat " + lat + " lies outside China [3, 54]");
        }
        if ((lon == null) != (lat == null)) {
            v.flag(Flag.BAD_OPTIONAL_VALUE);
            lon = null;
            lat = null;
        } else if (lon != null) {
            double[] w = Coordinates.toWgs84(options.coordSystem(), lon, lat);
            lon = w[0];
            lat = w[1];
        }

        LocalDate deregistered = earliest(c.optionalDate(DEREGISTERED, "deregistered_date"),
                c.optionalDate(REVOKED, "deregistered_date (吊销日期)"));
        if (deregistered != null && established != null && deregistered.isBefore(established)) {
            v.reject(ReasonCode.DATE_ORDER, "deregistered_date " + deregistered + " is before established_date " + established);
        }
        LocalDate listing = c.optionalDate(LISTING, "listing_date");
        LocalDate delisting = c.optionalDate(DELISTING, "delisting_date");
        if (listing != null && delisting != null && delisting.isBefore(listing)) {
            v.reject(ReasonCode.DATE_ORDER, "delisting_date " + delisting + " is before listing_date " + listing);
        }

        Money capital = c.optionalMoney(CAPITAL, "registered_capital", money, options);
        Integer employees = c.optionalCount(EMPLOYEES, "employees");

        IndustryCodes.Code industry = null;
        try {
            industry = IndustryCodes.reference().parse(c.text(INDUSTRY_CODE));
        } catch (BadValueException e) {
            v.flag(Flag.BAD_OPTIONAL_VALUE);
        }
        String boardText = c.text(BOARD);
        String board = EnumMappings.map(EnumMappings.LISTING_BOARD, boardText);
        if (boardText != null && board == null) {
            v.flag(Flag.BAD_OPTIONAL_VALUE);
        }
        String stockCode = StockCodes.normalise(c.text(STOCK_CODE));

        if (v.rejected()) {
            return null; // a rejected row's values are never used
        }
        // The row's defining date decides whether it is in the snapshot at all (checked after every reject rule).
        if (!v.rejected() && established != null && established.isAfter(asOf)) {
            v.afterAsOf();
            return null;
        }
        // Secondary dates after as_of are unknown on as_of.
        deregistered = dropIfAfterAsOf(deregistered, v);
        delisting = dropIfAfterAsOf(delisting, v);
        if (listing != null && listing.isAfter(asOf)) {
            v.flag(Flag.DATE_AFTER_AS_OF);
            listing = null;
            board = null; // not yet listed on as_of
        }
        if (board != null && stockCode != null && !StockCodes.fitsBoard(stockCode, board)) {
            v.flag(Flag.STOCK_CODE_BOARD_MISMATCH);
        }
        if (status != null && EXITED_STATUSES.contains(status) && deregistered == null) {
            v.flag(Flag.EXIT_DATE_MISSING);
        }

        List<String> formerNames = Lists.splitNonEmpty(c.text(FORMER_NAMES));
        String enterpriseType = c.text(ENTERPRISE_TYPE);
        return new Object[]{
                code, name, NameNormaliser.normalise(name),
                formerNames, formerNames == null ? null : formerNames.stream().map(NameNormaliser::normalise).toList(),
                enterpriseType, entityKind(code, name, enterpriseType), Ownership.of(enterpriseType),
                c.text(ZONE_ID), lon, lat,
                compact(c.text(ADDRESS)), compact(c.text(AUTHORITY)), CreditCode.divisionCode(code),
                industry == null ? null : industry.code(), industry == null ? null : industry.section(),
                industry == null ? null : industry.division(),
                established, status, deregistered,
                capital.cny10k(), capital.originalAmount(), capital.currency(), capital.vagueText(),
                employees, board, stockCode, listing, delisting,
                techSmeYears(c.text(TECH_SME_YEARS), v), hteCertDates(c.text(HTE_DATES), v)};
    }

    /** metrics.md "Firm states": enterprise (91, not a branch), branch, individual business (92), cooperative (93), other. */
    static String entityKind(String code, String name, String enterpriseType) {
        boolean branch = (name != null && (name.endsWith("分公司") || name.endsWith("分厂") || name.endsWith("办事处")
                || name.endsWith("分店"))) || (enterpriseType != null && enterpriseType.contains("分公司"));
        if (code == null) {
            return null;
        }
        if (code.startsWith("91") && !branch) {
            return "enterprise";
        }
        if (branch) {
            return "branch";
        }
        if (code.startsWith("92")) {
            return "individual_business";
        }
        return code.startsWith("93") ? "cooperative" : "other";
    }

    /** address: and authority: rules compare NFKC text with whitespace removed (inputs.md "Identifiers"). */
    static String compact(String s) {
        return io.clusterbench.value.Text.compactNfkc(s);
    }

    private List<Integer> techSmeYears(String cell, RowVerdict v) {
        List<String> items = Lists.splitNonEmpty(cell);
        if (items == null) {
            return null;
        }
        List<Integer> years = new ArrayList<>();
        for (String item : items) {
            String s = item.endsWith("年") ? item.substring(0, item.length() - 1) : item;
            if (!io.clusterbench.value.Text.isDigits(s, 4)) {
                v.flag(Flag.BAD_OPTIONAL_VALUE);
            } else if (Integer.parseInt(s) > asOf.getYear()) {
                v.flag(Flag.DATE_AFTER_AS_OF);
            } else if (!years.contains(Integer.parseInt(s))) {
                years.add(Integer.parseInt(s));
            }
        }
        return years.isEmpty() ? null : years.stream().sorted().toList();
    }

    private List<LocalDate> hteCertDates(String cell, RowVerdict v) {
        List<String> items = Lists.splitNonEmpty(cell);
        if (items == null) {
            return null;
        }
        List<LocalDate> dates = new ArrayList<>();
        for (String item : items) {
            try {
                LocalDate d = DateParser.parse(item);
                if (d.isAfter(asOf)) {
                    v.flag(Flag.DATE_AFTER_AS_OF);
                } else if (!dates.contains(d)) {
                    dates.add(d);
                }
            } catch (BadValueException e) {
                v.flag(Flag.BAD_OPTIONAL_VALUE);
            }
        }
        return dates.isEmpty() ? null : dates.stream().sorted().toList();
    }

    private LocalDate dropIfAfterAsOf(LocalDate d, RowVerdict v) {
        if (d != null && d.isAfter(asOf)) {
            v.flag(Flag.DATE_AFTER_AS_OF);
            return null;
        }
        return d;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
