package io.caravan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The hand-written floor: the least code that extracts a Stripe-style source correctly —
 * java.net.http, Jackson, a JDBC batch upsert and a checkpoint row committed with it per page
 * (H2's MERGE, or PostgreSQL's INSERT … ON CONFLICT).
 * Caravan is measured against it.
 */
final class FloorClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper mapper = new ObjectMapper();

    /** Fetches and parses every page without storing anything (the sandbox's own ceiling); returns pages fetched. */
    long pull(String firstUrl) throws Exception {
        long pages = 0;
        String after = null;
        boolean more = true;
        while (more) {
            JsonNode body = fetch(after == null ? firstUrl : firstUrl + "&starting_after=" + after);
            JsonNode data = body.get("data");
            if (!data.isEmpty()) {
                after = data.get(data.size() - 1).get("id").asText();
            }
            pages++;
            more = body.get("has_more").asBoolean();
        }
        return pages;
    }

    /** Extracts every record into {@code table}; returns the number of pages fetched. */
    long extract(String firstUrl, DataSource dataSource, String table) throws Exception {
        long pages = 0;
        String after = null;
        boolean more = true;
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS floor_checkpoint"
                    + " (source VARCHAR(200) PRIMARY KEY, next_url VARCHAR(2000), pages BIGINT)");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(upsert(connection, table));
                PreparedStatement checkpoint = connection.prepareStatement(checkpoint(connection))) {
            connection.setAutoCommit(false);
            while (more) {
                JsonNode body = fetch(after == null ? firstUrl : firstUrl + "&starting_after=" + after);
                Timestamp now = new Timestamp(System.currentTimeMillis());
                for (JsonNode record : body.get("data")) {
                    after = record.get("id").asText();
                    upsert.setString(1, "floor");
                    upsert.setString(2, after);
                    upsert.setString(3, mapper.writeValueAsString(record));
                    upsert.setTimestamp(4, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
                pages++;
                more = body.get("has_more").asBoolean();
                checkpoint.setString(1, more ? firstUrl + "&starting_after=" + after : null);
                checkpoint.setLong(2, pages);
                checkpoint.executeUpdate();
                connection.commit();
            }
        }
        return pages;
    }

    private static boolean postgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    private static String upsert(Connection connection, String table) throws SQLException {
        return postgres(connection)
                ? "INSERT INTO " + table + " (source, record_key, payload, fetched_at) VALUES (?, ?, CAST(? AS JSONB), ?)"
                        + " ON CONFLICT (source, record_key) DO UPDATE SET payload = EXCLUDED.payload, fetched_at = EXCLUDED.fetched_at"
                : "MERGE INTO " + table + " (source, record_key, payload, fetched_at) KEY (source, record_key) VALUES (?, ?, ?, ?)";
    }

    private static String checkpoint(Connection connection) throws SQLException {
        return postgres(connection)
                ? "INSERT INTO floor_checkpoint (source, next_url, pages) VALUES ('floor', ?, ?)"
                        + " ON CONFLICT (source) DO UPDATE SET next_url = EXCLUDED.next_url, pages = EXCLUDED.pages"
                : "MERGE INTO floor_checkpoint (source, next_url, pages) KEY (source) VALUES ('floor', ?, ?)";
    }

    private JsonNode fetch(String url) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " for " + url);
        }
        try (InputStream in = response.body()) {
            return mapper.readTree(in);
        }
    }
}
