package io.caravan.config;

import static io.caravan.config.Parameters.BODY;
import static io.caravan.config.Parameters.CONTINUE_FROM;
import static io.caravan.config.Parameters.CURSOR_FIELD;
import static io.caravan.config.Parameters.CURSOR_FORMAT;
import static io.caravan.config.Parameters.CURSOR_INCLUSIVE;
import static io.caravan.config.Parameters.CURSOR_SUCCESSOR;
import static io.caravan.config.Parameters.CURSOR_PARAM;
import static io.caravan.config.Parameters.CURSOR_PATH;
import static io.caravan.config.Parameters.END_PARAM;
import static io.caravan.config.Parameters.FIRST_PAGE;
import static io.caravan.config.Parameters.INCREMENTAL_PARAM;
import static io.caravan.config.Parameters.LINK_HEADER;
import static io.caravan.config.Parameters.METHOD;
import static io.caravan.config.Parameters.NEXT_PAGES_METHOD;
import static io.caravan.config.Parameters.NEXT_PAGES_URL;
import static io.caravan.config.Parameters.NEXT_REQUESTS;
import static io.caravan.config.Parameters.NEXT_URL_PATH;
import static io.caravan.config.Parameters.OFFSET_PARAM;
import static io.caravan.config.Parameters.OFFSET_STEP;
import static io.caravan.config.Parameters.PAGE_PARAM;
import static io.caravan.config.Parameters.PAGE_SIZE;
import static io.caravan.config.Parameters.PAGE_SIZE_PARAM;
import static io.caravan.config.Parameters.PAGINATION;
import static io.caravan.config.Parameters.PARALLEL_PAGES;
import static io.caravan.config.Parameters.RECORDS_PATH;
import static io.caravan.config.Parameters.REPLACE_BODY_ON_NEXT_PAGES;
import static io.caravan.config.Parameters.SLICE_END_PARAM;
import static io.caravan.config.Parameters.SLICE_FROM;
import static io.caravan.config.Parameters.SLICE_START_PARAM;
import static io.caravan.config.Parameters.SLICE_STEP;
import static io.caravan.config.Parameters.SLICE_UNTIL;
import static io.caravan.config.Parameters.START_PARAM;
import static io.caravan.config.Parameters.TIME_FIELD;
import static io.caravan.config.Parameters.TIME_FORMAT;
import static io.caravan.config.Parameters.TOKEN_HEADER;
import static io.caravan.config.Parameters.URL;
import static io.caravan.config.Parameters.WINDOW_END;
import static io.caravan.config.Parameters.WINDOW_START;
import static io.caravan.config.Parameters.WINDOW_STEP;

import io.caravan.request.FixedHeaders;
import io.caravan.request.Sha256;
import java.util.List;

/**
 * The settings that shape a source's requests and what a page holds (URL, method, body, the style and
 * its parameters, the page size, slices): a checkpoint stores their fingerprint, so a run can tell that
 * the checkpoint was made with other settings (a corrected URL) instead of resuming it blindly. No
 * secret is part of it.
 */
final class RequestShape {

    private static final List<Parameter<?>> SHAPING = List.of(URL, METHOD, BODY, NEXT_PAGES_URL, NEXT_PAGES_METHOD,
            REPLACE_BODY_ON_NEXT_PAGES, PAGE_SIZE_PARAM, PAGE_SIZE, PAGINATION, PAGE_PARAM, FIRST_PAGE, OFFSET_PARAM,
            OFFSET_STEP, CURSOR_PARAM, CURSOR_FIELD, CURSOR_PATH, TOKEN_HEADER, NEXT_URL_PATH, LINK_HEADER, TIME_FIELD,
            START_PARAM, END_PARAM, WINDOW_START, WINDOW_END, WINDOW_STEP, NEXT_REQUESTS, RECORDS_PATH, INCREMENTAL_PARAM,
            SLICE_FROM, SLICE_UNTIL, SLICE_STEP, SLICE_START_PARAM, SLICE_END_PARAM, TIME_FORMAT, PARALLEL_PAGES);

    /** Shaping settings added since 0.1.0: part of the fingerprint only when set, so older checkpoints still match. */
    private static final List<Parameter<?>> SHAPING_WHEN_SET = List.of(CURSOR_FORMAT, CURSOR_INCLUSIVE, CURSOR_SUCCESSOR,
            CONTINUE_FROM);

    private RequestShape() {
    }

    /** The SHA-256 of the shaping settings' values, by name. */
    static String fingerprint(SourceParameters p) {
        StringBuilder text = new StringBuilder();
        for (Parameter<?> parameter : SHAPING) {
            text.append(parameter.name()).append('=').append(p.get(parameter)).append('\n');
        }
        for (Parameter<?> parameter : SHAPING_WHEN_SET) {
            if (p.has(parameter) && !String.valueOf(p.get(parameter)).equals(parameter.defaultValue())) {
                text.append(parameter.name()).append('=').append(p.get(parameter)).append('\n');
            }
        }
        FixedHeaders headers = RequestSettings.fixedHeaders(p);
        if (!headers.isEmpty()) {
            text.append("headers=").append(headers.shape()).append('\n');
        }
        return Sha256.hex(text.toString());
    }
}
