package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.mock.junit5.ServerScope;
import dev.wawpkit.mock.junit5.WawpMockTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Drives the dashboard in headless Chromium as a person would: watch a session appear, see its QR,
 * scan it, arm a fault from the form, and unlock a locked mock. The first test saves a screenshot to
 * {@code target/dashboard.png} ({@code -Dwawp.docs.update=true}: to {@code docs/dashboard.png}, the
 * README's picture).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
// A mock per test: a new port is a new origin, so the page keeps nothing from the test before.
// Unexpected calls are checked: the page declares its icon, so the browser asks the API for no
// /favicon.ico.
@WawpMockTest(scope = ServerScope.METHOD, token = DashboardBrowserTest.TOKEN, bootDelayMillis = -1)
class DashboardBrowserTest {
    static final String TOKEN = "browser-token-1";
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static Path profile;
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        Chromium.require();
        profile = Files.createTempDirectory("wawp-dashboard");
        browser = Chromium.driver(profile);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            Chromium.delete(profile);
        }
    }

    @Test
    void aSessionCreatedThroughTheApiAppearsShowsItsRotatingQrAndTheScanButtonMakesItWorking() throws Exception {
        // Its own mock: a 2 s QR period is a builder option that @WawpMockTest does not offer.
        try (WawpMockServer mock = WawpMockServer.builder()
                .token(TOKEN)
                .bootDelay(Duration.ofMillis(100))
                .qrRotation(Duration.ofSeconds(2))
                .build()
                .start()) {
            open(mock);
            String id = Calls.createdId(mock, TOKEN);
            Calls.start(mock, id, TOKEN);

            await(() -> row(id), "a row for session " + id + " in Sessions");
            WebElement row = await(
                    () -> {
                        WebElement r = row(id);
                        return r != null && r.getText().contains("SCAN_QR_CODE") ? r : null;
                    },
                    "session " + id + " at SCAN_QR_CODE");
            assertThat(row.getText()).contains("brow...").doesNotContain(TOKEN);
            row.findElement(By.tagName("button")).click();
            String firstQr = await(this::qrShown, "the QR image of session " + id);
            assertThat(firstQr).startsWith("data:image/png;base64,");
            assertThat(browser.findElement(By.id("session-status")).getText()).isEqualTo("SCAN_QR_CODE");
            screenshot();
            await(
                    () -> {
                        String now = qrShown();
                        return now != null && !now.equals(firstQr) ? now : null;
                    },
                    "a new QR image once the QR rotates (every 2 s)");

            moveButton("WORKING").sendKeys(Keys.ENTER); // from the keyboard, as every control can be

            await(
                    () -> "WORKING"
                                    .equals(browser.findElement(By.id("session-status"))
                                            .getText())
                            ? true
                            : null,
                    "session " + id + " shown WORKING after the scan button");
            assertThat(Calls.info(mock, id, TOKEN).json().get("status").asText())
                    .isEqualTo("WORKING");
            assertThat(browser.findElement(By.id("qr-figure")).isDisplayed()).isFalse();
        }
    }

    @Test
    void aBadGatewayArmedFromTheFormAnswersTheNextApiCall(WawpMockServer mock) throws Exception {
        String id = Calls.createdId(mock, TOKEN);
        open(mock);
        await(() -> options("fault-endpoint").size() > 1 ? true : null, "the fault form filled from model.json");

        choose("fault-endpoint", "start");
        choose("fault-kind", "status");
        choose("fault-status", "502");
        assertThat(options("fault-format")).containsExactly("json", "xml");
        choose("fault-format", "xml");
        browser.findElement(By.id("fault-arm")).click();

        await(
                () -> browser.findElement(By.id("faults-rows")).getText().contains("502 xml") ? true : null,
                "the armed 502 listed under Faults");
        Http.Response first = Calls.start(mock, id, TOKEN);
        assertThat(first.status()).isEqualTo(502);
        assertThat(first.mediaType()).isEqualTo("application/xml");
        assertThat(Calls.start(mock, id, TOKEN).status()).isEqualTo(200);
        await(
                () -> browser.findElement(By.id("requests-rows")).getText().contains("502") ? true : null,
                "the 502 in the request journal");
    }

    @Test
    void aCreateOffersOnlyItsDocumentedStatusesAndNoSessionScope(WawpMockServer mock) throws Exception {
        open(mock);
        await(() -> options("fault-endpoint").size() > 1 ? true : null, "the fault form filled from model.json");

        choose("fault-endpoint", "create");

        assertThat(options("fault-status")).containsExactly("400", "401", "403", "500");
        assertThat(browser.findElement(By.id("fault-instance")).isEnabled()).isFalse();
    }

    @Test
    void withAnAdminTokenThePageAsksForItAndTheControlApiRefusesThePageWithoutIt() throws Exception {
        // Its own mock: the admin token, the builder option this test is about.
        try (WawpMockServer mock = WawpMockServer.builder()
                .token(TOKEN)
                .manualBoot()
                .adminToken("admin-secret-9")
                .build()
                .start()) {
            Http.Response refused =
                    Http.to(mock, "/__admin/wawp/sessions").method("GET").send();
            assertThat(refused.status()).isEqualTo(401);
            String id = Calls.createdId(mock, TOKEN);

            open(mock);
            WebElement prompt = await(() -> displayed("login"), "the admin token prompt");
            assertThat(browser.findElement(By.id("panels")).isDisplayed()).isFalse();

            browser.findElement(By.id("login-token")).sendKeys("wrong-token");
            browser.findElement(By.id("login-submit")).click();
            await(
                    () -> browser.findElement(By.id("notice")).getText().contains("did not match") ? true : null,
                    "the prompt again, saying the token did not match");
            assertThat(prompt.isDisplayed()).isTrue();

            browser.findElement(By.id("login-token")).sendKeys("admin-secret-9");
            browser.findElement(By.id("login-submit")).click();

            await(() -> row(id), "session " + id + " listed once unlocked");
            assertThat(prompt.isDisplayed()).isFalse();
            assertThat(browser.executeScript("return sessionStorage.getItem('wawp-admin-token')"))
                    .isEqualTo("admin-secret-9");
            assertThat(browser.executeScript("return localStorage.length")).isEqualTo(0L);
        }
    }

    private static void open(WawpMockServer mock) {
        browser.get(mock.baseUrl() + "/__admin/wawp/ui");
    }

    private static WebElement row(String id) {
        return browser.findElements(By.cssSelector("#sessions-rows tr[data-instance='" + id + "']")).stream()
                .findFirst()
                .orElse(null);
    }

    /** Picks an option of a list, firing its change event as a person's choice does. */
    private static void choose(String selectId, String value) {
        browser.findElement(By.cssSelector("#" + selectId + " option[value='" + value + "']"))
                .click();
    }

    private static List<String> options(String selectId) {
        return browser.findElements(By.cssSelector("#" + selectId + " option")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static WebElement displayed(String id) {
        WebElement e = browser.findElement(By.id(id));
        return e.isDisplayed() ? e : null;
    }

    private String qrShown() {
        WebElement img = browser.findElement(By.id("qr"));
        if (!img.isDisplayed()) {
            return null;
        }
        Object loaded = browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth", img);
        return loaded instanceof Long width && width > 0 ? img.getAttribute("src") : null;
    }

    private static WebElement moveButton(String to) {
        return browser.findElement(By.cssSelector("#session-moves button[data-to='" + to + "']"));
    }

    /** Waits for a value to appear, or fails naming what was awaited and showing the page as it was. */
    private static <T> T await(Supplier<T> probe, String what) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < end) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (WebDriverException e) {
                // the page is re-rendering; look again
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Expecting " + what + " within " + PATIENCE.toSeconds() + " s, but the page shows:\n  "
                + browser.findElement(By.tagName("body")).getText().replace("\n", "\n  "));
    }

    private static void screenshot() throws IOException {
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Path out = Boolean.getBoolean("wawp.docs.update")
                ? Path.of("../docs/dashboard.png")
                : Path.of("target/dashboard.png");
        Files.createDirectories(out.getParent());
        Files.write(out, png);
    }
}
