package io.clusterbench;

import io.clusterbench.config.JobConfig;
import io.clusterbench.config.JobConfigLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small input directories written by tests, and real credit codes to fill them with. */
public final class TestInputs {
    public static final String ZONES_HEADER = "zone_id,name_zh,name_en,city,province,role,parent_zone_id,area_km2,area_basis,boundary_wkt,match_patterns,torch_rank";
    public static final String ENTERPRISES_HEADER = "credit_code,name,zone_id,industry_code,established_date,status,deregistered_date,employees";

    private static final List<String> CODES = load();

    private TestInputs() {
    }

    /** The i-th real, valid enterprise credit code (91…) from python-stdnum's test data. */
    public static String code(int i) {
        return CODES.get(i);
    }

    public static Path write(Path file, String content) {
        return write(file, content, StandardCharsets.UTF_8);
    }

    public static Path write(Path file, String content, Charset cs) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content.getBytes(cs));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /**
     * Each regular file under {@code root} whose path contains {@code part}, by its path relative to root: its
     * modification time and size. Two equal maps: the files were left as they were.
     */
    public static java.util.Map<String, String> fileStates(Path root, String part) {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        try (var all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).filter(p -> p.toString().contains(part)).toList()) {
                m.put(root.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis() + "/" + Files.size(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    public static JobConfig config(Path input, Path output, String asOf) {
        return JobConfigLoader.load(null, new JobConfigLoader.Overrides(input.toString(), output.toString(), asOf));
    }

    private static List<String> load() {
        try (InputStream in = TestInputs.class.getResourceAsStream("/real-credit-codes-91.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
