package io.clusterbench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs after {@code package}: the jar spark-submit receives carries no Spark, Scala or Hadoop classes, and is
 * named and stamped for the Spark line of the profile that built it.
 */
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

            // the jar says which Spark line it is for, in its name and in the stamp --version and the guard read
            String line = System.getProperty("clusterbench.spark.line");
            assertTrue(path.endsWith("-spark" + line + ".jar"), path);
            Properties stamp = new Properties();
            try (InputStream in = jar.getInputStream(jar.getEntry("io/clusterbench/version.properties"))) {
                stamp.load(in);
            }
            assertEquals(line, stamp.getProperty("spark.line"));
            assertEquals(line.equals("3.5") ? "2.12" : "2.13", stamp.getProperty("scala.binary.version"));
        }
    }
}
