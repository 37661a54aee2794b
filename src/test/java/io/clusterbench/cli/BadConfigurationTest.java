package io.clusterbench.cli;

import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import io.clusterbench.publish.OutputLock;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.clusterbench.TestInputs.code;
import static io.clusterbench.TestInputs.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each bad configuration gives exit code 2 and one line naming what to fix, and leaves the existing snapshot
 * of the output directory untouched; a second run on a busy output directory refuses.
 */
class BadConfigurationTest extends SparkTestBase {
    @TempDir
    static Path dir;
    static Path out;
    static Map<String, String> before;

    /**
     * A published snapshot in the output's layout. What its files hold does not matter: a refused run must leave
     * every one of them as it was (name, size, modification time).
     */
    @BeforeAll
    static void existingSnapshot() throws IOException {
        out = dir.resolve("out");
        input("good", "z1,园区,,渭南,陕西,home,,10,,,,");
        for (String f : List.of("zones/as_of=2024-06-30/part-00000.snappy.parquet",
                "firms/as_of=2024-06-30/part-00000.snappy.parquet", "report/as_of=2024-06-30/index.html",
                "_runs/as_of=2024-06-30/run_summary.json", "_runs/as_of=2024-06-30/_SUCCESS")) {
            TestInputs.write(out.resolve(f), f + "\n");
        }
        before = files(out);
    }

    static Path input(String name, String... zoneRows) {
        Path in = dir.resolve(name);
        String[] zones = new String[zoneRows.length + 1];
        zones[0] = TestInputs.ZONES_HEADER;
        System.arraycopy(zoneRows, 0, zones, 1, zoneRows.length);
        TestInputs.write(in.resolve("zones.csv"), lines(zones));
        TestInputs.write(in.resolve("enterprises.csv"), lines(TestInputs.ENTERPRISES_HEADER, code(0) + ",甲公司,z1,C2710,2016-03-01,存续,,10"));
        TestInputs.write(in.resolve("patents.csv"), lines("application_no,application_date,applicants"));
        return in;
    }

