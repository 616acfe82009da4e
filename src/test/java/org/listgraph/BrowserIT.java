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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
        org.listgraph.testing.Skip.unless(present, "no browser here: install chromium and chromium-driver (apt-get), or run .ci/run");
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
        Path project = ServeIT.builtSeeds();
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
                String explore = browser.findElement(By.cssSelector("#result-table tbody tr td:first-child a.explore")).getAttribute("href");
                assertTrue(explore.startsWith(served.page() + "explore#iri=https%3A%2F%2Fw3id.org%2Flistgraph%2Fid%2Fresource%2F"), explore);
                browser.findElement(By.cssSelector("#result-table tbody tr td:first-child a")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-rdf"), "An Illustrated Guide to Kubernetes Networking"));

                // A misspelt author finds nothing; the page offers the close names, and one click runs it again.
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#saved button[data-name='talks-by']"))).click();
                WebElement again = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("param-author")));
                again.sendKeys("Tim Hokin");
                browser.findElement(By.id("run")).click();
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#suggestions button.suggestion"))).click();
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#result-table tbody tr"), 4));
                assertEquals("Tim Hockin", browser.findElement(By.id("param-author")).getAttribute("value"));

                // A result's "graph" link opens the explorer on it.
                browser.get(explore);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details-title"), "An Illustrated Guide to Kubernetes Networking"));

                assertQuietConsole(browser, "no errors in the browser console (CSP, scripts, missing files)");
            } finally {
                browser.quit();
            }
            served.stop("TERM");
        }
    }

    /** Where a drawn node is on the explorer's canvas once the force layout has stopped moving it. */
    private static double[] restingPoint(WebDriver browser, String iri) throws InterruptedException {
        double[] last = nodePoint(browser, iri);
        for (int i = 0; i < 60; i++) {
            Thread.sleep(250);
            double[] now = nodePoint(browser, iri);
            if (Math.abs(now[0] - last[0]) < 0.5 && Math.abs(now[1] - last[1]) < 0.5) return now;
            last = now;
        }
        return last;
    }

    /** Where a drawn node is on the explorer's canvas, in CSS pixels from the canvas's top-left corner. */
    private static double[] nodePoint(WebDriver browser, String iri) {
        Object p = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const c = echarts.getInstanceByDom(document.getElementById('graph'));"
                        + "const d = c.getModel().getSeriesByIndex(0).getData();"
                        + "for (let i = 0; i < d.count(); i++) { if (d.getId(i) === arguments[0]) {"
                        + "  const g = d.getItemGraphicEl(i); return g ? g.transformCoordToGlobal(0, 0) : null; } }"
                        + "return null;", iri);
        assertTrue(p instanceof List<?> l && l.size() == 2, "node " + iri + " is drawn: " + p);
        List<?> xy = (List<?>) p;
        return new double[]{((Number) xy.get(0)).doubleValue(), ((Number) xy.get(1)).doubleValue()};
    }

    /** The edges the explorer draws, as "s p o" lines, read from the chart itself. */
    @SuppressWarnings("unchecked")
    private static java.util.Set<String> drawnEdges(WebDriver browser) {
        List<String> edges = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const c = echarts.getInstanceByDom(document.getElementById('graph'));"
                        + "return c.getOption().series[0].links.filter((l) => !l.target.startsWith('more '))"
                        + "  .map((l) => l.source + ' ' + l.value + ' ' + l.target);");
        return new java.util.TreeSet<>(edges);
    }

    @Test
    void theExplorerFindsAPersonDrawsItsNeighboursExpandsOnAClickReadsBigNeighbourhoodsInPagesAndShowsSourceLines() throws Exception {
        requireBrowser();
        Path project = ServeIT.builtSeeds();
        String thockin = "https://w3id.org/listgraph/id/agent/github/thockin";
        String google = "https://w3id.org/listgraph/id/org/google";
        try (ServedJar served = ServedJar.start(ServeIT.JAR, project)) {
            WebDriver browser = chromium();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                browser.get(served.page() + "explore");
                WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search")));
                search.sendKeys("THOCKIN");
                browser.findElement(By.id("search-run")).click();
                // Exact hits come first, then those found by a part of a name or title; the list is complete when it says so.
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "found; click one to draw it"));
                browser.findElement(By.cssSelector("#hits button[data-iri='" + thockin + "']")).click();

                // His five works and his employer, each joined to him by its property.
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("counts"), "7 nodes, 6 edges"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details-title"), "Tim Hockin"));
                java.util.Set<String> edges = drawnEdges(browser);
                assertTrue(edges.contains(thockin + " schema:affiliation " + google), edges.toString());
                assertEquals(5, edges.stream().filter(e -> e.endsWith(" dct:creator " + thockin)).count(), edges.toString());
                String details = browser.findElement(By.id("properties")).getText();
                assertTrue(details.contains("foaf:nick thockin") && details.contains("foaf:Person"), details);
                screenshot(browser, "explorer-thockin.png");

                // A real click on a talk's node in the canvas expands it: the lists it is in and its topics join the picture.
                String guideTitle = "An Illustrated Guide to Kubernetes Networking";
                String guide = browser.findElement(By.xpath("//ul[@id='nodes']//button[text()='" + guideTitle + "']")).getAttribute("data-iri");
                double[] at = restingPoint(browser, guide);
                WebElement canvas = browser.findElement(By.id("graph"));
                new org.openqa.selenium.interactions.Actions(browser)
                        .moveToElement(canvas, (int) Math.round(at[0] - canvas.getSize().getWidth() / 2.0),
                                (int) Math.round(at[1] - canvas.getSize().getHeight() / 2.0))
                        .click().perform();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details-title"), guideTitle));
                wait.until(d -> drawnEdges(d).stream().anyMatch(e -> e.startsWith(guide + " lg:listedIn " + "https://w3id.org/listgraph/id/list/")));
                assertTrue(drawnEdges(browser).stream().anyMatch(e -> e.startsWith(guide + " dct:subject https://w3id.org/listgraph/id/topic/")),
                        "its topics: " + drawnEdges(browser));

                // Its details give the lines of the lists it comes from, as the lists wrote them.
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sources li")));
                List<String> sources = browser.findElements(By.cssSelector("#sources li")).stream().map(WebElement::getText).toList();
                assertTrue(sources.stream().anyMatch(t -> t.matches("(?s)lists/[a-z0-9-]+\\.md:\\d+\\s.*\\[" + guideTitle + "\\].*")),
                        "file:line and the list's own line: " + sources);

                // The list of drawn nodes (for keyboards and screen readers) opens one too.
                browser.findElement(By.cssSelector("#nodes-box summary")).click();
                browser.findElement(By.xpath("//ul[@id='nodes']//button[text()='Google']")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details-title"), "Google"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("properties"), "← schema:affiliation 1 node points here"));
                screenshot(browser, "explorer-expanded.png");

                // The SPARQL offered for the picture gives exactly the edges drawn, from the endpoint itself.
                String sparql = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return document.getElementById('sparql').textContent");
                var answer = org.listgraph.testing.Http.send("POST", served.endpoint(), sparql, "Content-Type", "application/sparql-query", "Accept", "application/n-triples");
                assertEquals(200, answer.statusCode(), answer.body());
                org.apache.jena.graph.Graph constructed = org.apache.jena.riot.RDFParser.fromString(answer.body(), org.apache.jena.riot.Lang.NTRIPLES).toGraph();
                org.apache.jena.shared.PrefixMapping prefixes = org.listgraph.rdf.Vocab.prefixes("https://w3id.org/listgraph/id/");
                java.util.Set<String> fromQuery = new java.util.TreeSet<>();
                constructed.find().forEachRemaining(t -> fromQuery.add(t.getSubject().getURI() + " " + prefixes.shortForm(t.getPredicate().getURI()) + " " + t.getObject().getURI()));
                assertEquals(fromQuery, drawnEdges(browser), "the copied query's answer is the picture");


                // A list's neighbours come 30 at a time: a "more…" node and the More button read the next 30.
                String list = "Container Networking Reference (mhausenblas/cn-ref)";
                browser.findElement(By.xpath("//ul[@id='nodes']//button[text()='" + list + "']")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), list + ": 30+ neighbours drawn"));
                String listIri = browser.findElement(By.xpath("//ul[@id='nodes']//button[text()='" + list + "']")).getAttribute("data-iri");
                assertTrue(drawnEdges(browser).stream().filter(e -> e.contains(listIri)).count() >= 30, "a page of 30");
                // A double click reads one page, not the same page twice (which used to skip the page after it).
                new org.openqa.selenium.interactions.Actions(browser).doubleClick(browser.findElement(By.id("more"))).perform();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), list + ": 60+ neighbours drawn"));
                Thread.sleep(500);
                assertTrue(browser.findElement(By.id("status")).getText().startsWith(list + ": 60+ neighbours drawn"),
                        browser.findElement(By.id("status")).getText());
                assertTrue(drawnEdges(browser).stream().filter(e -> e.contains(listIri)).count() >= 60, "two pages");
                assertQuietConsole(browser, "no errors in the browser console (CSP, scripts, missing files)");
            } finally {
                browser.quit();
            }
            served.stop("TERM");
        }
    }

    @Test
    void theBuildReportDrawsTheOverlapHeatMap() throws Exception {
        requireBrowser();
        Path project = ServeIT.builtSeeds();
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
            assertQuietConsole(browser, "the report loads nothing and logs nothing");
        } finally {
            browser.quit();
        }
    }

    /**
     * Markup that would set {@code window.pwned} if an output put it into a page as markup. Written as an
     * entity, a backslash escape and a code span, as raw HTML tags are dropped from titles when lists are read.
     */
    static final String PAYLOAD = "&lt;img src=x onerror=\"window.pwned=1\"&gt; \\<script>window.pwned=2\\</script> `<svg onload=\"window.pwned=3\">`";
    /** What the payload reads as once the Markdown is read. */
    static final String SHOWN = "<img src=x onerror=\"window.pwned=1\"> <script>window.pwned=2</script> <svg onload=\"window.pwned=3\">";

    /** Three lists sharing one resource, so its hostile title reaches every part of the report, and hostile list titles. */
    private static void buildHostileLists(Path project) throws Exception {
        Path lists = Files.createDirectories(project.resolve("lists"));
        for (int i = 1; i <= 3; i++) {
            Files.writeString(lists.resolve("evil-" + i + ".md"), "# Evil " + i + " " + PAYLOAD + "\n\n"
                    + "- [Shared " + PAYLOAD + "](https://example.org/shared): " + PAYLOAD + " by [evil](https://github.com/evil)\n"
                    + "- [Own " + i + " " + PAYLOAD + "](https://example.org/own/" + i + ")\n");
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", ServeIT.JAR.toString(), "build")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    /** Nothing from the lists ran or became an element: no injected element, {@code window.pwned} unset, a clean console. */
    private static void assertInert(WebDriver browser, String where) {
        assertEquals(0L, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll('img, script:not([src]), svg[onload], [onerror]').length"), where + ": an injected element");
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.pwned === undefined"),
                where + ": a list's markup ran");
        assertQuietConsole(browser, where + ": nothing blocked or failed in the console");
    }

    @Test
    void markupInAListShowsAsTextInTheQueryPageTheExplorerAndTheReport() throws Exception {
        requireBrowser();
        buildHostileLists(project);
        WebDriver browser = chromium();
        try (ServedJar served = ServedJar.start(ServeIT.JAR, project)) {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(served.page());
            WebElement query = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("query")));
            query.clear();
            query.sendKeys("SELECT ?resource ?title WHERE { ?resource a lg:Resource ; dct:title ?title } ORDER BY ?title");
            browser.findElement(By.id("run")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#result-table tbody tr"), 4));
            List<String> titles = browser.findElements(By.cssSelector("#result-table tbody tr td:nth-child(2)")).stream()
                    .map(WebElement::getText).toList();
            assertTrue(titles.stream().allMatch(t -> t.endsWith(SHOWN)), "titles show their markup as text: " + titles);
            // A click on a hostile resource describes it; the description is text too.
            browser.findElement(By.cssSelector("#result-table tbody tr td:first-child a")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-rdf"), "<svg onload="));
            assertInert(browser, "query page");

            // The explorer: found, drawn, detailed and its list line shown, all as text.
            browser.get(served.page() + "explore#q=Shared");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "found; click one to draw it"));
            WebElement hit = browser.findElement(By.cssSelector("#hits button.hit"));
            assertEquals("Shared " + SHOWN, hit.getText());
            hit.click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details-title"), "Shared " + SHOWN));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("counts"), "5 nodes, 4 edges"));
            assertTrue(browser.findElement(By.id("properties")).getText().contains(SHOWN), "the description as text");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sources"), "[Shared " + PAYLOAD.substring(0, 20)));
            assertInert(browser, "explorer");
            served.stop("TERM");

            browser.get(project.resolve("output/report.html").toUri().toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overlap")));
            String text = browser.findElement(By.tagName("body")).getText();
            assertTrue(text.contains("Evil 1 " + SHOWN) && text.contains("Shared " + SHOWN),
                    "list and resource titles show their markup as text");
            assertInert(browser, "report");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aWatchingServersPageSaysWhenNewDataIsThereAndShowsWhyARebuildStoppedAsText() throws Exception {
        requireBrowser();
        ServeIT.build(project);
        WebDriver browser = chromium();
        try (ServedJar served = ServedJar.start(ServeIT.JAR, project, "--watch")) {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(served.page());
            wait.until(ExpectedConditions.elementToBeClickable(By.id("run"))).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#result-table tbody tr"), 20));
            assertFalse(browser.findElement(By.id("watch")).isDisplayed(), "nothing to say before the lists change");

            Path nleiva = project.resolve("lists/nleiva-kubernetes-networking-links.md");
            Files.writeString(nleiva, Files.readString(nleiva) + "\n- [A watched entry](https://example.org/watched-entry) - Added while serving.\n");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("watch"), "New data since this page loaded"));
            screenshot(browser, "query-page-new-data.png");
            browser.findElement(By.id("run")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("watch")));

            // A list that cannot be read, whose very name is markup: the rebuild's line shows as text, and nothing runs.
            Files.write(project.resolve("lists/" + "evil<img src=x onerror=window.pwned=1>.md"), new byte[]{'#', ' ', 0, 1, '\n'});
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("watch"), "stopped; answers still come from the last good state"));
            String said = browser.findElement(By.cssSelector("#watch pre")).getText();
            assertTrue(said.contains("evil<img src=x onerror=window.pwned=1>.md:1: error: binary file"), said);
            assertInert(browser, "query page of a watching server");
            screenshot(browser, "query-page-rebuild-stopped.png");
            served.stop("TERM");
        } finally {
            browser.quit();
        }
    }

    /** Nothing blocked or failed in the browser's console: CSP refusals, script errors, missing files. */
    private static void assertQuietConsole(WebDriver browser, String what) {
        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertEquals(List.of(), problems, what);
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
