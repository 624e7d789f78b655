package io.devicehub.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextAssemblerTest {

    @Test
    void aMessageInOnePartIsPassedOnAsItIs() {
        assertEquals("{\"type\":\"pong\"}", new TextAssembler(100).append("{\"type\":\"pong\"}", true));
    }

    @Test
    void partsAreJoinedIntoOneMessageAtTheLastPart() {
        TextAssembler assembler = new TextAssembler(100);
        assertNull(assembler.append("{\"type\":", false));
        assertNull(assembler.append("\"po", false));
        assertEquals("{\"type\":\"pong\"}", assembler.append("ng\"}", true));
    }

    @Test
    void theNextMessageStartsAfresh() {
        TextAssembler assembler = new TextAssembler(100);
        assembler.append("first ", false);
        assembler.append("message", true);
        assertEquals("second", assembler.append("second", true));
    }

    @Test
    void partsAreCopiedSoTheWebSocketMayReuseItsBuffer() {
        TextAssembler assembler = new TextAssembler(100);
        StringBuilder reused = new StringBuilder("abc");
        assembler.append(reused, false);
        reused.setLength(0);
        reused.append("def");
        assertEquals("abcdef", assembler.append(reused, true));
    }

    @Test
    void aMessageLongerThanTheBoundIsRefusedAndForgotten() {
        TextAssembler assembler = new TextAssembler(10);
        assembler.append("123456", false);
        assertThrows(IllegalStateException.class, () -> assembler.append("789012", false));
        assertEquals("ok", assembler.append("ok", true));
    }
}
