package io.clusterbench.link;

import io.clusterbench.spark.Intermediates;
import io.clusterbench.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Name and code matching (inputs.md "Identifiers"), worked by hand on four firms, through both ways of joining
 * the index: whole (patents) and narrowed to the names and codes the references carry (funding).
 */
class FirmMatcherTest extends SparkTestBase {
    private static FirmMatcher matcher;
    private static Dataset<Row> refs;

    /** id | matched_code | match_method | matched_enterprise, by hand (D is an institution, not an enterprise). */
    private static final List<String> EXPECTED = List.of(
            "1|A|by_code|true",            // a code matches that firm, whatever the name says
            "2|null|unmatched|null",       // a code not in the registry: never matched by its name instead
            "3|A|by_name|true",            // 甲 is A's current name
            "4|D|by_former_name|false",    // 己 is D's former name
            "5|null|ambiguous|null",       // 丙 is the name of both B and C: never guessed
            "6|null|unmatched|null",       // no firm is called 无
            "7|null|unmatched|null",       // an empty name matches nothing
            "8|null|ambiguous|null",       // 庚 is a former name of both C and D: ambiguous like a shared name
            "9|null|unmatched|null");      // a name spelt like a firm's code is looked up among names only

    @BeforeAll
    static void data() {
        StructType firms = DataTypes.createStructType(List.of(
                DataTypes.createStructField("credit_code", DataTypes.StringType, false),
                DataTypes.createStructField("entity_kind", DataTypes.StringType, true),
                DataTypes.createStructField("name_norm", DataTypes.StringType, true),
                DataTypes.createStructField("former_names_norm", DataTypes.createArrayType(DataTypes.StringType), true)));
        Dataset<Row> enterprises = spark().createDataFrame(List.of(
                RowFactory.create("A", "enterprise", "甲", null),
                RowFactory.create("B", "enterprise", "丙", null),
                RowFactory.create("C", "enterprise", "丙", List.of("庚").toArray()),
                RowFactory.create("D", "institution", "戊", List.of("己", "庚").toArray())), firms);
        matcher = new FirmMatcher(enterprises, Intermediates.inMemory());
        StructType refSchema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("id", DataTypes.IntegerType, false),
                DataTypes.createStructField("ref_code", DataTypes.StringType, true),
                DataTypes.createStructField("ref_name", DataTypes.StringType, true)));
        refs = spark().createDataFrame(List.of(
                RowFactory.create(1, "A", "随便"),
                RowFactory.create(2, "Z", "甲"),
                RowFactory.create(3, null, "甲"),
                RowFactory.create(4, null, "己"),
                RowFactory.create(5, null, "丙"),
                RowFactory.create(6, null, "无"),
                RowFactory.create(7, null, null),
                RowFactory.create(8, null, "庚"),
                RowFactory.create(9, null, "B")), refSchema);
    }

    @Test
    void theWholeIndexMatchesByCodeThenByCurrentOrFormerName() {
        assertEquals(EXPECTED, outcomes(matcher.resolve(refs)));
    }

    @Test
    void aSmallReferenceSetMatchesTheSameAgainstTheIndexRowsItNames() {
        assertEquals(EXPECTED, outcomes(matcher.resolve(refs, refs.count())));
    }

    private static List<String> outcomes(Dataset<Row> resolved) {
        return resolved.select("id", "matched_code", "match_method", "matched_enterprise").collectAsList().stream()
                .map(r -> r.getInt(0) + "|" + r.get(1) + "|" + r.getString(2) + "|" + r.get(3))
                .sorted(java.util.Comparator.comparingInt(s -> Integer.parseInt(s.substring(0, s.indexOf('|')))))
                .toList();
    }
}
