package io.clusterbench.policy;

import io.clusterbench.spark.RowValues;
import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Criterion boundaries worked by hand (as_of 2024-06-30: financial year 2023, three-year window 2021–2023).
 * F1: S&T staff exactly 10 %, revenue exactly 50 M CNY (5,000 × 10k) with R&D exactly 5 % → both pass.
 * F2: revenue 50.01 M → the 4 % band, R&D exactly 4 % → pass. F3: revenue exactly 200 M → 4 %, R&D 3.5 % →
 * fail by 12.5 %. F4: revenue above 200 M → 3 %, R&D 3.5 % → pass. F5: no financials → unknown, not fail.
 * F6: registered in 2024 → under a year. F7: a valid certificate ending 2024-09-01 → renewal risk.
 * F8: a valid certificate until 2026 → not a candidate.
 */
class CultivationCandidatesTest extends SparkTestBase {
    static Map<String, Row> rows = new HashMap<>();

    @BeforeAll
    static void compute() {
        JobConfig config = TestInputs.config(Path.of("in"), Path.of("out"), "2024-06-30");
        StructType firms = DataTypes.createStructType(List.of(
                createStructField("zone_id", DataTypes.StringType, false),
                createStructField("credit_code", DataTypes.StringType, false),
                createStructField("name", DataTypes.StringType, false),
                createStructField("industry_division", DataTypes.StringType, true),
                createStructField("established_date", DataTypes.DateType, false),
                createStructField("is_hte_valid", DataTypes.BooleanType, false),
                createStructField("is_tech_sme_latest", DataTypes.BooleanType, false),
                createStructField("employees", DataTypes.IntegerType, true),
                createStructField("hte_cert_dates", DataTypes.createArrayType(DataTypes.DateType), true)));
        List<Row> f = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String established = i == 6 ? "2024-01-01" : "2015-01-01";
            boolean hte = i >= 7;
            Object certs = i == 7 ? RowValues.external(List.of(LocalDate.of(2021, 9, 1)))
                    : i == 8 ? RowValues.external(List.of(LocalDate.of(2023, 1, 1))) : null;
            f.add(RowFactory.create("home", "F" + i, "F" + i, "27", Date.valueOf(established), hte, false, 100, certs));
        }
        StructType fin = DataTypes.createStructType(List.of(
                createStructField("credit_code", DataTypes.StringType, false),
                createStructField("year", DataTypes.IntegerType, false),
                createStructField("revenue_cny_10k", DataTypes.createDecimalType(20, 4), true),
                createStructField("rd_expense_cny_10k", DataTypes.createDecimalType(20, 4), true),
                createStructField("hightech_revenue_cny_10k", DataTypes.createDecimalType(20, 4), true),
                createStructField("total_assets_cny_10k", DataTypes.createDecimalType(20, 4), true),
                createStructField("employees", DataTypes.IntegerType, true),
                createStructField("rd_staff", DataTypes.IntegerType, true)));
        // firm, revenue (10k CNY), R&D share, S&T staff of 100 employees
        Object[][] plan = {{"F1", "5000", "0.05", 10}, {"F2", "5001", "0.04", 9}, {"F3", "20000", "0.035", 12},
                {"F4", "20001", "0.035", 30}, {"F6", "100", "0.1", 50}, {"F7", "100", "0.1", 50}, {"F8", "100", "0.1", 50}};
        List<Row> fr = new ArrayList<>();
        for (Object[] p : plan) {
            BigDecimal revenue = new BigDecimal((String) p[1]);
            BigDecimal rd = revenue.multiply(new BigDecimal((String) p[2]));
            for (int y = 2021; y <= 2023; y++) {
                fr.add(RowFactory.create(p[0], y, revenue, rd, revenue.multiply(new BigDecimal("0.7")), revenue, 100, p[3]));
            }
        }
        StructType ip = DataTypes.createStructType(List.of(
                createStructField("ip_code", DataTypes.StringType, false),
                createStructField("valid_inventions", DataTypes.LongType, false),
                createStructField("valid_other_patents", DataTypes.LongType, false)));
        List<Row> ipRows = List.of(RowFactory.create("F1", 1L, 0L), RowFactory.create("F2", 0L, 2L));
        Dataset<Row> out = CultivationCandidates.compute(spark().createDataFrame(f, firms), spark().createDataFrame(fr, fin),
                spark().createDataFrame(ipRows, ip), config);
        out.collectAsList().forEach(r -> rows.put(r.getAs("credit_code"), r));
    }

    @Test
    void exactlyTenPercentStaffAndTheRdBandEdges() {
        assertEquals("pass", rows.get("F1").getAs("hte_staff_status"));
        assertEquals(0.05, rows.get("F1").<Double>getAs("hte_rd_threshold"), 1e-12, "revenue of exactly 50 M: the 5 % band");
        assertEquals("pass", rows.get("F1").getAs("hte_rd_status"));
        assertEquals(0.04, rows.get("F2").<Double>getAs("hte_rd_threshold"), 1e-12);
        assertEquals("pass", rows.get("F2").getAs("hte_rd_status"));
        assertEquals("fail", rows.get("F2").getAs("hte_staff_status"), "9 % S&T staff");
        assertEquals(0.04, rows.get("F3").<Double>getAs("hte_rd_threshold"), 1e-12, "exactly 200 M: still the 4 % band");
        assertEquals("fail", rows.get("F3").getAs("hte_rd_status"));
        assertEquals(0.125, rows.get("F3").<Double>getAs("hte_rd_shortfall"), 1e-9);
        assertEquals(0.03, rows.get("F4").<Double>getAs("hte_rd_threshold"), 1e-12);
        assertEquals("pass", rows.get("F4").getAs("hte_rd_status"));
    }

    @Test
    void theValuesBehindTheStatuses() {
        // F3: 12 of 100 employees in S&T, R&D 3.5 % of revenue in each of the three years, high-tech revenue 70 %
        Row f3 = rows.get("F3");
        assertEquals(0.12, f3.<Double>getAs("staff_share"), 1e-12);
        assertEquals(0.035, f3.<Double>getAs("rd_share_3y"), 1e-12);
        assertEquals(0.7, f3.<Double>getAs("hightech_revenue_share"), 1e-12);
        assertEquals(0L, f3.<Long>getAs("valid_patents"));
        assertEquals(2L, rows.get("F2").<Long>getAs("valid_patents"), "two utility models or designs");
        // established 2015-01-01, as_of 2024-06-30: 3468 days
        assertEquals(Math.round(3468 / 365.25 * 100) / 100.0, f3.<Double>getAs("years_registered"), 1e-9);
        assertEquals(null, (Object) rows.get("F5").getAs("staff_share"), "no financials: no value, not 0");
    }

    @Test
    void missingFinancialsAreUnknownNotFail() {
        Row f5 = rows.get("F5");
        assertEquals("unknown", f5.getAs("hte_staff_status"));
        assertEquals("unknown", f5.getAs("hte_rd_status"));
        assertEquals("unknown", f5.getAs("hte_hightech_revenue_status"));
        assertEquals("unknown", f5.getAs("sme_score_status"));
        assertEquals("fail", f5.getAs("hte_ip_status"), "the patent data say it holds no patent");
        assertEquals(3, f5.<Integer>getAs("hte_criteria_unknown"));
    }

    @Test
    void registrationAgeAndTheTechSmeScore() {
        assertEquals("fail", rows.get("F6").getAs("hte_registered_1y_status"));
        assertEquals("pass", rows.get("F1").getAs("hte_registered_1y_status"));
        // F1: staff 10 % → 4, R&D 5 % → 40, one invention → 30: 74
        assertEquals(74, rows.get("F1").<Integer>getAs("sme_score"));
        assertEquals("pass", rows.get("F1").getAs("sme_score_status"));
        // F2: staff 9 % → 0 points: fails however high the rest (R&D 4 % → 30, two utility models → 12)
        assertEquals(42, rows.get("F2").<Integer>getAs("sme_score"));
        assertEquals("fail", rows.get("F2").getAs("sme_score_status"));
    }

    @Test
    void renewalRiskAndReadiness() {
        assertTrue(rows.get("F7").<Boolean>getAs("hte_expiring_within_12m"));
        assertFalse(rows.containsKey("F8"), "a valid certificate beyond a year is no candidate");
        assertEquals(CultivationCandidates.CAVEAT, rows.get("F1").getAs("caveat"));
        // F1 meets every criterion: first in readiness
        assertEquals(0, rows.get("F1").<Integer>getAs("hte_criteria_failed"));
        assertEquals(1, rows.get("F1").<Integer>getAs("hte_readiness_rank"));
    }
}
