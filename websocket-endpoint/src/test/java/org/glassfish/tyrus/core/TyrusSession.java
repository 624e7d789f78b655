package org.glassfish.tyrus.core;

/** Stands in for Tyrus's session in unit tests: only the name of its idle-timeout task matters to DeviceHub. */
public final class TyrusSession {

    private TyrusSession() {
    }

    /** Named as Tyrus's task that closes an idle session. */
    public static final class IdleTimeoutCommand implements Runnable {

        private int runs;

        @Override
        public void run() {
            runs++;
        }

        public int runs() {
            return runs;
        }
    }
}
