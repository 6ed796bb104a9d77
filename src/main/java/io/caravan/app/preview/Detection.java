package io.caravan.app.preview;

import java.util.List;
import java.util.Map;

/**
 * What the preview found out about an API's pagination.
 *
 * @param style        the pagination style, or {@code null} when no next signal was found
 * @param parameters   the route parameters of that style (pagination included), in order
 * @param evidence     what on the pages says so, one line each
 * @param alternatives other styles the pages allow, when the preview is unsure
 */
record Detection(String style, Map<String, String> parameters, List<String> evidence, List<String> alternatives) {
}
