package org.serialgen.fakeerp;

import java.time.LocalDate;

/**
 * The fake ERP of the embedded default ({@code deploy/run-local.sh}): a few demo work orders, one of them invalid so
 * that a failed record shows, under GS1's demonstration company prefix 952.
 *
 * <pre>java -cp … org.serialgen.fakeerp.FakeErpMain --port 8085 --token &lt;token&gt; [--work-orders N]</pre>
 *
 * {@code --work-orders N} serves N generated work orders instead (the benchmark's).
 */
public final class FakeErpMain {

    /** The first line the process prints once it listens. */
    public static final String READY = "FAKE-ERP READY ";

    private FakeErpMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8085;
        String token = null;
        int generated = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--token" -> token = args[i + 1];
                case "--work-orders" -> generated = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (token == null) {
            throw new IllegalArgumentException("--token is required");
        }
        FakeErp erp = FakeErp.start(port, token);
        if (generated > 0) {
            DemoWorkOrders.generated(erp, "WO-BENCH", generated);
        } else {
            DemoWorkOrders.seed(erp, LocalDate.now());
        }
        System.out.println(READY + erp.baseUrl());
        Thread.currentThread().join();
    }
}
