package io.devicehub.client.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The simulator's command line, parsed and checked before any connection is made. The credential preferably comes
 * from the environment, where other users cannot see it in the process list.
 *
 * @param help whether {@code --help} was asked for; the other members are then meaningless
 */
record Options(boolean help, URI url, String account, String device, String credential, int count,
               Duration dataInterval) {

    static final String CREDENTIAL_VARIABLE = "DEVICEHUB_CREDENTIAL";
    static final URI DEFAULT_URL = URI.create("ws://localhost:8080/ws/devices");
    static final Duration DEFAULT_DATA_INTERVAL = Duration.ofSeconds(10);
    static final int MAX_COUNT = 10_000;
    private static final BigDecimal MIN_DATA_INTERVAL = new BigDecimal("0.1");
    private static final BigDecimal MAX_DATA_INTERVAL = BigDecimal.valueOf(86_400);

    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    static final String USAGE = """
            Usage: java -jar devicehub-simulator.jar --account USER --device ID [options]

            Connects simulated devices to DeviceHub. Each declares the resources temperature (output), led (input),
            state (output), echo (input/output) and reboot (run), pushes its climate to the bucket 'climate', and
            prints a line whenever its connection state changes. Ctrl-C closes all connections and exits.

              --url URL                 the device endpoint (default: %s)
              --account USER            the username of the account that registered the device(s)
              --device ID               the device identifier; with --count N the devices are ID-1 ... ID-N
              --credential SECRET       the device credentials; prefer the environment variable
                                        %s, which keeps the secret out of the process list
              --count N                 how many devices to run, all with the same credentials (default: 1)
              --data-interval SECONDS   how often each device pushes its climate; 0 disables (default: %d)
              --help                    print this help and exit

            Exit status: 1 when every device stopped on its own (e.g. 4401 authentication failed), 2 for bad
            arguments.
            """.formatted(DEFAULT_URL, CREDENTIAL_VARIABLE, DEFAULT_DATA_INTERVAL.toSeconds());

    /** Parses {@code args}; {@code environment} supplies the credential when {@code --credential} is absent. */
    static Options parse(String[] args, Map<String, String> environment) throws UsageException {
        URI url = DEFAULT_URL;
        String account = null;
        String device = null;
        String credential = null;
        int count = 1;
        Duration dataInterval = DEFAULT_DATA_INTERVAL;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Options(true, url, null, null, null, 1, dataInterval);
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length && isOption(name)) {
                value = args[++i];
            } else {
                value = null;
            }
            switch (name) {
                case "--url" -> url = url(require(name, value));
                case "--account" -> account = nonEmpty(name, require(name, value));
                case "--device" -> device = nonEmpty(name, require(name, value));
                case "--credential" -> credential = nonEmpty(name, require(name, value));
                case "--count" -> count = count(require(name, value));
                case "--data-interval" -> dataInterval = seconds(name, require(name, value));
                default -> throw new UsageException(arg.startsWith("-")
                        ? "unknown option " + name : "unexpected argument '" + arg + "'");
            }
        }
        if (account == null) {
            throw new UsageException("--account is required");
        }
        if (device == null) {
            throw new UsageException("--device is required");
        }
        if (credential == null) {
            credential = environment.get(CREDENTIAL_VARIABLE);
            if (credential == null || credential.isEmpty()) {
                throw new UsageException("no credential: set " + CREDENTIAL_VARIABLE + " (preferred) or --credential");
            }
        }
        Options options = new Options(false, url, account, device, credential, count, dataInterval);
        for (String name : options.deviceNames()) {
            if (!DEVICE.matcher(name).matches()) {
                throw new UsageException("device identifier '" + name + "' must be 1 to 32 of A-Z a-z 0-9 _ -");
            }
        }
        return options;
    }

    /** {@code device} alone, or {@code device-1 … device-N} for a count above one. */
    List<String> deviceNames() {
        if (count == 1) {
            return List.of(device);
        }
        List<String> names = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            names.add(device + "-" + n);
        }
        return names;
    }

    private static boolean isOption(String name) {
        return switch (name) {
            case "--url", "--account", "--device", "--credential", "--count", "--data-interval" -> true;
            default -> false;
        };
    }

    private static String require(String name, String value) throws UsageException {
        if (value == null) {
            throw new UsageException(name + " needs a value");
        }
        return value;
    }

    private static String nonEmpty(String name, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(name + " must not be empty");
        }
        return value;
    }

    private static URI url(String value) throws UsageException {
        try {
            URI url = new URI(value);
            if (("ws".equals(url.getScheme()) || "wss".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below, with the accepted form
        }
        throw new UsageException("--url must be a ws:// or wss:// URL, e.g. " + DEFAULT_URL + ", not '" + value + "'");
    }

    private static int count(String value) throws UsageException {
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= MAX_COUNT) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--count must be a whole number from 1 to " + MAX_COUNT + ", not '" + value + "'");
    }

    private static Duration seconds(String name, String value) throws UsageException {
        try {
            BigDecimal seconds = new BigDecimal(value);
            if (seconds.signum() == 0) {
                return Duration.ZERO;
            }
            // Faster pushing would only get sessions closed for sending more than 100 messages a second.
            if (seconds.compareTo(MIN_DATA_INTERVAL) >= 0 && seconds.compareTo(MAX_DATA_INTERVAL) <= 0) {
                return Duration.ofMillis(seconds.movePointRight(3).longValue());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be 0 or a number of seconds from " + MIN_DATA_INTERVAL + " to "
                + MAX_DATA_INTERVAL + ", not '" + value + "'");
    }

    @Override
    public String toString() {
        // Never the credential: options end up in logs and bug reports.
        return "Options[url=" + url + ", account=" + account + ", device=" + device + ", count=" + count
                + ", dataInterval=" + dataInterval + "]";
    }
}
