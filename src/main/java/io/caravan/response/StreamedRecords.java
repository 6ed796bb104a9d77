package io.caravan.response;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Takes the records of a page as the parser meets them, so that the page's tree never holds them: the
 * array at {@link #path()} is left out of the body and each of its elements, parsed alone, is handed
 * here in order. Made afresh for every response read.
 */
public interface StreamedRecords {

    /** The field names from the body's root to the array of records (none: the body is the array). */
    List<String> path();

    /** The array of records was found and opens: the elements, if any, follow. */
    void opened();

    /** The next element of the array. */
    void record(JsonNode record);

    /** The body was read whole: what the records came to is handed to the page step, if the array was found. */
    void bodyRead();
}
