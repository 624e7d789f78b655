package io.devicehub.bench.calls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 keep-alive requests on a few connections and one selector thread: the load generator's REST client. The
 * JDK's {@code HttpClient} cost the benchmark about 0.6 ms of CPU per call, more than the server's part, on the
 * same two cores: the closed loop measured the load generator. This one does what the calls benchmark needs and
 * no more — one request at a time per connection, responses with {@code Content-Length}, reconnecting after
 * {@code Connection: close} or a failure — and writes each request in one {@code write}.
 * <p>
 * {@link #send} may be called on any thread; answers complete on the selector thread, so whatever the caller chains
 * on them must not block.
 */
final class LightHttp implements AutoCloseable {

    /** An answer: the status and the body as text. */
    record Response(int status, String body) {
    }

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private record Exchange(byte[] request, CompletableFuture<Response> answer, long startedNanos) {
    }

    /** One connection, carrying at most one exchange. */
    private final class Connection {
        SocketChannel channel;
        SelectionKey key;
        Exchange exchange;
        ByteBuffer out;
        ByteBuffer in = ByteBuffer.allocate(16_384);
        /** Responses this connection has carried: a kept-alive one the server may have closed meanwhile. */
        int served;

        void open() throws IOException {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(server);
            key = channel.register(selector, SelectionKey.OP_CONNECT, this);
        }

        void start(Exchange next) {
            exchange = next;
            out = ByteBuffer.wrap(next.request());
            in.clear();
            if (channel == null) {
                try {
                    open();
                } catch (IOException failed) {
                    fail("connect: " + failed.getClass().getSimpleName());
                }
                return;
            }
            write();
        }

        void write() {
            try {
                channel.write(out);
                key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            } catch (IOException failed) {
                retryOrFail(failed.getClass().getSimpleName());
            }
        }

        /**
         * A kept-alive connection the server closed while it idled (its keep-alive timeout) ends as the next request
         * leaves: nothing of that request was answered, so it goes again on a new connection, as browsers do.
         */
        void retryOrFail(String why) {
            if (served > 0 && in.position() == 0) {
                Exchange again = exchange;
                drop();
                start(again);
            } else {
                fail(why);
            }
        }

        void read() {
            try {
                if (!in.hasRemaining()) {
                    if (in.capacity() >= MAX_RESPONSE_BYTES) {
                        fail("response too large");
                        return;
                    }
                    in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
                }
                if (channel.read(in) < 0) {
                    retryOrFail("connection closed by the server");
                    return;
                }
                parse();
            } catch (IOException failed) {
                retryOrFail(failed.getClass().getSimpleName());
            }
        }

        /** Completes the exchange once the whole response is in. */
        private void parse() {
            byte[] bytes = in.array();
            int end = headersEnd(bytes, in.position());
            if (end < 0) {
                return;
            }
            String head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            String[] lines = head.split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            int length = -1;
            boolean close = false;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).strip();
                if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                } else if (name.equals("connection")) {
                    close = value.equalsIgnoreCase("close");
                } else if (name.equals("transfer-encoding")) {
                    fail("chunked response");
                    return;
                }
            }
            if (length < 0) {
                fail("response without Content-Length");
                return;
            }
            int bodyStart = end + 4;
            if (in.position() < bodyStart + length) {
                return;
            }
            if (in.position() > bodyStart + length) {
                fail("bytes after the response");
                return;
            }
            Response response = new Response(Integer.parseInt(statusLine[1]),
                    new String(bytes, bodyStart, length, StandardCharsets.UTF_8));
            Exchange done = exchange;
            exchange = null;
            served++;
            if (close) {
                drop();
            } else {
                key.interestOps(0);
            }
            idle.push(this);
            done.answer().complete(response);
        }

        void fail(String why) {
            Exchange failed = exchange;
            exchange = null;
            drop();
            idle.push(this);
            if (failed != null) {
                failed.answer().completeExceptionally(new IOException(why));
            }
        }

        void drop() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            channel = null;
            key = null;
            served = 0;
        }
    }

    private final InetSocketAddress server;
    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Exchange> handedOver = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> all = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param connections how many requests may be open at once; more wait for a free connection. The most recently
     *                    freed connection is used first, so only as many are opened as were ever busy at once.
     */
    LightHttp(InetSocketAddress server, int connections) throws IOException {
        this.server = server;
        this.selector = Selector.open();
        for (int i = 0; i < connections; i++) {
            Connection connection = new Connection();
            all.add(connection);
            idle.push(connection);
        }
        thread = new Thread(this::loop, "light-http");
        thread.setDaemon(true);
        thread.start();
    }

    /** Sends the complete request bytes (head and body); the answer completes exceptionally on any failure. */
    CompletableFuture<Response> send(byte[] request) {
        Exchange exchange = new Exchange(request, new CompletableFuture<>(), System.nanoTime());
        if (Thread.currentThread() == thread) {
            waiting.add(exchange);
            dispatch();
        } else {
            handedOver.add(exchange);
            selector.wakeup();
        }
        return exchange.answer();
    }

    private void dispatch() {
        while (!waiting.isEmpty() && !idle.isEmpty()) {
            idle.pop().start(waiting.poll());
        }
    }

    private void loop() {
        long nextSweep = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (!closed) {
            try {
                if (!handedOver.isEmpty() || !waiting.isEmpty() && !idle.isEmpty()) {
                    selector.selectNow();
                } else {
                    selector.select(1000);
                }
                Exchange exchange;
                while ((exchange = handedOver.poll()) != null) {
                    waiting.add(exchange);
                }
                dispatch();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid()) {
                        ready(key, (Connection) key.attachment());
                    }
                }
                long now = System.nanoTime();
                if (now - nextSweep > 0) {
                    nextSweep = now + TimeUnit.SECONDS.toNanos(1);
                    for (Connection connection : all) {
                        if (connection.exchange != null && now - connection.exchange.startedNanos() > TIMEOUT_NANOS) {
                            connection.fail("HttpTimeoutException");
                        }
                    }
                }
            } catch (IOException | RuntimeException broken) {
                if (!closed) {
                    broken.printStackTrace();
                }
            }
        }
    }

    private static void ready(SelectionKey key, Connection connection) {
        if (key.isConnectable()) {
            try {
                connection.channel.finishConnect();
                connection.write();
            } catch (IOException failed) {
                connection.fail("connect: " + failed.getClass().getSimpleName());
            }
        } else if (key.isWritable()) {
            connection.write();
        } else if (key.isReadable()) {
            connection.read();
        }
    }

    /** Where the blank line after the headers starts, or -1 while it has not arrived. */
    private static int headersEnd(byte[] bytes, int length) {
        for (int i = 0; i + 3 < length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Connection connection : all) {
            connection.drop();
        }
        selector.close();
    }
}
