package io.clusterbench.tools;

import io.clusterbench.Pipeline;
import io.clusterbench.spark.SparkSessions;
import io.clusterbench.config.JobConfig;
import io.clusterbench.config.JobConfigLoader;
import io.clusterbench.publish.SnapshotDigest;
import org.apache.spark.sql.SparkSession;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The kill test's checker (scripts/kill-test.sh; test tree, run on the test class path), kept warm across kills: for each line on standard input it
 * checks what a killed run left visible (every visible table equals the reference, _SUCCESS only for a complete
 * snapshot), then reruns the pipeline and checks that the rerun publishes exactly the reference.
 */
public final class KillCheck {
    private KillCheck() {
    }

    /** Arguments: --job FILE --input DIR --output DIR --reference DIR (the output of an uninterrupted run). */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        for (String k : List.of("--job", "--input", "--output", "--reference")) {
            if (!a.containsKey(k)) {
                throw new IllegalArgumentException("missing " + k);
            }
        }
        check(Path.of(a.get("--job")), a.get("--input"), a.get("--output"), a.get("--reference"));
    }

    private static void check(Path job, String input, String output, String reference) throws Exception {
        JobConfig config = JobConfigLoader.load(job, new JobConfigLoader.Overrides(input, output, null));
        SparkSession spark = SparkSessions.create();
        Map<String, String> ref = SnapshotDigest.of(spark, reference, config.asOf());
        System.out.println("ready " + ref.size());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            Map<String, String> visible = SnapshotDigest.of(spark, output, config.asOf());
            java.util.List<String> diff = visible.entrySet().stream().filter(e -> !e.getValue().equals(ref.get(e.getKey())))
                    .map(Map.Entry::getKey).toList();
            long differing = diff.size();
            boolean success = Files.exists(Path.of(output, "_runs", "as_of=" + config.asOf(), "_SUCCESS"));
            boolean partial = differing > 0 || (success && visible.size() != ref.size());
            boolean identical;
            String why = "";
            try {
                Pipeline.run(spark, config);
                Path staging = Path.of(output, "_staging");
                Map<String, String> rerun = SnapshotDigest.of(spark, output, config.asOf());
                List<String> rerunDiff = ref.keySet().stream().filter(k -> !ref.get(k).equals(rerun.get(k))).toList();
                boolean leftovers;
                try (var files = Files.list(staging)) {
                    leftovers = files.anyMatch(p -> !p.getFileName().toString().startsWith("."));
                }
                identical = rerunDiff.isEmpty() && rerun.size() == ref.size() && !leftovers
                        && Files.exists(Path.of(output, "_runs", "as_of=" + config.asOf(), "_SUCCESS"));
                why = rerunDiff.isEmpty() ? (leftovers ? " (staging left behind)" : "") : " rerun_differs=" + rerunDiff;
            } catch (RuntimeException e) {
                identical = false;
                why = " rerun_failed=" + e.getClass().getSimpleName();
            }
            System.out.println(line + " visible=" + visible.size() + "/" + ref.size() + " success=" + success
                    + " partial=" + partial + " rerun_identical=" + identical + why + (diff.isEmpty() ? "" : " differing=" + diff));
        }
    }
}
