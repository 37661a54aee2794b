package io.clusterbench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs after {@code package}: the jar spark-submit receives carries no Spark, Scala or Hadoop classes. */
class ApplicationJarIT {
    @Test
    void jarHoldsNoSparkScalaOrHadoopAndRelocatesClashingLibraries() throws IOException {
        String path = System.getProperty("clusterbench.jar");
        assertNotNull(path, "failsafe passes the jar's path");
        try (JarFile jar = new JarFile(path)) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            List<String> forbidden = names.stream().filter(n -> n.startsWith("org/apache/spark/") || n.startsWith("scala/")
                    || n.startsWith("org/apache/hadoop/") || n.startsWith("org/apache/commons/io/")
                    || n.startsWith("org/apache/commons/codec/") || n.startsWith("org/yaml/snakeyaml/")
                    || n.startsWith("com/fasterxml/jackson/core/") || n.startsWith("com/fasterxml/jackson/databind/")).toList();
            assertEquals(List.of(), forbidden);
            assertTrue(names.contains("io/clusterbench/cli/ClusterbenchCli.class"));
            assertTrue(names.stream().anyMatch(n -> n.startsWith("io/clusterbench/shaded/commons/csv/")));
            assertTrue(names.stream().anyMatch(n -> n.startsWith("org/locationtech/jts/")));
            assertEquals("io.clusterbench.cli.ClusterbenchCli", jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }
}
