package io.caravan.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * A deterministic generated data set: {@code size} records with ids 1..size, the same for the
 * same seed. Each record is serialised once, so serving a page is a copy of bytes. A data set can
 * change (records edited or added, each at a given time: a new data set, the old one untouched) and
 * be viewed through a time range, in update order (the {@code since} / {@code until} filters).
 */
public final class DataSet {

    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    private static final String[] WORDS = {
        "caravan", "route", "page", "cursor", "\"quoted\"", "back\\slash", "tab\there", "line\nbreak",
        "café", "naïve", "東京", "emoji 🚐", "<tag>", "&amp;", "50%", "a+b=c", "path/to", "ünïcødé"
    };

    private static final int MAX_VIEWS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[][] records;
    private final long[] updatedAt;
    private final Map<String, DataSet> views = new ConcurrentHashMap<>();

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

    /** This data set with the records of {@code ids} edited at {@code at}: a new title and update time. */
    public DataSet withEdited(Collection<Long> ids, Instant at) {
        byte[][] edited = records.clone();
        long[] times = updatedAt.clone();
        for (long id : ids) {
            int index = (int) id - 1;
            ObjectNode record = read(records[index]);
            record.put("updated_at", at.toString());
            record.put("title", record.get("title").asText() + " (edited)");
            edited[index] = serialise(JSON, record);
            times[index] = at.getEpochSecond();
        }
        return new DataSet(edited, times);
    }

    /** This data set with {@code count} new records (the next ids), created at {@code at}. */
    public DataSet withAdded(int count, Instant at, long seed) {
        byte[][] grown = Arrays.copyOf(records, records.length + count);
        long[] times = Arrays.copyOf(updatedAt, updatedAt.length + count);
        SplittableRandom random = new SplittableRandom(seed + records.length);
        for (int i = records.length; i < grown.length; i++) {
            ObjectNode record = record(JSON, random, i + 1);
            record.put("updated_at", at.toString());
            grown[i] = serialise(JSON, record);
            times[i] = at.getEpochSecond();
        }
        return new DataSet(grown, times);
    }

    /**
     * The records updated in {@code [since, until)}, oldest first (newest first when {@code newestFirst}),
     * ties by id; remembered, as every page of a query asks for the same view.
     */
    public DataSet view(Instant since, Instant until, boolean newestFirst) {
        String key = since + "/" + until + "/" + newestFirst;
        DataSet view = views.get(key);
        if (view == null) {
            if (views.size() > MAX_VIEWS) {
                views.clear();
            }
            Comparator<Integer> order = Comparator.<Integer>comparingLong(i -> updatedAt[i]).thenComparingInt(i -> i);
            int[] chosen = IntStream.range(0, records.length)
                    .filter(i -> updatedAt[i] >= since.getEpochSecond() && updatedAt[i] < until.getEpochSecond())
                    .boxed().sorted(newestFirst ? order.reversed() : order).mapToInt(Integer::intValue).toArray();
            byte[][] picked = new byte[chosen.length][];
            long[] times = new long[chosen.length];
            for (int i = 0; i < chosen.length; i++) {
                picked[i] = records[chosen[i]];
                times[i] = updatedAt[chosen[i]];
            }
            view = new DataSet(picked, times);
            views.put(key, view);
        }
        return view;
    }

    private static ObjectNode read(byte[] json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
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

    /** The id of the record at {@code index} (index + 1 in a generated data set; its own in a view). */
    public long id(int index) {
        byte[] json = records[index];
        long id = 0;
        // Records are written with the id first: {"id":123,...
        for (int i = 6; i < json.length && json[i] >= '0' && json[i] <= '9'; i++) {
            id = id * 10 + (json[i] - '0');
        }
        return id;
    }

    /** The update time of the record at {@code index}, in epoch seconds. */
    public long updatedAtSeconds(int index) {
        return updatedAt[index];
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
