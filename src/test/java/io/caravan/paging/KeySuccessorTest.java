package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.caravan.response.ExactNumberNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The least key after another: numbers + 1 (exactly, past a long), strings and base64 keys + a zero. */
class KeySuccessorTest {

    @Test
    void aNumberIsFollowedByTheNextIntegerEvenPastALong() {
        assertThat(KeySuccessor.NUMBER.after(new ExactNumberNode("41")).asText()).isEqualTo("42");
        assertThat(KeySuccessor.NUMBER.after(new ExactNumberNode("9223372036854775807")).bigIntegerValue())
                .isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(KeySuccessor.NUMBER.after(TextNode.valueOf("0099")).asText()).isEqualTo("100");
        assertThatThrownBy(() -> KeySuccessor.NUMBER.after(TextNode.valueOf("abc")))
                .hasMessage("cursorSuccessor number needs an integer key, not \"abc\"");
    }

    @Test
    void aStringIsFollowedByItselfAndAZeroCharacter() {
        assertThat(KeySuccessor.STRING.after(TextNode.valueOf("abc")).asText()).isEqualTo("abc\u0000");
    }

    @Test
    void aBase64KeyKeepsItsAlphabetAndPadding() {
        // "caravan/00000100" + 0x00
        assertThat(KeySuccessor.BASE64.after(TextNode.valueOf("Y2FyYXZhbi8wMDAwMDEwMA==")).asText())
                .isEqualTo("Y2FyYXZhbi8wMDAwMDEwMAA=");
        // bytes fb ff: standard "+/8=", URL-safe unpadded "-_8"
        assertThat(KeySuccessor.BASE64.after(TextNode.valueOf("+/8=")).asText()).isEqualTo("+/8A");
        assertThat(KeySuccessor.BASE64.after(TextNode.valueOf("-_8")).asText()).isEqualTo("-_8A");
        assertThatThrownBy(() -> KeySuccessor.BASE64.after(TextNode.valueOf("not base64!")))
                .hasMessageContaining("is not base64");
    }

    @Test
    void noneLeavesTheKeyAsItIs() {
        assertThat(KeySuccessor.NONE.after(JsonNodeFactory.instance.numberNode(7)).asInt()).isEqualTo(7);
    }
}
