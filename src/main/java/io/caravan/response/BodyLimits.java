package io.caravan.response;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * How much of a response body is read: its size, and the limits of Jackson's parser (nesting depth,
 * the longest string, number and field name), each a setting beside {@code maxResponseBytes}, so that
 * a body past one of them is refused naming that limit.
 *
 * @param maxBytes        the largest body, in bytes ({@code maxResponseBytes})
 * @param maxDepth        the deepest nesting ({@code maxJsonDepth})
 * @param maxStringLength the longest string value, in characters ({@code maxJsonStringLength})
 * @param maxNumberLength the longest number, in characters ({@code maxJsonNumberLength})
 * @param maxNameLength   the longest field name, in characters ({@code maxJsonNameLength})
 */
public record BodyLimits(long maxBytes, int maxDepth, int maxStringLength, int maxNumberLength, int maxNameLength) {

    /** The parser's constraints. */
    StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(maxDepth).maxStringLength(maxStringLength)
                .maxNumberLength(maxNumberLength).maxNameLength(maxNameLength).build();
    }

    /** What a constraint the parser tripped means, naming the setting that bounds it. */
    String describe(StreamConstraintsException tripped) {
        String message = String.valueOf(tripped.getMessage());
        if (message.contains("getMaxStringLength")) {
            return String.format("response JSON has a string longer than maxJsonStringLength (%,d characters)", maxStringLength);
        }
        if (message.contains("getMaxNumberLength")) {
            return String.format("response JSON has a number longer than maxJsonNumberLength (%,d characters)", maxNumberLength);
        }
        if (message.contains("getMaxNameLength")) {
            return String.format("response JSON has a field name longer than maxJsonNameLength (%,d characters)", maxNameLength);
        }
        if (message.contains("getMaxNestingDepth")) {
            return "response JSON nests deeper than maxJsonDepth (" + maxDepth + ")";
        }
        return "response JSON exceeds a parser limit: " + tripped.getOriginalMessage();
    }
}
