package org.listgraph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.listgraph.testing.ServedJar;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The query page in a real browser (Debian's headless chromium through chromium-driver): pick a
 * saved query, give its parameter, run it, see the rows. A screenshot is kept under target/.
 */
class BrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path project;

    /** Skips where no browser is installed, unless the run requires one (.ci/run does: it installs it). */
    private static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && System.getenv("LISTGRAPH_REQUIRE_BROWSER") != null) {
            fail("the browser test needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
        }
        assumeTrue(present, "browser test skipped: install chromium and chromium-driver (apt-get), or run .ci/run");
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--disable-gpu");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @Test
    void theQueryPageRunsASavedQueryAndShowsItsRows() throws Exception {
        requireBrowser();
        ServeIT.build(project);
        try (ServedJar served = ServedJar.start(ServeIT.JAR, project)) {
            WebDriver browser = chromium();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                browser.get(served.page());
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#saved button[data-name='talks-by']"))).click();
                WebElement author = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("param-author")));
                author.sendKeys("thockin");
                browser.findElement(By.id("run")).click();
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#result-table tbody tr"), 4));

                List<String> titles = browser.findElements(By.cssSelector("#result-table tbody tr td:nth-child(2)")).stream()
                        .map(WebElement::getText).toList();
                assertEquals(List.of("An Illustrated Guide to Kubernetes Networking", "Bringing Traffic Into Your Kubernetes Cluster",
                        "Kubernetes and Networks - why is this so dang hard?",
                        "The ins and outs of networking in Google Container Engine and Kubernetes"), titles);
                assertTrue(browser.findElement(By.id("status")).getText().startsWith("4 rows in "), browser.findElement(By.id("status")).getText());
                screenshot(browser, "query-page-talks-by.png");
                String csv = browser.findElement(By.linkText("CSV")).getAttribute("href");
                List<String> rows = org.listgraph.testing.Http.get(csv).body().lines().toList();
                assertEquals(5, rows.size(), "the CSV download holds the same rows: " + rows);

                // A click on a result's IRI describes it, in the same page.
                browser.findElement(By.cssSelector("#result-table tbody tr td:first-child a")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-rdf"), "An Illustrated Guide to Kubernetes Networking"));

                List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
                assertEquals(List.of(), problems, "no errors in the browser console (CSP, scripts, missing files)");
            } finally {
                browser.quit();
            }
            served.stop("TERM");
        }
    }

    @Test
    void theBuildReportDrawsTheOverlapHeatMap() throws Exception {
        requireBrowser();
        ServeIT.build(project);
        Path report = project.resolve("output/report.html");
        assertTrue(Files.size(report) > 10_000);
        WebDriver browser = chromium();
        try {
            browser.get(report.toUri().toString());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overlap")));
            List<WebElement> cells = browser.findElements(By.cssSelector("#overlap rect.cell"));
            assertEquals(25, cells.size(), "a 5 × 5 heat map for the five seed lists");
            for (WebElement c : cells) {
                assertTrue(c.isDisplayed() && c.getSize().getWidth() > 20 && c.getSize().getHeight() > 20, "drawn: " + c.getSize());
            }
            // The diagonal is the darkest: a list shares all its resources with itself.
            assertEquals("#2457c5", cells.get(0).getAttribute("fill"));
            assertTrue(browser.findElement(By.id("shared")).findElements(By.cssSelector("tbody tr")).size() >= 1, "resources in 3+ lists");
            screenshot(browser, "report.png");
            List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
            assertEquals(List.of(), problems, "the report loads nothing and logs nothing");
        } finally {
            browser.quit();
        }
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
