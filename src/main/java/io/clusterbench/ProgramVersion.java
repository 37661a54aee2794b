package io.clusterbench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The program's version and the Spark line it was built for, stamped into the jar by the build. */
public final class ProgramVersion {
    private static final Properties BUILD = load();

    private ProgramVersion() {
    }

    public static String get() {
        return BUILD.getProperty("version", "unknown");
    }

    /** {@code 3.5} or {@code 4}: the Spark line (Maven profile) this jar was compiled for. */
    public static String sparkLine() {
        return BUILD.getProperty("spark.line", "unknown");
    }

    /** The Spark release compiled against, e.g. {@code 4.1.3}. */
    public static String sparkVersion() {
        return BUILD.getProperty("spark.version", "unknown");
    }

    public static String scalaBinaryVersion() {
        return BUILD.getProperty("scala.binary.version", "unknown");
    }

    /** The file name the build gives this jar: {@code clusterbench-<version>-spark<line>.jar}. */
    public static String jarName(String sparkLine) {
        return "clusterbench-" + get() + "-spark" + sparkLine + ".jar";
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ProgramVersion.class.getResourceAsStream("/io/clusterbench/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable stamp reads as "unknown"
        }
        return p;
    }
}
