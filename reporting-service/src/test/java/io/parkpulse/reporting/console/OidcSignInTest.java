package io.parkpulse.reporting.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parts of the identity-provider sign-in that need no provider. */
class OidcSignInTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://elsewhere.example/console/",
                "//elsewhere.example/x",
                "/console//elsewhere.example",
                "/console/\\\\elsewhere.example",
                "/consolex",
                "/console/city\\nSet-Cookie: x=1",
                ""
            })
    void aReturnAddressOutsideTheConsoleBecomesTheConsole(String returnTo) {
        assertEquals("/console", OidcSignIn.safeReturn(returnTo.replace("\\n", "\n")));
    }

    @Test
    void aPageOfTheConsoleIsKeptWithItsQuery() {
        assertEquals(
                "/console/rankings?indicator=tax_revenue&period=2025-03",
                OidcSignIn.safeReturn("/console/rankings?indicator=tax_revenue&period=2025-03"));
        assertEquals("/console", OidcSignIn.safeReturn(null));
    }

    @Test
    void anAttemptSurvivesItsCookieAndNothingElseDecodesAsOne() {
        OidcSignIn.Attempt a = new OidcSignIn.Attempt("s", "n", "v", "/console/city");
        assertEquals(Optional.of(a), OidcSignIn.Attempt.decode(a.encode()));
        assertTrue(OidcSignIn.Attempt.decode("just a token").isEmpty());
    }
}
