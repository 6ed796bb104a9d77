package io.caravan.response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads a page's response body into a Jackson tree, parsed once, within limits: at most {@code
 * maxBytes} bytes (counted while reading, so a huge body is stopped, not buffered) and at most
 * {@code maxDepth} levels of nesting. A body that is HTML, empty or not valid JSON is refused with
 * what it was.
 */
public final class ResponseReader {

    private static final int EXCERPT = 200;

    private final long maxBytes;
    private final int maxDepth;
    private final ObjectMapper mapper;

    public ResponseReader(long maxBytes, int maxDepth) {
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.mapper = JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                .build()).build();
    }

    /** The body of the message camel-http received, parsed; the stream is closed. */
    public JsonNode read(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        Long declared = message.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBytes) {
            closeQuietly(message.getBody(InputStream.class));
            throw tooLarge();
        }
        InputStream raw = message.getBody(InputStream.class);
        if (raw == null) {
            throw new BadResponseException("empty response body", true);
        }
        try (PushbackInputStream in = new PushbackInputStream(new Limited(raw), 1)) {
            int first = firstNonBlank(in);
            if (first < 0) {
                throw new BadResponseException("empty response body", true);
            }
            in.unread(first);
            if (first == '<') {
                throw new BadResponseException("response is HTML, not JSON (Content-Type "
                        + message.getHeader(Exchange.CONTENT_TYPE) + "): " + excerpt(in), true);
            }
            return mapper.readTree(in);
        } catch (StreamConstraintsException e) {
            throw new BadResponseException("response JSON nests deeper than maxJsonDepth (" + maxDepth + ")", false);
        } catch (JsonProcessingException e) {
            throw new BadResponseException("response is not valid JSON: " + e.getOriginalMessage(), true);
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

    private static void closeQuietly(InputStream in) {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            // the connection is discarded either way
        }
    }

    /** Counts the bytes read and refuses to go past the limit. */
    private final class Limited extends FilterInputStream {

        private long count;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
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
