package io.devicehub.credential;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomCredentialTest {

    @Test
    void credentialsAreLongPlainAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String credential = RandomCredential.generate();
            assertTrue(credential.matches("[A-Za-z0-9]{24}"), credential);
            seen.add(credential);
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void everyCharacterOfTheAlphabetIsUsed() {
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            RandomCredential.generate().chars().forEach(c -> used.add((char) c));
        }
        assertEquals(62, used.size());
    }
}
