package io.caravan.response;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * A JSON number kept as the API wrote it ({@code 12345678901234567.89}, {@code 10.10}, {@code 1e400},
 * {@code -0}): written back with that text, so a payload holds the record's numbers exactly, and read
 * as text ({@link #asText()}) with the same spelling, so a record key or a cursor is the API's own.
 * Its value, for JSONPath filters and counts, is exact too: a {@link BigDecimal} or an integer.
 */
public final class ExactNumberNode extends NumericNode {

    private static final Pattern PLAIN_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

    private final String text;
    private transient BigDecimal decimal;

    public ExactNumberNode(String text) {
        this.text = text;
    }

    /**
     * Whether the number is written as plain digits, the one way an integer key has: not {@code -0}, not
     * with a fraction ({@code 1.10}) or an exponent ({@code 1e2}). Other spellings are keys as they are,
     * so {@code 100} and {@code 1e2} are two keys.
     */
    public boolean plainInteger() {
        return PLAIN_INTEGER.matcher(text).matches() && !text.equals("-0");
    }

    @Override
    public String asText() {
        return text;
    }

    @Override
    public JsonToken asToken() {
        return integral() ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
    }

    @Override
    public JsonParser.NumberType numberType() {
        if (!integral()) {
            return JsonParser.NumberType.BIG_DECIMAL;
        }
        return canConvertToLong() ? JsonParser.NumberType.LONG : JsonParser.NumberType.BIG_INTEGER;
    }

    @Override
    public boolean isIntegralNumber() {
        return integral();
    }

    @Override
    public boolean isFloatingPointNumber() {
        return !integral();
    }

    @Override
    public boolean isBigDecimal() {
        return !integral();
    }

    @Override
    public boolean isBigInteger() {
        return integral() && !canConvertToLong();
    }

    @Override
    public boolean isLong() {
        return integral() && canConvertToLong();
    }

    @Override
    public Number numberValue() {
        if (!integral()) {
            return decimalValue();
        }
        return canConvertToLong() ? longValue() : bigIntegerValue();
    }

    @Override
    public int intValue() {
        return decimalValue().intValue();
    }

    @Override
    public long longValue() {
        return decimalValue().longValue();
    }

    @Override
    public double doubleValue() {
        return Double.parseDouble(text);
    }

    @Override
    public BigDecimal decimalValue() {
        if (decimal == null) {
            decimal = new BigDecimal(text);
        }
        return decimal;
    }

    @Override
    public BigInteger bigIntegerValue() {
        return decimalValue().toBigInteger();
    }

    @Override
    public boolean canConvertToInt() {
        return integral() && decimalValue().compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                && decimalValue().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    @Override
    public boolean canConvertToLong() {
        return integral() && decimalValue().compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
                && decimalValue().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    }

    @Override
    public boolean isNaN() {
        return false;
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeNumber(text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExactNumberNode number && number.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    private boolean integral() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }
}
