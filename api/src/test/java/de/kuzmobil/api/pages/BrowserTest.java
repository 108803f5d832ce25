package de.kuzmobil.api.pages;

import de.kuzmobil.api.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/**
 * A page test: one headless Chromium per test class, opened on first use; after each scenario the
 * console is clean (but for the refusals it provoked on purpose) and nothing came from another machine.
 */
abstract class BrowserTest extends ApiTest {

    static Browser browser;
    /** Refusals the current scenario provokes on purpose: their network lines are not console errors. */
    final List<String> expectedRefusals = new ArrayList<>();

    Browser browser() {
        if (browser == null) {
            browser = Browser.open(port);
        }
        return browser;
    }

    @AfterEach
    void consoleIsClean() {
        if (browser != null) {
            browser.assertCleanConsole(expectedRefusals);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
