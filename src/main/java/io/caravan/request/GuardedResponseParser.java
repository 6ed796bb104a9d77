package io.caravan.request;

import io.caravan.response.BadResponseException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.core5.http.io.HttpMessageParser;
import org.apache.hc.core5.http.io.HttpMessageParserFactory;
import org.apache.hc.core5.http.io.SessionInputBuffer;

/**
 * The HTTP client's response-head parser, within the {@link ResponseGuard} of the request: the
 * connection's stream is handed to the guard (closed at the deadline), and the bytes read for the
 * status line and headers are counted, so a response whose headers exceed {@code maxHeaderBytes} is
 * refused while they arrive, not read whole (the client itself sets no bound).
 */
final class GuardedResponseParser implements HttpMessageParser<ClassicHttpResponse> {

    /** Makes one parser per connection. */
    static final HttpMessageParserFactory<ClassicHttpResponse> FACTORY = config -> new GuardedResponseParser(config);

    private final HttpMessageParser<ClassicHttpResponse> parser;

    private GuardedResponseParser(Http1Config config) {
        this.parser = DefaultHttpResponseParserFactory.INSTANCE.create(config);
    }

    @Override
    public ClassicHttpResponse parse(SessionInputBuffer buffer, InputStream in) throws IOException, HttpException {
        ResponseGuard guard = ResponseGuard.current();
        if (guard == null) {
            return parser.parse(buffer, in);
        }
        guard.watch(in);
        try {
            return parser.parse(buffer, new CountedHead(in, buffer, guard));
        } catch (IOException e) {
            throw guard.explain(e);
        }
    }

    /** The connection's stream while a response head is read: counts its bytes against the limit. */
    private static final class CountedHead extends FilterInputStream {

        private final SessionInputBuffer buffer;
        private final ResponseGuard guard;
        private long read;

        CountedHead(InputStream in, SessionInputBuffer buffer, ResponseGuard guard) {
            super(in);
            this.buffer = buffer;
            this.guard = guard;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            guard.check();
            // What the buffer holds unparsed may be the body's start: only what the head consumed counts.
            if (read - buffer.length() > guard.maxHeaderBytes()) {
                throw new BadResponseException(String.format("response headers exceed maxHeaderBytes (%,d bytes);"
                        + " stopped reading them", guard.maxHeaderBytes()), false);
            }
            int count = super.read(bytes, offset, length);
            if (count > 0) {
                read += count;
            }
            return count;
        }
    }
}
