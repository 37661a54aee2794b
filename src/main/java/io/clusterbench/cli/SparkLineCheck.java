package io.clusterbench.cli;

import io.clusterbench.ProgramVersion;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * Refuses, before any Spark class is linked, a jar submitted to a Spark line it was not built for: the Spark 3.5
 * jar (Scala 2.12) on Spark 4 (Scala 2.13) or the other way round would otherwise die later with a
 * {@code NoSuchMethodError}. The runtime's versions are read from the resources Spark's and Scala's own jars carry
 * ({@code spark-version-info.properties}, {@code library.properties}), not from their classes.
 */
final class SparkLineCheck {
    private SparkLineCheck() {
    }

    /** The one-line reason this runtime cannot run this jar, or empty when it can. */
    static Optional<String> problem() {
        return problem(ProgramVersion.sparkLine(), ProgramVersion.scalaBinaryVersion(),
                resource("spark-version-info.properties", "version"), resource("library.properties", "version.number"));
    }

    static Optional<String> problem(String jarLine, String jarScala, String runtimeSpark, String runtimeScala) {
        if (runtimeSpark == null) {
            return Optional.of("no Spark runtime on the classpath: submit " + ProgramVersion.jarName(jarLine)
                    + " with spark-submit, or run it locally with scripts/clusterbench");
        }
        String runtimeLine = lineOf(runtimeSpark);
        String scala = runtimeScala == null ? "?" : binary(runtimeScala);
        if (runtimeLine.equals(jarLine) && (runtimeScala == null || scala.equals(jarScala))) {
            return Optional.empty();
        }
        String runtime = "Spark " + runtimeSpark + " (Scala " + scala + ")";
        String built = ProgramVersion.jarName(jarLine) + " is built for Spark " + jarLine + " (Scala " + jarScala + ")";
        if (runtimeLine.equals("3.5") && scala.equals("2.12")) {
            return Optional.of(built + ", but the runtime is " + runtime + ": submit "
                    + ProgramVersion.jarName("3.5") + " instead");
        }
        if (runtimeLine.equals("4") && scala.equals("2.13")) {
            return Optional.of(built + ", but the runtime is " + runtime + ": submit "
                    + ProgramVersion.jarName("4") + " instead");
        }
        return Optional.of(built + ", but the runtime is " + runtime + ", which no clusterbench jar supports"
                + " (supported: Spark 3.5 with Scala 2.12, Spark 4.1 or later with Scala 2.13)");
    }

    /** {@code 3.5} for 3.5.x, {@code 4} for 4.1 and later, else the release itself (4.0 has reached its end of life). */
    static String lineOf(String sparkVersion) {
        String[] parts = sparkVersion.split("[.-]");
        if (parts.length >= 2 && parts[0].equals("3") && parts[1].equals("5")) {
            return "3.5";
        }
        if (parts.length >= 2 && parts[0].equals("4") && !parts[1].equals("0")) {
            return "4";
        }
        return sparkVersion;
    }

    private static String binary(String scalaVersion) {
        String[] parts = scalaVersion.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : scalaVersion;
    }

    private static String resource(String name, String key) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : SparkLineCheck.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key);
        } catch (IOException e) {
            return null;
        }
    }
}
