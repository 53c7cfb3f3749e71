package io.parkpulse.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A user name from a token, as audit trails store it. */
class UserNameTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "zhang.admin|zhang.admin",
                "'  王 芳  '|王 芳",
                "'a\nFORGED'|aFORGED",
                "'a\r\nb'|ab",
                "'\u202eadmin'|admin",
                "'ad\u200bmin'|admin",
                "'e\u0301'|é",
                "'\u0000'|unknown",
                "''|unknown"
            })
    void controlAndFormatCharactersAreDroppedAndTextIsNfc(String raw, String stored) {
        assertEquals(stored, Caller.normalise(raw));
    }

    @org.junit.jupiter.api.Test
    void aLongNameIsCutAtTwoHundredCharactersWithoutSplittingACharacter() {
        assertEquals(200, Caller.normalise("x".repeat(300)).length());
        String emoji = "x".repeat(199) + "😀😀";
        String cut = Caller.normalise(emoji);
        assertEquals("x".repeat(199), cut);
        assertEquals("unknown", Caller.normalise(null));
    }
}
