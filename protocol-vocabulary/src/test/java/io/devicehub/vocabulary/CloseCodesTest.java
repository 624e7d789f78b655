package io.devicehub.vocabulary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloseCodesTest {

    @ParameterizedTest
    @ValueSource(ints = {4401, 4409, 4410})
    void authenticationFailedReplacedAndRevokedAreFinal(int code) {
        assertTrue(CloseCodes.isFinal(code));
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1003, 1006, 1008, 1009, 1011, 1013, 4408, 4429, 4000})
    void everyOtherCodeIsRetried(int code) {
        assertFalse(CloseCodes.isFinal(code));
    }

    @Test
    void theRetryAfterIsReadFromTheCloseReasonInAnyUsualWording() {
        assertEquals(Optional.of(Duration.ofSeconds(8)), CloseCodes.retryAfter("retryAfter=8"));
        assertEquals(Optional.of(Duration.ofSeconds(12)), CloseCodes.retryAfter("Too many attempts; retry after 12 s"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), CloseCodes.retryAfter("{\"retryAfter\": 30}"));
        assertEquals(Optional.of(Duration.ofSeconds(5)), CloseCodes.retryAfter(" 5 "));
        assertEquals(Optional.empty(), CloseCodes.retryAfter("rate limited"));
        assertEquals(Optional.empty(), CloseCodes.retryAfter(null));
    }

    @Test
    void codesWithoutAReasonAreDescribed() {
        assertEquals("authentication failed", CloseCodes.describe(4401));
        assertEquals("server too busy", CloseCodes.describe(1013));
    }
}
