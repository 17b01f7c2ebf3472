package vn.portal.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One headless Debian Chromium with a fresh profile (so no cookie of an earlier scenario leaks in), driven by the
 * system's chromedriver. Both paths are explicit: Selenium Manager would otherwise try to download a browser, and
 * this machine (like CI) has no route to anything but Maven Central.
 */
public final class Chromium implements AutoCloseable {

    /**
     * Generous because the first request to each JSF page compiles its Facelets on a cold Payara Micro; a wait
     * returns as soon as its condition holds, so this bounds a hang rather than setting a pace.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private final WebDriver driver;
    private final WebDriverWait wait;

    private Chromium(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    /**
     * Starts a browser.
     *
     * @param profileName names the fresh profile directory (one per scenario)
     * @param phone       a phone viewport in CSS pixels (device emulation), or {@code null} for a desktop window
     * @throws IllegalStateException when Chromium or chromedriver is not installed: the suite must fail, not skip
     */
    public static Chromium start(String profileName, Viewport phone) throws IOException {
        requireInstalled();
        Path chromium = E2eSettings.chromium();
        Path chromedriver = E2eSettings.chromedriver();
        Path profile = Files.createDirectories(E2eSettings.chromiumProfileRoot().resolve(profileName));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-features=Translate,OptimizationHints,MediaRouter",
                "--no-first-run",
                "--no-default-browser-check",
                "--password-store=basic",
                "--user-data-dir=" + profile.toAbsolutePath());
        if (phone == null) {
            options.addArguments("--window-size=1280,900");
        } else {
            // Device emulation sets the CSS viewport exactly, unlike a window size that includes browser chrome.
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
                    "width", phone.width(), "height", phone.height(), "pixelRatio", 3.0, "mobile", true, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogFile(profile.resolveSibling(profileName + "-chromedriver.log").toFile())
                .build();
        return new Chromium(new ChromeDriver(service, options));
    }

    /**
     * Fails, rather than skips, when the browser or its driver is missing: a browser suite that quietly does not
     * run would let a broken sign-in page through CI.
     */
    public static void requireInstalled() {
        Path chromium = E2eSettings.chromium();
        Path chromedriver = E2eSettings.chromedriver();
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            throw new IllegalStateException("The browser tests need Debian's Chromium at " + chromium
                    + " and its driver at " + chromedriver + " (found: browser " + Files.isExecutable(chromium)
                    + ", driver " + Files.isExecutable(chromedriver) + "). Install them with "
                    + "'apt-get install -y chromium chromium-driver' (.ci/run does this on CI).");
        }
    }

    /** Opens a portal path such as {@code /dashboard}. */
    public void openPortal(String path) {
        driver.get(E2eSettings.portal().resolve(path).toString());
    }

    public WebDriver driver() {
        return driver;
    }

    public URI currentUri() {
        return URI.create(driver.getCurrentUrl());
    }

    /** Waits until an element is present and visible, then returns it. */
    public WebElement await(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the browser shows a page of the given origin (scheme, host and port) whose path starts so. */
    public void awaitPage(URI origin, String pathPrefix) {
        wait.withMessage(() -> "expected a page under " + origin + pathPrefix + " but the browser is at "
                        + driver.getCurrentUrl())
                .until(d -> {
                    URI now = URI.create(d.getCurrentUrl());
                    return now.getPort() == origin.getPort() && now.getHost().equals(origin.getHost())
                            && now.getPath().startsWith(pathPrefix)
                            && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
                });
    }

    public List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Saves what the browser shows (PNG) and the page source next to it; best effort, for failure diagnosis. */
    public void saveEvidence(Path directory, String name) {
        try {
            Files.createDirectories(directory);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(directory.resolve(name + ".png"), png);
            Files.writeString(directory.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | WebDriverException e) {
            System.err.println("Could not save the browser's screenshot for " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** A viewport size in CSS pixels. */
    public record Viewport(int width, int height) {
        public Viewport {
            if (width < 200 || height < 200) {
                throw new IllegalArgumentException("a viewport must be at least 200x200 CSS pixels, was " + width + "x" + height);
            }
        }
    }
}
