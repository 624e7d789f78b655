package io.devicehub.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Raw results as pretty-printed JSON files, one per benchmark, read back by {@code summary}. */
public final class ResultFile {

    private ResultFile() {
    }

    public static void write(Path file, JsonObject result) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (Writer out = Files.newBufferedWriter(file);
             JsonWriter json = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            json.writeObject(result);
        }
    }

    public static JsonObject read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file); JsonReader json = Json.createReader(in)) {
            return json.readObject();
        }
    }
}
