package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.plan.Incremental;
import io.caravan.request.PageRequest;
import io.caravan.request.RequestPreparer;
import io.caravan.response.StreamedRecords;
import io.caravan.run.Source;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * What a page's body holds for the sink, read record by record (from the body's tree, or as the parser
 * streams them): whether it lacks the records path, how many records the API sent, the rows of those
 * new to the pass (an inclusive keyset's repeated boundary dropped), the last of them, and their
 * oldest and newest marks for an incremental source. Only the last record is kept; the others live on
 * as their rows.
 */
public final class PageRecords {

    private final boolean endsWithoutRecords;
    private final int received;
    private final List<Map<String, Object>> rows;
    private final JsonNode last;
    private final Incremental.Span span;
    private final RuntimeException failure;

    private PageRecords(boolean endsWithoutRecords, Reading reading) {
        this.endsWithoutRecords = endsWithoutRecords;
        this.received = reading.received;
        this.rows = reading.rows;
        this.last = reading.last;
        this.span = reading.span;
        this.failure = reading.failure;
    }

    /** Reads the records of the response to {@code exchange}'s request as they are parsed; handed to the page step on the exchange. */
    public static StreamedRecords streamed(Source source, Exchange exchange) {
        return new Streamed(source, exchange);
    }

    /** Reads the records of the page {@code request} was answered with, one by one. */
    static Reading reading(Source source, PageRequest request) {
        return new Reading(source, request);
    }

    /** Whether the page lacks the records path and that ends the session ({@code onMissingRecords=stop}). */
    boolean endsWithoutRecords() {
        return endsWithoutRecords;
    }

    /** How many records the API sent on the page. */
    int received() {
        return received;
    }

    /** The rows of the records new to the pass, in order; a record that made no row fails here, as it did. */
    List<Map<String, Object>> rows() {
        if (failure != null) {
            throw failure;
        }
        return rows;
    }

    /** The last record new to the pass, or {@code null} when there is none. */
    JsonNode last() {
        return last;
    }

    /** The oldest and newest marks of the records new to the pass. */
    Incremental.Span span() {
        return span;
    }

    /** Takes a page's records one at a time and makes their rows. */
    static class Reading {

        private final Paginator paginator;
        private final Incremental incremental;
        private final Source source;
        private final PageRequest request;
        private final Timestamp fetchedAt = new Timestamp(System.currentTimeMillis());
        private final List<Map<String, Object>> rows = new ArrayList<>();
        private int received;
        private JsonNode last;
        private Incremental.Span span = Incremental.Span.NONE;
        private RuntimeException failure;

        Reading(Source source, PageRequest request) {
            this.source = source;
            this.request = request;
            this.paginator = source.settings().paging().paginator();
            this.incremental = source.settings().plan().incremental();
        }

        /** The next record of the page. The first failure to make a row is kept for the page step, which reports it. */
        public void record(JsonNode record) {
            received++;
            if (failure != null || received == 1 && paginator.dropsFirst(request, record)) {
                return;
            }
            try {
                rows.add(source.rows().row(record, request.pageIndex() + 1, fetchedAt));
                if (incremental != null) {
                    span = incremental.widen(span, record);
                }
                last = record;
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        /** What the page's records came to. */
        PageRecords done(boolean endsWithoutRecords) {
            return new PageRecords(endsWithoutRecords, this);
        }
    }

    /** A page's records taken from the parser, handed to the page step once the body is read whole. */
    private static final class Streamed extends Reading implements StreamedRecords {

        private final Exchange exchange;
        private final List<String> path;
        private boolean opened;

        Streamed(Source source, Exchange exchange) {
            super(source, exchange.getProperty(RequestPreparer.REQUEST, PageRequest.class));
            this.exchange = exchange;
            this.path = source.settings().records().streamedPath();
        }

        @Override
        public List<String> path() {
            return path;
        }

        @Override
        public void opened() {
            opened = true;
        }

        @Override
        public void bodyRead() {
            if (opened) {
                exchange.setProperty(PageReader.RECORDS, done(false));
            }
        }
    }
}
