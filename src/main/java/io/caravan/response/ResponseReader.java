package io.caravan.response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import io.caravan.request.ResponseGuard;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.hc.core5.http.io.EofSensorInputStream;

/**
 * Reads a page's response body into a Jackson tree, parsed once from the socket's stream (its records
 * array, where given, streamed rather than kept), within its {@link BodyLimits}: the
 * bytes are counted while reading (a huge body is stopped, not buffered), and the parser's limits
 * (depth, strings, numbers, names) are each reported by the setting that bounds them. Numbers keep
 * the API's own text ({@link ExactNumberNode}). A body that is HTML, empty or not valid JSON is
 * refused with what it was.
 */
public final class ResponseReader {

    private static final int EXCERPT = 200;

    private final BodyLimits limits;
    private final long maxBytes;
    private final JsonFactory json;

    public ResponseReader(BodyLimits limits) {
        this.limits = limits;
        this.maxBytes = limits.maxBytes();
        // Jackson must not close the stream itself: closing the HTTP client's stream drains it.
        this.json = JsonFactory.builder().streamReadConstraints(limits.constraints())
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
    }

    /**
     * The body of the message camel-http received, parsed. A body read whole is closed; one given up
     * on (too large, not JSON) is aborted, its connection dropped rather than drained, since closing
     * the HTTP client's stream would read the rest of it, possibly without end.
     */
    public JsonNode read(Exchange exchange) throws IOException {
        return read(exchange, null);
    }

    /**
     * As {@link #read(Exchange)}, with the array of records left out of the tree and handed to
     * {@code records} element by element as it is parsed ({@code null}: the whole body as a tree).
     */
    public JsonNode read(Exchange exchange, StreamedRecords records) throws IOException {
        Message message = exchange.getMessage();
        InputStream raw = message.getBody(InputStream.class);
        if (raw == null) {
            throw new BadResponseException("empty response body", true);
        }
        boolean whole = false;
        try {
            Long declared = message.getHeader(Exchange.CONTENT_LENGTH, Long.class);
            if (declared != null && declared > maxBytes) {
                throw tooLarge();
            }
            PushbackInputStream in = new PushbackInputStream(new Limited(raw), 1);
            int first = firstNonBlank(in);
            if (first < 0) {
                throw new BadResponseException("empty response body", true);
            }
            in.unread(first);
            if (first == '<') {
                throw new BadResponseException("response is HTML, not JSON (Content-Type "
                        + message.getHeader(Exchange.CONTENT_TYPE) + "): " + excerpt(in), true);
            }
            JsonNode body;
            try (JsonParser parser = json.createParser(in)) {
                body = ExactJsonTree.read(parser, records);
            }
            whole = true;
            return body;
        } catch (StreamConstraintsException e) {
            throw new BadResponseException(limits.describe(e), false);
        } catch (JsonProcessingException e) {
            throw new BadResponseException("response is not valid JSON: " + e.getOriginalMessage(), true);
        } finally {
            if (whole) {
                raw.close();
            } else {
                abort(raw);
                message.setBody(null);
            }
        }
    }

    private BadResponseException tooLarge() {
        return new BadResponseException(String.format("response body exceeds maxResponseBytes (%,d bytes);"
                + " stopped reading it", maxBytes), false);
    }

    private static int firstNonBlank(InputStream in) throws IOException {
        int next = in.read();
        while (next >= 0 && Character.isWhitespace(next)) {
            next = in.read();
        }
        return next;
    }

    private static String excerpt(InputStream in) throws IOException {
        String text = new String(in.readNBytes(EXCERPT * 4), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
    }

    private static void abort(InputStream in) {
        try {
            if (in instanceof EofSensorInputStream connection) {
                connection.abort();
            } else {
                in.close();
            }
        } catch (IOException e) {
            // the connection is discarded either way
        }
    }

    /**
     * Counts the bytes read and refuses to go past the limit; within the response's deadline (a read
     * failing because the deadline closed the connection says so).
     */
    private final class Limited extends FilterInputStream {

        private final ResponseGuard guard = ResponseGuard.current();
        private long count;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read;
            try {
                if (guard != null) {
                    guard.check();
                }
                read = super.read(buffer, offset, length);
            } catch (IOException e) {
                throw guard == null ? e : guard.explain(e);
            }
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        private void counted(int read) {
            count += read;
            if (count > maxBytes) {
                throw tooLarge();
            }
        }
    }
}
