package io.clusterbench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.QueryTest$;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.opentest4j.AssertionFailedError;
import org.scalatest.exceptions.TestFailedException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The suite's DataFrame assertions on the Spark 4 line: Spark's own {@code QueryTest.checkAnswer} from its
 * spark-sql test jar (spark-testing-base has no Spark 4 build), with the schema compared first as
 * spark-testing-base does.
 */
final class FrameAssertions {
    private FrameAssertions() {
    }

    static void use(SparkSession session) {
        // QueryTest takes the session from the frames it checks
    }

    /** Same schema (nullability included) and the same rows in any order. */
    static void assertNoOrderEquals(Dataset<Row> expected, Dataset<Row> actual) {
        assertEquals(expected.schema(), actual.schema(), "schema");
        try {
            // the Scala object's Java-friendly method; class QueryTest's static forwarder drags in catalyst's PlanTest
            QueryTest$.MODULE$.checkAnswer(actual, expected.collectAsList());
        } catch (TestFailedException e) {
            // scalatest's failure is a RuntimeException, which JUnit would count as an error rather than a failure
            throw new AssertionFailedError(e.getMessage(), e);
        }
    }
}
