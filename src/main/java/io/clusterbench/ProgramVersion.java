package io.clusterbench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The program's version, stamped into the jar by the build. */
public final class ProgramVersion {
    private ProgramVersion() {
    }

    public static String get() {
        try (InputStream in = ProgramVersion.class.getResourceAsStream("/io/clusterbench/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
