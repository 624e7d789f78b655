package io.devicehub.bench.console;

import io.devicehub.bench.Arguments;
import io.devicehub.bench.Command;
import io.devicehub.bench.ResultFile;
import io.devicehub.bench.Secrets;
import io.devicehub.bench.report.LatencyReport;
import io.devicehub.bench.report.Tally;
import io.devicehub.bench.server.CpuWindow;
import io.devicehub.bench.server.LinuxProcess;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code list}: see the package description. */
public final class ListCommand implements Command {

    static final String PAGE = "/devices/index.xhtml";
    /** The devices table: a page without it is the login page or an error, not the list. */
    static final String TABLE = "id=\"devices:table\"";
    /** The table's header says how many devices the account has. */
    private static final Pattern TOTAL = Pattern.compile("id=\"totalCount\">(\\d+)<");

    @Override
    public String summary() {
        return "list --url http://127.0.0.1:18080 --account NAME [--requests 200] [--warmup 20] [--server-pid PID]"
                + " [--out FILE]\n      times the console's devices list, one request after another "
                + "(env BENCH_PASSWORD)";
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        URI url = arguments.uri("url", "http://127.0.0.1:18080");
        String account = arguments.required("account");
        int requests = arguments.integer("requests", 200);
        int warmup = arguments.integer("warmup", 20);
        long pid = arguments.integer("server-pid", 0);
        Path out = arguments.path("out", null);
        arguments.done();

        ConsoleSession console = new ConsoleSession(url);
        console.signIn(account, Secrets.required(Secrets.PASSWORD));
        Matcher total = TOTAL.matcher(console.get(PAGE).body());
        long devices = total.find() ? Long.parseLong(total.group(1)) : -1;
        Tally errors = new Tally();
        for (int i = 0; i < warmup; i++) {
            load(console, errors);
        }
        Tally warmupErrors = errors;
        errors = new Tally();
        Histogram micros = LatencyReport.newHistogram();
        CpuWindow cpu = pid > 0 ? CpuWindow.open(new LinuxProcess(pid)) : null;
        long bytes = 0;
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            bytes += load(console, errors);
            micros.recordValue((System.nanoTime() - start) / 1_000);
        }
        long elapsed = System.nanoTime() - started;
        JsonObjectBuilder result = Json.createObjectBuilder()
                .add("page", PAGE)
                .add("devicesInAccount", devices)
                .add("requests", requests)
                .add("errors", errors.total())
                .add("errorKinds", errors.toJson())
                .add("warmupErrors", warmupErrors.total())
                .add("pageBytes", requests == 0 ? 0 : bytes / requests)
                .add("pagesPerSecond", Math.round(requests * 1e9 / elapsed))
                .add("latency", LatencyReport.of(micros));
        if (cpu != null) {
            result.add("server", cpu.close(5));
        }
        if (out != null) {
            ResultFile.write(out, result.build());
        }
        System.out.printf("list: %,d devices, %d requests, %d errors: p95 %.1f ms (%s)%n", devices, requests,
                errors.total(),
                micros.getValueAtPercentile(95) / 1000.0, LatencyReport.line(micros));
        return errors.total() == 0 ? 0 : 1;
    }

    /** @return the page's size, or 0 when it was not the devices list */
    private static long load(ConsoleSession console, Tally errors) throws InterruptedException {
        try {
            HttpResponse<String> page = console.get(PAGE);
            if (page.statusCode() != 200) {
                errors.count("HTTP " + page.statusCode());
            } else if (!page.body().contains(TABLE)) {
                errors.count("not the devices list");
            } else {
                return page.body().length();
            }
        } catch (IOException e) {
            errors.count(e.getClass().getSimpleName());
        }
        return 0;
    }
}
