package io.clusterbench.link;

import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import io.clusterbench.config.JobConfig;
import io.clusterbench.metrics.PatentMetrics;
import io.clusterbench.spark.Intermediates;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Technology transfer (metrics.md "Technology transfer"), worked by hand through the link stage's own pieces.
 * Zones: P with its child C, and O beside them. Enterprise firms: 丙公司 in C (so also in P), 父公司 in P, 外公司
 * in O (formerly 外旧名), 散公司 unplaced; 西北大学 is in the registry as an institution (not an enterprise).
 * Unless said otherwise a patent is an invention applied for in 2019, granted in 2021 and valid on as_of.
 * <pre>
 * T1  applicants 西安交通大学            owners 丙公司   into C and P, from the university (an owner only: no co-application)
 * T2  applicants 父公司                  owners 丙公司   parent → child: into C from firm_other_zone P; not into P
 * T3  applicants 丙公司                  owners 父公司   child → parent: no transfer (the applicant is in P's subtree)
 * T4  applicants 外公司, 张三            owners 丙公司   into C and P: firm_other_zone O, and other (a person, never named)
 * T5  applicants 西北大学, 散公司        owners 外公司   into O: academic 西北大学 (a registered non-enterprise), firm_unplaced
 * T6  applicants 丙公司, 西安交通大学    no owners       a 2020 utility model: co-applied in C and P
 * T7  applicants 西安交通大学            owners 丙公司   invalid on as_of: no transfer
 * T8  applicants 父公司, 西北大学        no owners       applied 2012, before the first year: co-applied in P, no yearly count
 * T9  applicants 西安交通大学            owners (none)   an empty owner list: no transfer
 * T10 applicants 外公司, 外旧名          owners 丙公司   one firm under two names: one source, O
 * T11 applicants 西部研究院有限公司      owners 父公司   a company is never an institution: into P from other
 * T12 applicants 复旦大学 (code NOPE)    owners 外公司   a code naming no firm leaves the name: academic into O
 * </pre>
 */
class TechnologyTransferTest extends SparkTestBase {
    @TempDir
    static Path dir;
    static Dataset<Row> references;
    static Dataset<Row> zoneLinks;
    static JobConfig config;

    @BeforeAll
    static void data() {
        config = TestInputs.config(dir, dir.resolve("out"), "2024-06-30");
        Dataset<Row> firms = spark().sql("SELECT credit_code, entity_kind, name_norm,"
                + " IF(former IS NULL, CAST(NULL AS ARRAY<STRING>), array(former)) AS former_names_norm FROM VALUES"
                + " ('fC', 'enterprise', '丙公司', NULL), ('fP', 'enterprise', '父公司', NULL),"
                + " ('fO', 'enterprise', '外公司', '外旧名'), ('fU', 'enterprise', '散公司', NULL),"
                + " ('uX', 'institution', '西北大学', NULL) AS t(credit_code, entity_kind, name_norm, former)");
        Dataset<Row> firmZones = spark().sql("SELECT * FROM VALUES"
                + " ('fC', 'C', true, 'C27'), ('fC', 'P', false, 'C27'), ('fP', 'P', true, 'C27'), ('fO', 'O', true, 'C27')"
                + " AS t(credit_code, zone_id, own_zone, industry_division)");
        Dataset<Row> patents = spark().sql("SELECT application_no, applicants AS applicants_norm,"
                + " transform(applicants, a -> IF(a = '复旦大学', 'NOPE', CAST(NULL AS STRING))) AS applicant_codes,"
                + " owners AS current_owners_norm, patent_type, CAST(applied AS DATE) AS application_date,"
                + " CAST(granted AS DATE) AS grant_date, legal_status FROM VALUES"
                + row("T1", "'西安交通大学'", "'丙公司'") + ","
                + row("T2", "'父公司'", "'丙公司'") + ","
                + row("T3", "'丙公司'", "'父公司'") + ","
                + row("T4", "'外公司', '张三'", "'丙公司'") + ","
                + row("T5", "'西北大学', '散公司'", "'外公司'") + ","
                + " ('T6', array('丙公司', '西安交通大学'), CAST(array() AS ARRAY<STRING>), 'utility_model', '2020-05-01', '2020-11-01', 'valid'),"
                + " ('T7', array('西安交通大学'), array('丙公司'), 'invention', '2019-03-01', '2021-03-01', 'invalid'),"
                + " ('T8', array('父公司', '西北大学'), CAST(NULL AS ARRAY<STRING>), 'invention', '2012-03-01', NULL, 'pending'),"
                + " ('T9', array('西安交通大学'), CAST(array() AS ARRAY<STRING>), 'invention', '2019-03-01', '2021-03-01', 'valid'),"
                + row("T10", "'外公司', '外旧名'", "'丙公司'") + ","
                + row("T11", "'西部研究院有限公司'", "'父公司'") + ","
                + row("T12", "'复旦大学'", "'外公司'")
                + " AS t(application_no, applicants, owners, patent_type, applied, granted, legal_status)");
        FirmMatcher matcher = new FirmMatcher(firms, Intermediates.inMemory());
        references = PatentAttribution.references(PatentFacts.withFacts(patents), matcher, PatentFacts.FACTS).cache();
        zoneLinks = PatentAttribution.zoneLinks(PatentAttribution.firmLinks(references, PatentFacts.FACTS),
                FirmMatcher.enterpriseZones(firmZones)).cache();
    }

    private static String row(String id, String applicants, String owners) {
        return " ('" + id + "', array(" + applicants + "), array(" + owners + "), 'invention', '2019-03-01',"
                + " '2021-03-01', 'valid')";
    }

    @Test
    void transfersBySourceAndCoApplicationsWithEachInstitution() {
        List<String> rows = TechnologyTransfer.table(references, zoneLinks, Intermediates.inMemory()).collectAsList().stream()
                .map(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3) + "|" + r.get(4))
                .sorted().toList();
        assertEquals(List.of(
                "C|academic|西安交通大学|1|1",        // T1 transferred, T6 co-applied (T1 is not a co-application)
                "C|firm_other_zone|O|2|null",         // T4 and T10 (外公司 under two names is one source)
                "C|firm_other_zone|P|1|null",         // T2: from the parent into the child
                "C|other|null|1|null",                // T4's person
                "O|academic|复旦大学|1|0",            // T12
                "O|academic|西北大学|1|0",            // T5: a registered institution is still academic
                "O|firm_unplaced|null|1|null",        // T5's 散公司
                "P|academic|西北大学|0|1",            // T8, applied before the first year, still co-applied
                "P|academic|西安交通大学|1|1",        // T1; T6 (丙公司 in C is in P too)
                "P|firm_other_zone|O|2|null",         // T4, T10; T2 is no transfer into P
                "P|other|null|2|null"),               // T4's person, T11's company with an institute's name
                rows);
    }

    @Test
    void noPersonIsEverNamed() {
        List<Row> names = TechnologyTransfer.table(references, zoneLinks, Intermediates.inMemory()).filter(col("source_name").isNotNull())
                .select("source_name").distinct().collectAsList();
        assertTrue(names.stream().noneMatch(r -> r.getString(0).equals("张三")), names.toString());
        assertEquals(0, references.filter(col("academic_name").equalTo("张三")).count());
    }

    @Test
    void academicCoApplicationsPerZoneAndYear() {
        // T6 in 2020 in C and P; T8 (2012) is before the first year; T1's university is an applicant beside no firm.
        List<String> rows = PatentMetrics.perZoneYear(zoneLinks, config)
                .filter(col("patents_academic_coapplied").gt(0)).collectAsList().stream()
                .map(r -> r.getAs("zone_id") + "|" + r.getAs("year") + "|" + r.getAs("patents_academic_coapplied"))
                .sorted().toList();
        assertEquals(List.of("C|2020|1", "P|2020|1"), rows);
    }
}
