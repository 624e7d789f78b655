package io.devicehub.bench.websocket;

import io.devicehub.bench.websocket.LightConnection.Phase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Many device connections on one selector thread. It opens each connection from the device's source address, does
 * the WebSocket handshake, sends the device's {@code auth} and waits for {@code welcome}, then pings whenever the
 * device has sent nothing for the heartbeat the server announced, as the protocol asks. What to do with online
 * devices, and whether to reconnect one whose connection ended, is the {@link Listener}'s business.
 * <p>
 * Everything but {@link #execute}, {@link #call} and {@link #shutdown} must be called on the selector thread, which
 * is where the listener runs; listeners must therefore never block.
 */
public final class LightClient {

    /** What a benchmark does with its devices. Runs on the selector thread. */
    public interface Listener {

        /** The device was welcomed. */
        void online(LightConnection connection);

        /** A message after {@code welcome}, e.g. {@code pong}. */
        default void message(LightConnection connection, String text, long receivedNanos) {
        }

        /** The attempt ended; {@link LightClient#connect} may start the next one at once or later. */
        void ended(LightConnection connection, Ending ending);

        /** About once a second. */
        default void tick(long nowNanos) {
        }
    }

    static final String PING = "{\"type\":\"ping\"}";
    /** Like the SDK: opening a connection, handshake included, may take this long. */
    private static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long AUTH_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** How long to wait for the server to drop the TCP connection after the close handshake. */
    private static final long CLOSING_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The device protocol's frame limit plus headers: anything larger is a broken server. */
    private static final int MAX_FRAME_BYTES = 65_536;

    private final InetSocketAddress server;
    private final String hostHeader;
    private final String path;
    private final Function<LightConnection, String> authMessage;
    private final Listener listener;
    private final Selector selector;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(4 * MAX_FRAME_BYTES);
    private final SplittableRandom random = new SplittableRandom();
    private final SelectorTasks tasks;
    private final Set<LightConnection> open = new HashSet<>();
    private final Set<LightConnection> online = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;
    private long listenerFailures;

    /**
     * Starts the selector thread.
     *
     * @param authMessage the {@code auth} message of a device, built when it is sent so that no credential is kept
     *                    per connection
     */
    public LightClient(InetSocketAddress server, String path, Function<LightConnection, String> authMessage,
                       Listener listener) {
        this.server = server;
        this.hostHeader = server.getHostString() + ":" + server.getPort();
        this.path = path;
        this.authMessage = authMessage;
        this.listener = listener;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.tasks = new SelectorTasks(selector, this::guarded);
        this.thread = new Thread(this::loop, "light-client");
        thread.start();
    }

    /** Runs {@code task} on the selector thread. */
    public void execute(Runnable task) {
        tasks.execute(task);
    }

    /** Runs {@code task} on the selector thread and waits for its answer. */
    public <T> T call(Supplier<T> task) throws InterruptedException {
        return tasks.call(task);
    }

    /** Runs {@code task} on the selector thread after {@code delayNanos}. Selector thread only. */
    public void schedule(long delayNanos, Runnable task) {
        tasks.schedule(delayNanos, task);
    }

    /** Connections with a socket, in any phase. Selector thread only. */
    public int openConnections() {
        return open.size();
    }

    /** Starts a connection attempt for the device; an attempt still closing is dropped first. */
    public void connect(LightConnection c) {
        if (c.channel != null) {
            release(c);
        }
        c.ended = false;
        c.closeSent = false;
        c.refusal = null;
        long now = System.nanoTime();
        try {
            SocketChannel channel = SocketChannel.open();
            c.channel = channel;
            open.add(c);
            c.enter(Phase.CONNECTING, now);
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.bind(new InetSocketAddress(c.source(), 0));
            if (channel.connect(server)) {
                c.key = channel.register(selector, 0, c);
                connected(c);
            } else {
                c.key = channel.register(selector, SelectionKey.OP_CONNECT, c);
            }
        } catch (IOException e) {
            fail(c, e);
        }
    }

    /**
     * Sends a text message on an online connection.
     *
     * @return {@code false} when the device is not online (the message is dropped)
     */
    public boolean send(LightConnection c, String text) {
        if (c.phase != Phase.ONLINE) {
            return false;
        }
        try {
            sendText(c, text);
            return true;
        } catch (IOException e) {
            fail(c, e);
            return false;
        }
    }

    /** Closes the device's connection with {@code code}; the listener hears of it as ended by the client. */
    public void close(LightConnection c, int code, String reason) {
        Phase was = c.phase;
        if (was == Phase.ONLINE || was == Phase.AUTHENTICATING) {
            try {
                c.write(Frames.close(code, reason, random.nextInt()));
                c.closeSent = true;
                c.enter(Phase.CLOSING, System.nanoTime());
                online.remove(c);
            } catch (IOException e) {
                release(c);
            }
        } else {
            release(c);
        }
        end(c, new Ending(code, reason, was, true));
    }

    /**
     * Closes every connection with 1000, gives the server {@code grace} to acknowledge, then stops the thread and
     * drops whatever is left.
     */
    public void shutdown(Duration grace) throws InterruptedException {
        if (!thread.isAlive()) {
            return;
        }
        execute(() -> new ArrayList<>(open).forEach(c -> close(c, 1000, "benchmark done")));
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && (int) call(open::size) > 0) {
            Thread.sleep(100);
        }
        running = false;
        selector.wakeup();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** Listener calls that threw; they are counted, not allowed to stop the selector thread. */
    public long listenerFailures() {
        return listenerFailures;
    }

    private void loop() {
        long nextTick = System.nanoTime() + TICK_NANOS;
        try {
            while (running) {
                long waitMillis = tasks.waitMillis(System.nanoTime(), nextTick);
                if (waitMillis == 0) {
                    selector.selectNow();
                } else {
                    selector.select(waitMillis);
                }
                handleSelected();
                tasks.runDue();
                long now = System.nanoTime();
                if (now - nextTick >= 0) {
                    nextTick = now + TICK_NANOS;
                    tick(now);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            new ArrayList<>(open).forEach(this::release);
            try {
                selector.close();
            } catch (IOException ignored) {
                // going away anyway
            }
        }
    }

    private void handleSelected() {
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            LightConnection c = (LightConnection) key.attachment();
            if (!key.isValid() || key != c.key) {
                continue; // an attempt that was already dropped
            }
            try {
                if (key.isConnectable() && c.channel.finishConnect()) {
                    connected(c);
                }
                if (key.isValid() && key == c.key && key.isWritable()) {
                    c.flush();
                }
                if (key.isValid() && key == c.key && key.isReadable()) {
                    read(c);
                }
            } catch (IOException | CancelledKeyException e) {
                fail(c, e);
            }
        }
    }

    private void tick(long now) {
        for (LightConnection c : new ArrayList<>(open)) {
            long inPhase = now - c.phaseSinceNanos;
            switch (c.phase) {
                case CONNECTING, HANDSHAKE -> {
                    if (inPhase > CONNECT_TIMEOUT_NANOS) {
                        fail(c, "timed out while " + c.phase.name().toLowerCase());
                    }
                }
                case AUTHENTICATING -> {
                    if (inPhase > AUTH_TIMEOUT_NANOS) {
                        fail(c, "no welcome in time");
                    }
                }
                case CLOSING -> {
                    if (inPhase > CLOSING_TIMEOUT_NANOS) {
                        release(c);
                    }
                }
                case ONLINE -> {
                    if (now - c.lastSentNanos >= TimeUnit.SECONDS.toNanos(c.heartbeatSeconds)) {
                        send(c, PING);
                    }
                }
                default -> { }
            }
        }
        guarded(() -> listener.tick(now));
    }

    private void connected(LightConnection c) throws IOException {
        Handshake.Request request = Handshake.request(hostHeader, path, random);
        c.expectedAccept = request.expectedAccept();
        c.enter(Phase.HANDSHAKE, System.nanoTime());
        c.key.interestOps(SelectionKey.OP_READ);
        c.write(request.bytes());
    }

    private void read(LightConnection c) throws IOException {
        ByteBuffer in = readBuffer.clear();
        if (c.pending != null) {
            if (c.pending.length == in.capacity()) {
                throw new ProtocolException("more than " + in.capacity() + " bytes without a complete message");
            }
            in.put(c.pending);
            c.pending = null;
        }
        int read = c.channel.read(in);
        if (read < 0) {
            eof(c);
            return;
        }
        in.flip();
        if (c.phase == Phase.HANDSHAKE) {
            if (!Handshake.readResponse(in, c.expectedAccept)) {
                c.keepPending(in);
                return;
            }
            c.expectedAccept = null;
            c.enter(Phase.AUTHENTICATING, System.nanoTime());
            sendText(c, authMessage.apply(c));
        }
        Frame frame;
        SocketChannel reading = c.channel;
        while (c.channel == reading && (frame = FrameDecoder.next(in, MAX_FRAME_BYTES)) != null) {
            onFrame(c, frame);
        }
        if (c.channel == reading) {
            c.keepPending(in);
        }
    }

    private void onFrame(LightConnection c, Frame frame) throws IOException {
        switch (frame.opcode()) {
            case Frames.TEXT, Frames.CONTINUATION -> {
                String text = c.assemble(frame);
                if (text != null) {
                    onText(c, text);
                }
            }
            case Frames.CLOSE -> onClose(c, frame);
            case Frames.PING -> c.write(Frames.frame(Frames.PONG, frame.payload(), random.nextInt()));
            case Frames.PONG -> { }
            default -> throw new ProtocolException("unexpected frame type " + frame.opcode());
        }
    }

    private void onText(LightConnection c, String text) {
        long now = System.nanoTime();
        if (c.phase == Phase.ONLINE) {
            guarded(() -> listener.message(c, text, now));
        } else if (c.phase == Phase.AUTHENTICATING) {
            JsonObject message = parse(text);
            if ("welcome".equals(message.getString("type", null))) {
                c.heartbeatSeconds = Math.max(1, message.getInt("heartbeat", 30));
                c.enter(Phase.ONLINE, now);
                online.add(c);
                guarded(() -> listener.online(c));
            } else {
                c.refusal = message.getString("code", "?"); // the close that follows tells the listener
            }
        }
    }

    private void onClose(LightConnection c, Frame frame) throws IOException {
        Phase was = c.phase;
        if (!c.closeSent) {
            c.write(Frames.close(frame.closeCode(), "", random.nextInt()));
            c.closeSent = true;
        }
        c.enter(Phase.CLOSING, System.nanoTime());
        online.remove(c);
        String reason = c.refusal != null ? c.refusal : frame.closeReason();
        end(c, new Ending(frame.closeCode(), reason, was, false));
    }

    private void eof(LightConnection c) {
        Phase was = c.phase;
        release(c);
        end(c, new Ending(Ending.ABNORMAL, "connection closed without a close frame", was, false));
    }

    private void fail(LightConnection c, Exception e) {
        fail(c, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private void fail(LightConnection c, String why) {
        Phase was = c.phase;
        release(c);
        end(c, new Ending(Ending.ABNORMAL, why, was, false));
    }

    /** Tells the listener once per attempt; after the socket is released, so that it may reconnect at once. */
    private void end(LightConnection c, Ending ending) {
        if (!c.ended) {
            c.ended = true;
            guarded(() -> listener.ended(c, ending));
        }
    }

    private void release(LightConnection c) {
        open.remove(c);
        online.remove(c);
        if (c.channel != null) {
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // nothing left to do with it
            }
        }
        c.forgetSocket();
    }

    private void sendText(LightConnection c, String text) throws IOException {
        c.write(Frames.text(text, random.nextInt()));
        c.lastSentNanos = System.nanoTime();
    }

    private void guarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            if (listenerFailures++ < 10) {
                e.printStackTrace();
            }
        }
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException notAnObject) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
    }
}
