package org.unionledger.launcher;

/** {@code java -jar launcher.jar}: runs the whole system on the embedded stores until the process is stopped. */
public final class UnionLedgerLauncher {

    private UnionLedgerLauncher() {
    }

    public static void main(String[] args) {
        UnionLedger system = UnionLedger.start(args);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "unionledger-shutdown"));
    }
}
