package org.unionledger.launcher;

/**
 * {@code java -jar unionledger.jar}: runs the whole system on the embedded stores until the process is stopped.
 * {@code java -jar unionledger.jar verify}: checks the embedded event store's hash chains instead (see
 * {@link VerifyCommand}).
 */
public final class UnionLedgerLauncher {

    private UnionLedgerLauncher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && "verify".equals(args[0])) {
            System.exit(VerifyCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        UnionLedger system = UnionLedger.start(args);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "unionledger-shutdown"));
    }
}
