package io.clusterbench;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages mirror the pipeline and depend only downward: ingest → place → link → metrics → benchmark / policy
 * → publish, with the command line and {@code Pipeline} on top and the shared pieces (zone model, Spark helpers,
 * configuration, value parsers) at the bottom. A stage never reaches a later one, and no packages form a cycle.
 */
class ArchitectureTest {
    /** Production classes only: the test trees compile to target/test-classes-spark&lt;line&gt;. */
    static final ImportOption PRODUCTION_ONLY = location -> !location.contains("/test-classes");

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(PRODUCTION_ONLY)
            .importPackages("io.clusterbench");

    @Test
    void stagesDependOnlyOnEarlierStagesAndSharedPieces() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("io.clusterbench.cli..")
                .layer("pipeline").definedBy("io.clusterbench")
                .layer("publish").definedBy("io.clusterbench.publish..")
                .layer("benchmark").definedBy("io.clusterbench.benchmark..")
                .layer("policy").definedBy("io.clusterbench.policy..")
                .layer("metrics").definedBy("io.clusterbench.metrics..")
                .layer("link").definedBy("io.clusterbench.link..")
                .layer("place").definedBy("io.clusterbench.place..")
                .layer("ingest").definedBy("io.clusterbench.ingest..")
                .layer("shared").definedBy("io.clusterbench.zone..", "io.clusterbench.spark..",
                        "io.clusterbench.config..", "io.clusterbench.value..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("pipeline").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("publish").mayOnlyBeAccessedByLayers("pipeline", "cli")
                .whereLayer("benchmark").mayOnlyBeAccessedByLayers("publish", "pipeline", "cli")
                .whereLayer("policy").mayOnlyBeAccessedByLayers("publish", "pipeline", "cli")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("benchmark", "policy", "publish", "pipeline", "cli")
                .whereLayer("link").mayOnlyBeAccessedByLayers("metrics", "benchmark", "policy", "publish", "pipeline",
                        "cli")
                .whereLayer("place").mayOnlyBeAccessedByLayers("link", "metrics", "benchmark", "policy", "publish",
                        "pipeline", "cli")
                .whereLayer("ingest").mayOnlyBeAccessedByLayers("place", "link", "metrics", "benchmark", "policy",
                        "publish", "pipeline", "cli")
                .check(PRODUCTION);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.clusterbench.(**)").should().beFreeOfCycles().check(PRODUCTION);
    }
}
