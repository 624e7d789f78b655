package io.devicehub.vocabulary;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceKindTest {

    @Test
    void eachKindIsFoundByItsWireNameAndNothingElseIs() {
        for (ResourceKind kind : ResourceKind.values()) {
            assertEquals(Optional.of(kind), ResourceKind.fromWire(kind.wireName()));
        }
        assertEquals(Optional.empty(), ResourceKind.fromWire("INPUT"));
        assertEquals(Optional.empty(), ResourceKind.fromWire("input_output"));
        assertEquals(Optional.empty(), ResourceKind.fromWire(null));
    }

    @Test
    void theKindDecidesWhetherACallCarriesAnInputAndItsAnswerAnOutput() {
        assertTrue(ResourceKind.INPUT.takesInput() && !ResourceKind.INPUT.producesOutput());
        assertTrue(!ResourceKind.OUTPUT.takesInput() && ResourceKind.OUTPUT.producesOutput());
        assertTrue(ResourceKind.INPUT_OUTPUT.takesInput() && ResourceKind.INPUT_OUTPUT.producesOutput());
        assertFalse(ResourceKind.RUN.takesInput() || ResourceKind.RUN.producesOutput());
    }

    @Test
    void messagesNameKindsWithTheirArticle() {
        assertEquals("an input/output", ResourceKind.INPUT_OUTPUT.withArticle());
        assertEquals("a run", ResourceKind.RUN.withArticle());
    }
}
