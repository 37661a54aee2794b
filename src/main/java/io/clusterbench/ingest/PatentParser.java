package io.clusterbench.ingest;

import io.clusterbench.config.JobConfig;
import io.clusterbench.value.ApplicationNumber;
import io.clusterbench.value.BadValueException;
import io.clusterbench.value.CreditCode;
import io.clusterbench.value.EnumMappings;
import io.clusterbench.value.Lists;
import io.clusterbench.value.NameNormaliser;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.types.DataTypes.createStructField;

/** patents.csv → stg_patents (inputs.md "patents"): one typed row per CNIPA application. Inventors are dropped. */
public final class PatentParser extends SourceParser {
    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            createStructField("application_no", DataTypes.StringType, true),
            createStructField("patent_type", DataTypes.StringType, true),
            createStructField("number_year", DataTypes.IntegerType, true),
            createStructField("application_date", DataTypes.DateType, true),
            createStructField("publication_no", DataTypes.StringType, true),
            createStructField("grant_date", DataTypes.DateType, true),
            createStructField("applicants", DataTypes.createArrayType(DataTypes.StringType), true),
            createStructField("applicants_norm", DataTypes.createArrayType(DataTypes.StringType), true),
            createStructField("applicant_codes", DataTypes.createArrayType(DataTypes.StringType, true), true),
            createStructField("current_owners", DataTypes.createArrayType(DataTypes.StringType), true),
            createStructField("current_owners_norm", DataTypes.createArrayType(DataTypes.StringType), true),
            createStructField("ipc_main", DataTypes.StringType, true),
            createStructField("legal_status", DataTypes.StringType, true)));

    private static final SourceSpec SPEC = Sources.PATENTS;
    private static final int APPLICATION_NO = SPEC.slot("application_no");
    private static final int PATENT_TYPE = SPEC.slot("patent_type");
    private static final int APPLICATION_DATE = SPEC.slot("application_date");
    private static final int PUBLICATION_NO = SPEC.slot("publication_no");
    private static final int GRANT_DATE = SPEC.slot("grant_date");
    private static final int APPLICANTS = SPEC.slot("applicants");
    private static final int APPLICANT_CODES = SPEC.slot("applicant_codes");
    private static final int CURRENT_OWNERS = SPEC.slot("current_owners");
    private static final int IPC_MAIN = SPEC.slot("ipc_main");
    private static final int LEGAL_STATUS = SPEC.slot("legal_status");


    public PatentParser(JobConfig config) {
        super(SPEC, SCHEMA, config);
    }



    @Override
    protected Object[] parseValues(Cells c, RowVerdict v) {
        ApplicationNumber number = null;
        String noText = c.text(APPLICATION_NO);
        if (noText == null) {
            v.reject(ReasonCode.MISSING_REQUIRED, "application_no is empty");
        } else {
            try {
                number = ApplicationNumber.parse(noText);
            } catch (BadValueException e) {
                v.reject(ReasonCode.BAD_APPLICATION_NO, e.getMessage());
            }
        }
        LocalDate applied = c.requiredDate(APPLICATION_DATE, "application_date");
        // Positions matter: applicant_codes lines up with applicants item by item, empty items included.
        List<String> applicantItems = Lists.split(c.text(APPLICANTS));
        List<String> applicants = Lists.splitNonEmpty(c.text(APPLICANTS));
        if (applicants == null) {
            v.reject(ReasonCode.MISSING_REQUIRED, "applicants is empty");
        }
        LocalDate granted = c.optionalDate(GRANT_DATE, "grant_date");

        String typeText = c.text(PATENT_TYPE);
        String type = EnumMappings.map(EnumMappings.PATENT_TYPE, typeText);
        if (typeText != null && type == null) {
            v.flag(Flag.BAD_OPTIONAL_VALUE);
        }
        if (number != null) {
            if (type != null && !type.equals(number.type())) {
                v.reject(ReasonCode.TYPE_CONFLICT, "patent_type '" + typeText + "' contradicts the type digit of "
                        + number.canonical() + " (" + number.type() + ")");
            }
            type = number.type();
            if (applied != null && applied.getYear() > number.year()) {
                v.reject(ReasonCode.BAD_APPLICATION_DATE, "application_date " + applied + " is later than the year "
                        + number.year() + " in the application number");
            }
        }
        if (applied != null && granted != null && granted.isBefore(applied)) {
            v.reject(ReasonCode.DATE_ORDER, "grant_date " + granted + " is before application_date " + applied);
        }
        List<String> codes = Lists.split(c.text(APPLICANT_CODES));
        if (codes != null && applicantItems != null && codes.size() != applicantItems.size()) {
            v.reject(ReasonCode.LIST_LENGTH_MISMATCH, "applicant_codes has " + codes.size() + " items, applicants "
                    + applicantItems.size());
        }
        if (v.rejected()) {
            return null; // a rejected row's values are never used
        }
        if (!v.rejected() && applied != null && applied.isAfter(asOf)) {
            v.afterAsOf();
            return null;
        }
        if (granted != null && granted.isAfter(asOf)) {
            v.flag(Flag.DATE_AFTER_AS_OF);
            granted = null;
        }
        List<String> cleanCodes = null;
        if (codes != null) {
            cleanCodes = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                if (applicantItems.get(i).isEmpty()) {
                    continue; // an empty applicant position is dropped with its code, keeping the two aligned
                }
                String code = codes.get(i);
                String n = CreditCode.normalise(code);
                if (n == null || n.isEmpty()) {
                    cleanCodes.add(null);
                } else if (CreditCode.check(n) == CreditCode.Verdict.MALFORMED) {
                    v.flag(Flag.BAD_OPTIONAL_VALUE);
                    cleanCodes.add(null);
                } else {
                    cleanCodes.add(n);
                }
            }
        }
        String statusText = c.text(LEGAL_STATUS);
        String status = EnumMappings.map(EnumMappings.LEGAL_STATUS, statusText);
        if (statusText != null && status == null) {
            v.flag(Flag.UNMAPPED_VALUE);
            status = "unknown";
        }
        List<String> owners = Lists.splitNonEmpty(c.text(CURRENT_OWNERS));
        return new Object[]{
                number == null ? null : number.canonical(), type, number == null ? null : number.year(),
                applied, c.text(PUBLICATION_NO), granted,
                applicants, normalised(applicants), cleanCodes,
                owners, normalised(owners), c.text(IPC_MAIN), status};
    }

    private static List<String> normalised(List<String> names) {
        return names == null ? null : names.stream().map(NameNormaliser::normalise).toList();
    }
}