    private static void assertRefused(String mustMention, String... args) throws IOException {
        StringWriter err = new StringWriter();
        int code = ClusterbenchCli.execute(new PrintWriter(err, true), args);
        assertEquals(2, code, err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains(mustMention), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
        assertEquals(before, files(out), "the existing snapshot must stay untouched");
    }

    private static String[] run(Path in) {
        return new String[]{"run", "--input", in.toString(), "--output", out.toString(), "--as-of", "2024-06-30"};
    }

    @Test
    void cycleInTheZoneTree() throws IOException {
        assertRefused("cycle", run(input("cycle", "z1,园区,,渭南,陕西,home,z2,10,,,,", "z2,园区二,,渭南,陕西,peer,z1,10,,,,")));
    }

    @Test
    void unknownParentZone() throws IOException {
        assertRefused("zone z1: parent_zone_id 'ghost'", run(input("parent", "z1,园区,,渭南,陕西,home,ghost,10,,,,")));
    }

    @Test
    void implausibleOrUnreadableAreas() throws IOException {
        String range = "is outside the plausible range of a zone, 0.01 to 1000000 km²";
        String[][] cases = {{"-3", range}, {"0", range}, {"0.001", range}, {"2000000", range},
                {"4.9E-324", "is not a number"}, {"0x1p3", "is not a number"}, {"8d", "is not a number"},
                {"NaN", "is not a number"}, {"Infinity", "is not a number"}};
        for (int i = 0; i < cases.length; i++) {
            assertRefused("zone z1: area_km2 " + (cases[i][1].equals(range) ? cases[i][0] + " " : "'" + cases[i][0] + "' ")
                    + cases[i][1], run(input("area" + i, "z1,园区,,渭南,陕西,home,," + cases[i][0] + ",,,,")));
        }
    }

    @Test
    void inputsThatAreNotRegularFilesAreRefusedInsteadOfWaitedOn() throws Exception {
        Path device = input("device");
        Files.delete(device.resolve("zones.csv"));
        Files.createSymbolicLink(device.resolve("zones.csv"), Path.of("/dev/zero"));
        assertRefused("zones: zones.csv is not a regular file", run(device));

        Path fifo = input("fifo", "z1,园区,,渭南,陕西,home,,10,,,,");
        Files.delete(fifo.resolve("enterprises.csv"));
        Files.createDirectories(fifo.resolve("enterprises"));
        TestInputs.write(fifo.resolve("enterprises/part-0001.csv"), lines(TestInputs.ENTERPRISES_HEADER));
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.resolve("enterprises/part-0002.csv").toString()).start().waitFor());
        assertRefused("enterprises: enterprises/part-0002.csv is not a regular file", run(fifo));
    }

    @Test
    void aFileNameHadoopCannotReadIsNamed() throws IOException {
        Path colon = input("colon", "z1,园区,,渭南,陕西,home,,10,,,,");
        Files.delete(colon.resolve("enterprises.csv"));
        TestInputs.write(colon.resolve("enterprises/part:0003.csv"), lines(TestInputs.ENTERPRISES_HEADER));
        assertRefused("enterprises: the file name enterprises/part:0003.csv cannot be read through Hadoop; rename the file"
                + " without ':'", run(colon));
    }

    @Test
    void aTruncatedGzipIsNamed() throws IOException {
        Path in = input("truncated", "z1,园区,,渭南,陕西,home,,10,,,,");
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            StringBuilder b = new StringBuilder("credit_code,year,revenue\n");
            for (int i = 0; i < 20_000; i++) {
                b.append(TestInputs.code(i % 40)).append(',').append(2015 + i % 9).append(',').append(i).append('\n');
            }
            out.write(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] whole = gz.toByteArray();
        Files.write(in.resolve("financials.csv.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertRefused("financials.csv.gz", run(in));
    }

    @Test
    void brokenBoundaries() throws IOException {
        assertRefused("zone z1: boundary_wkt is not valid WKT: Points of LinearRing do not form a closed linestring",
                run(input("ring", "z1,园区,,渭南,陕西,home,,10,,\"POLYGON((109 34, 110 34, 110 35, 109 35))\",,")));
        assertRefused("zone z1: boundary_wkt has a coordinate that is not a number",
                run(input("nan", "z1,园区,,渭南,陕西,home,,10,,\"POLYGON((109 34, NaN 34, 110 35, 109 34))\",,")));
    }

    @Test
    void invalidBoundary() throws IOException {
        assertRefused("zone z1: boundary_wkt", run(input("wkt", "z1,园区,,渭南,陕西,home,,10,,\"POLYGON((1 1, 2 2\",,")));
    }

    @Test
    void invalidAsOf() throws IOException {
        assertRefused("--as-of", "run", "--input", dir.resolve("good").toString(), "--output", out.toString(), "--as-of", "30/06/2024");
    }

    @Test
    void unknownKeyInTheJobFile() throws IOException {
        Path job = TestInputs.write(dir.resolve("job.yaml"), "input: " + dir.resolve("good") + "\noutput: " + out + "\nouptut: x\n");
        assertRefused("ouptut", "run", "--job", job.toString());
    }

    @Test
    void missingInputDirectory() throws IOException {
        assertRefused("does not exist", "run", "--input", dir.resolve("nowhere").toString(), "--output", out.toString());
    }

    @Test
    void unwritableOutputDirectory() throws IOException {
        Path file = TestInputs.write(dir.resolve("a-file"), "not a directory");
        assertRefused("not a directory", "run", "--input", dir.resolve("good").toString(), "--output", file.toString());
        assertRefused("not writable", "run", "--input", dir.resolve("good").toString(), "--output", file.resolve("sub").toString());
    }

    @Test
    void aSecondRunOnABusyOutputDirectoryRefuses() throws IOException {
        // A live holder: a lock taken in this very JVM, as another run would take it.
        FileSystem local = FileSystem.getLocal(new Configuration());
        org.apache.hadoop.fs.Path output = new org.apache.hadoop.fs.Path(out.toUri());
        try (OutputLock held = OutputLock.acquire(local, output, "20240630T000000Z-1")) {
            assertRefused("another clusterbench run (pid " + ProcessHandle.current().pid(), run(dir.resolve("good")));
        }
        // released: the next holder takes it
        OutputLock.acquire(local, output, "20240630T000000Z-2").close();
    }

    @Test
    void anInputInsideTheOutputIsRefusedAndNothingIsDeleted() throws IOException {
        // the input where a leftover run's staging would be: refused before anything under the output is touched
        Path inside = input("out/_staging/in", "z1,园区,,渭南,陕西,home,,10,,,,");
        assertRefused("lies inside the output directory", "run", "--input", inside.toString(), "--output", out.toString(),
                "--as-of", "2024-06-30");
        assertTrue(Files.exists(inside.resolve("zones.csv")), "the input is still there");
    }

    /** The output's files outside its staging area (where a refused run may leave its own scratch). */
    static Map<String, String> files(Path root) {
        Map<String, String> m = new TreeMap<>(TestInputs.fileStates(root, ""));
        m.keySet().removeIf(f -> f.contains("_staging"));
        return m;
    }
}
