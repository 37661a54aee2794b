package io.clusterbench;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The job uses Spark's public API only, so that one source tree runs on the Spark 3.5 and 4 lines: nothing from
 * Catalyst, the execution engine or Spark 4's "classic" implementation classes, except the internal row format
 * that the DataSource V2 read API asks a {@code PartitionReader<InternalRow>} to produce, in the three ingest
 * classes that produce it.
 */
class PublicSparkApiTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ArchitectureTest.PRODUCTION_ONLY)
            .importPackages("io.clusterbench");

    private static final String[] INTERNALS = {"org.apache.spark.sql.catalyst..", "org.apache.spark.sql.execution..",
            "org.apache.spark.sql.classic..", "org.apache.spark.sql.internal.."};

    @Test
    void onlyTheRowReaderTouchesSparkInternals() {
        ArchRule rule = noClasses()
                .that().doNotHaveFullyQualifiedName("io.clusterbench.ingest.SourceParser")
                .and().doNotHaveFullyQualifiedName("io.clusterbench.ingest.InternalRows")
                .and().doNotHaveFullyQualifiedName("io.clusterbench.ingest.ParsedFileReader")
                .and().doNotHaveFullyQualifiedName("io.clusterbench.ingest.ParsedFileReader$Factory")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNALS);
        rule.check(PRODUCTION);
    }

    @Test
    void theRowReaderTouchesOnlyTheRowFormatOfTheReadApi() {
        ArchRule rule = noClasses().that().resideInAPackage("io.clusterbench..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "Catalyst classes other than InternalRow, GenericInternalRow and GenericArrayData",
                        c -> c.getPackageName().startsWith("org.apache.spark.sql.catalyst")
                                && !c.getName().equals("org.apache.spark.sql.catalyst.InternalRow")
                                && !c.getName().equals("org.apache.spark.sql.catalyst.expressions.GenericInternalRow")
                                && !c.getName().equals("org.apache.spark.sql.catalyst.util.GenericArrayData")));
        rule.check(PRODUCTION);
    }

    private static final Set<String> PRIVATE_SQL = Set.of(
            "org.apache.spark.sql.SparkSession.internalCreateDataFrame", "org.apache.spark.sql.SparkSession.sessionState",
            "org.apache.spark.sql.SparkSession.sharedState", "org.apache.spark.sql.Dataset.logicalPlan",
            "org.apache.spark.sql.Dataset.ofRows", "org.apache.spark.sql.Dataset.queryExecution",
            "org.apache.spark.sql.Column.expr");

    @Test
    void noPrivateSqlMemberIsReached() {
        // private[sql] in Scala is public in bytecode: the members we once used, or that tempt, are named here
        ArchRule rule = noClasses().that().resideInAPackage("io.clusterbench..")
                .should().callMethodWhere(DescribedPredicate.describe(
                        "a private[sql] member of SparkSession or Dataset",
                        call -> PRIVATE_SQL.contains(call.getTargetOwner().getName() + "." + call.getTarget().getName())));
        rule.check(PRODUCTION);
    }
}
