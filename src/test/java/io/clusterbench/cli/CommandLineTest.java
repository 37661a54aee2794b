package io.clusterbench.cli;

import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static io.clusterbench.TestInputs.code;
import static io.clusterbench.TestInputs.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** User errors give exit code 2 and one line naming what to fix, never a stack trace. */
class CommandLineTest extends SparkTestBase {
    @TempDir
    Path dir;

    private record Outcome(int code, String err) {
    }

    private Outcome run(String... args) {
        StringWriter err = new StringWriter();
        int code = ClusterbenchCli.execute(new PrintWriter(err, true), args);
        return new Outcome(code, err.toString());
    }

    private static void assertOneLineError(Outcome o, String mustMention) {
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line expected: " + o.err());
        assertTrue(o.err().contains(mustMention), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aFullDiskIsRecognisedThroughSparksWrapping() {
        // as a failed write reaches the command: Spark's exception around the task's, around the file system's
        Exception wrapped = new RuntimeException("Job aborted due to stage failure",
                new IllegalStateException("Task failed while writing rows",
                        new java.io.IOException("No space left on device")));
        assertEquals(java.util.Optional.of("No space left on device"), ClusterbenchCli.diskFull(wrapped));
        assertEquals(java.util.Optional.empty(), ClusterbenchCli.diskFull(new RuntimeException("boom",
                new java.io.IOException("Connection reset"))));
    }

    @Test
    void helpAnswersWithoutSparkAfterACommand() {
        Outcome o = run("run", "--help");
        assertEquals(0, o.code(), o.err());
    }

    @Test
    void unknownOption() {
        assertOneLineError(run("run", "--inptu", "x"), "--inptu");
    }

    @Test
    void noCommand() {
        assertOneLineError(run(), "command");
    }

    @Test
    void unknownKeyInJobFile() {
        Path job = TestInputs.write(dir.resolve("job.yaml"), "input: in\noutput: out\nas_off: 2024-06-30\n");
        assertOneLineError(run("run", "--job", job.toString()), "as_off");
    }

    @Test
    void badValueInJobFile() {
        Path job = TestInputs.write(dir.resolve("job.yaml"), "input: in\noutput: out\nsources:\n  enterprises:\n    coord_system: mars\n");
        assertOneLineError(run("run", "--job", job.toString()), "sources.enterprises.coord_system");
    }

    @Test
    void invalidAsOf() {
        assertOneLineError(run("run", "--input", "in", "--output", "out", "--as-of", "2024-02-30"), "--as-of");
    }

    @Test
    void missingJobFile() {
        assertOneLineError(run("run", "--job", dir.resolve("nope.yaml").toString()), "nope.yaml");
    }

    @Test
    void missingInputDirectory() {
        assertOneLineError(run("run", "--input", dir.resolve("absent").toString(), "--output",
                dir.resolve("out").toString(), "--as-of", "2024-06-30"), "absent");
    }

    @Test
    void unknownParentZoneStopsTheRunBeforeAnythingIsWritten() {
        Path in = dir.resolve("in");
        TestInputs.write(in.resolve("zones.csv"), lines(TestInputs.ZONES_HEADER, "z1,园区,,渭南,陕西,home,ghost,10,,,,"));
        TestInputs.write(in.resolve("enterprises.csv"), lines(TestInputs.ENTERPRISES_HEADER,
                code(0) + ",甲公司,z1,C2710,2016-03-01,存续,,10"));
        Outcome o = run("run", "--input", in.toString(), "--output", dir.resolve("out").toString(), "--as-of", "2024-06-30");
        assertOneLineError(o, "zone z1");
        assertFalse(dir.resolve("out").toFile().exists(), "nothing may be written");
    }

    @Test
    void helpAndVersionExitZero() {
        assertEquals(0, run("--help").code());
        assertEquals(0, run("--version").code());
        assertEquals(0, run("run", "--help").code());
    }
}
