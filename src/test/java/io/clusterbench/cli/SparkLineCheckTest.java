package io.clusterbench.cli;

import io.clusterbench.ProgramVersion;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard that stops a jar on the wrong Spark line before anything links against Spark. */
class SparkLineCheckTest {
    private static final String V = ProgramVersion.get();

    @Test
    void theLineOfARelease() {
        assertEquals("3.5", SparkLineCheck.lineOf("3.5.9"));
        assertEquals("4", SparkLineCheck.lineOf("4.1.3"));
        assertEquals("4", SparkLineCheck.lineOf("4.2.0"));
        assertEquals("4", SparkLineCheck.lineOf("4.2.0-SNAPSHOT"));
        assertEquals("4.0.1", SparkLineCheck.lineOf("4.0.1")); // end of life: no line of ours
        assertEquals("3.4.4", SparkLineCheck.lineOf("3.4.4"));
    }

    @Test
    void aJarOnItsOwnLineRuns() {
        assertEquals(Optional.empty(), SparkLineCheck.problem("3.5", "2.12", "3.5.9", "2.12.18"));
        assertEquals(Optional.empty(), SparkLineCheck.problem("4", "2.13", "4.1.3", "2.13.16"));
        assertEquals(Optional.empty(), SparkLineCheck.problem("4", "2.13", "4.2.0", "2.13.17"));
    }

    @Test
    void aJarOnTheOtherLineNamesTheJarToUse() {
        assertEquals(Optional.of("clusterbench-" + V + "-spark3.5.jar is built for Spark 3.5 (Scala 2.12), but the runtime"
                        + " is Spark 4.2.0 (Scala 2.13): submit clusterbench-" + V + "-spark4.jar instead"),
                SparkLineCheck.problem("3.5", "2.12", "4.2.0", "2.13.17"));
        assertEquals(Optional.of("clusterbench-" + V + "-spark4.jar is built for Spark 4 (Scala 2.13), but the runtime"
                        + " is Spark 3.5.9 (Scala 2.12): submit clusterbench-" + V + "-spark3.5.jar instead"),
                SparkLineCheck.problem("4", "2.13", "3.5.9", "2.12.18"));
    }

    @Test
    void unsupportedRuntimesAreNamed() {
        String scala213On35 = SparkLineCheck.problem("3.5", "2.12", "3.5.9", "2.13.8").orElseThrow();
        assertTrue(scala213On35.contains("Spark 3.5.9 (Scala 2.13), which no clusterbench jar supports"), scala213On35);
        String eol = SparkLineCheck.problem("4", "2.13", "4.0.1", "2.13.16").orElseThrow();
        assertTrue(eol.contains("Spark 4.0.1 (Scala 2.13), which no clusterbench jar supports"), eol);
        String none = SparkLineCheck.problem("4", "2.13", null, null).orElseThrow();
        assertTrue(none.startsWith("no Spark runtime on the classpath"), none);
    }

    @Test
    void theTestRuntimeIsTheLineTheBuildTargets() {
        assertEquals(Optional.empty(), SparkLineCheck.problem());
    }
}
