package io.devicehub.bench.console;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ViewStateTest {

    @Test
    void theViewStateIsReadFromItsHiddenInputWhateverTheAttributeOrder() {
        String mojarra = "<form><input type=\"hidden\" name=\"jakarta.faces.ViewState\" "
                + "id=\"j_id1:jakarta.faces.ViewState:0\" value=\"-3097766514017446875:-3946446535729999667\" "
                + "autocomplete=\"off\" /></form>";
        String reordered = "<input value=\"a&amp;b\" type=\"hidden\" name=\"jakarta.faces.ViewState\">";

        assertEquals(Optional.of("-3097766514017446875:-3946446535729999667"), ViewState.in(mojarra));
        assertEquals(Optional.of("a&b"), ViewState.in(reordered));
    }

    @Test
    void aPageWithoutOneHasNone() {
        assertEquals(Optional.empty(), ViewState.in("<input type=\"hidden\" name=\"other\" value=\"x\">"));
    }
}
