package io.devicehub.bench;

import io.devicehub.bench.calls.CallsCommand;
import io.devicehub.bench.calls.WritesCommand;
import io.devicehub.bench.console.ListCommand;
import io.devicehub.bench.idle.IdleCommand;
import io.devicehub.bench.report.SummaryCommand;
import io.devicehub.bench.seed.SeedCommand;
import io.devicehub.bench.server.HotMethodsCommand;
import io.devicehub.bench.storm.StormCommand;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code java -jar devicehub-bench.jar <command> [options]}; without a command it lists them. */
public final class Main {

    private Main() {
    }

    static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("seed", new SeedCommand());
        commands.put("idle", new IdleCommand());
        commands.put("storm", new StormCommand());
        commands.put("calls", new CallsCommand());
        commands.put("fleet", new io.devicehub.bench.fleet.FleetCommand());
        commands.put("writes", new WritesCommand());
        commands.put("seed-records", new io.devicehub.bench.buckets.SeedRecordsCommand());
        commands.put("buckets", new io.devicehub.bench.buckets.BucketsCommand());
        commands.put("list", new ListCommand());
        commands.put("hot-methods", new HotMethodsCommand());
        commands.put("summary", new SummaryCommand());
        return commands;
    }

    public static void main(String[] args) {
        Map<String, Command> commands = commands();
        Command command = args.length == 0 ? null : commands.get(args[0]);
        if (command == null) {
            System.err.println("usage: java -jar devicehub-bench.jar <command> [--option value]…  (bench/run runs "
                    + "them all; docs/benchmarks.md explains each)");
            commands.forEach((name, c) -> System.err.println("  " + c.summary()));
            System.exit(2);
        }
        int status;
        try {
            status = command.run(new Arguments(Arrays.asList(args).subList(1, args.length)));
        } catch (UsageException e) {
            System.err.println(args[0] + ": " + e.getMessage());
            status = 2;
        } catch (Exception e) {
            System.err.println(args[0] + " failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }
}
