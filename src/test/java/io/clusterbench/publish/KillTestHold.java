package io.clusterbench.publish;

/**
 * For scripts/kill-test.sh: with {@code -Dclusterbench.kill-test.hold-after-step=K} a commit stops after its
 * K-th step (1: _SUCCESS removed, then one per table swapped in, then the summary written), says so on stderr
 * and waits to be killed, so that SIGKILL lands exactly there rather than whenever a log line is noticed (the
 * whole commit takes milliseconds). Found by SnapshotPublisher through ServiceLoader when the test classes are
 * on the class path; without the property it does nothing.
 */
public final class KillTestHold implements SnapshotPublisher.CommitSteps {
    static final String PROPERTY = "clusterbench.kill-test.hold-after-step";
    private final int holdAfter = Integer.getInteger(PROPERTY, 0);
    private int done;

    @Override
    public void after(String step) {
        if (holdAfter > 0 && ++done == holdAfter) {
            System.err.println("kill-test: holding after commit step " + holdAfter + " (" + step + ")");
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while holding for the kill test", e);
            }
        }
    }
}
