package io.caravan.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A deterministic generated data set: {@code size} records with ids 1..size, the same for the
 * same seed. Each record is serialised once, so serving a page is a copy of bytes.
 */
public final class DataSet {

    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    private static final String[] WORDS = {
        "caravan", "route", "page", "cursor", "\"quoted\"", "back\\slash", "tab\there", "line\nbreak",
        "café", "naïve", "東京", "emoji 🚐", "<tag>", "&amp;", "50%", "a+b=c", "path/to", "ünïcødé"
    };

    private final byte[][] records;
    private final long[] updatedAt;

    private DataSet(byte[][] records, long[] updatedAt) {
        this.records = records;
        this.updatedAt = updatedAt;
    }

    /** Generates {@code size} records from {@code seed}. */
    public static DataSet generate(long seed, int size) {
        ObjectMapper mapper = new ObjectMapper();
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] records = new byte[size][];
        long[] updatedAt = new long[size];
        for (int i = 0; i < size; i++) {
            ObjectNode record = record(mapper, random, i + 1);
            updatedAt[i] = Instant.parse(record.get("updated_at").asText()).getEpochSecond();
            records[i] = serialise(mapper, record);
        }
        return new DataSet(records, updatedAt);
    }

    private static ObjectNode record(ObjectMapper mapper, SplittableRandom random, long id) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", id);
        node.put("updated_at", EPOCH.plusSeconds(id * 60 + random.nextInt(60)).toString());
        node.put("title", "Record " + id + " " + WORDS[random.nextInt(WORDS.length)]);
        StringBuilder text = new StringBuilder(320);
        while (text.length() < 280) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        node.put("text", text.toString());
        node.put("score", random.nextInt(1_000_000) / 100.0);
        return node;
    }

    private static byte[] serialise(ObjectMapper mapper, ObjectNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public int size() {
        return records.length;
    }

    /** The JSON of the record at {@code index} (0-based; its id is index + 1). */
    public byte[] json(int index) {
        return records[index];
    }

    /** Index of the first record updated at or after {@code instant} (update times rise with the id). */
    public int indexUpdatedFrom(Instant instant) {
        int low = 0;
        int high = updatedAt.length;
        long seconds = instant.getEpochSecond();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (updatedAt[mid] < seconds) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Index of the first record whose id is greater than {@code id} (ids are dense, 1..size). */
    public int indexAfterId(long id) {
        return (int) Math.max(0, Math.min(id, records.length));
    }
}
