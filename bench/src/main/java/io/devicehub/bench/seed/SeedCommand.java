package io.devicehub.bench.seed;

import io.devicehub.bench.Arguments;
import io.devicehub.bench.Command;
import io.devicehub.bench.ResultFile;
import io.devicehub.bench.Secrets;
import jakarta.json.Json;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * {@code seed --db-url … --account bench --devices 50000}: see the package description. For the embedded H2 file
 * the server must be stopped (H2 locks its file); MySQL/MariaDB can be seeded while it runs.
 */
public final class SeedCommand implements Command {

    @Override
    public String summary() {
        return "seed --db-url URL [--db-user U] --account NAME --devices N [--iterations 600000] [--out FILE]\n"
                + "      an account and N devices straight into the database (env BENCH_PASSWORD, "
                + "BENCH_DEVICE_CREDENTIAL, DEVICEHUB_SERVER_KEY, DB_PASSWORD)";
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        String url = arguments.required("db-url");
        String user = arguments.string("db-user", "devicehub");
        String username = arguments.required("account");
        int devices = arguments.integer("devices", 1000);
        int iterations = arguments.integer("iterations", 600_000);
        Path out = arguments.path("out", null);
        arguments.done();

        String password = System.getenv().getOrDefault("DB_PASSWORD", "devicehub");
        String credential = Secrets.required(Secrets.DEVICE_CREDENTIAL);
        CredentialMac macs = new CredentialMac(Secrets.required(Secrets.SERVER_KEY));
        SecureRandom random = new SecureRandom();

        long started = System.nanoTime();
        Seeder.Plan plan = new Seeder.Plan(username,
                PasswordHash.of(Secrets.required(Secrets.PASSWORD), iterations, random), devices,
                PasswordHash.of(credential, iterations, random), id -> macs.of(id, credential));
        Seeder.Report report;
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            report = Seeder.seed(db, plan);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("seed: account %s with %,d devices in %.1f s%n", username, report.devices(), millis / 1000.0);
        if (out != null) {
            ResultFile.write(out, Json.createObjectBuilder().add("account", username).add("devices", report.devices())
                    .add("iterations", iterations).add("millis", millis).build());
        }
        return 0;
    }
}
