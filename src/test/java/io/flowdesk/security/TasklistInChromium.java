package io.flowdesk.security;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Camunda Tasklist in Debian's headless Chromium, used as an agent uses it: log in on its login page, pick a filter,
 * read the tasks it lists (and Cockpit, Admin and Welcome, opened the same way). One browser for many users:
 * {@link #logOut()} leaves no cookie or stored state behind. The browser's language is that of a user's system
 * ({@code en-US} unless told). Selenium is given Debian's browser and its matching chromedriver, so it never looks
 * for (or downloads) one.
 */
public final class TasklistInChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Generous: two shared cores, a browser and the application may each wait for the other. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** How long a click on "next page" or a filter may take to show before it is taken as lost and made again. */
    private static final Duration RECLICK_AFTER = Duration.ofSeconds(8);
    private static final By FILTER_NAMES = By.cssSelector(".task-filter h4.name a");
    private static final By OPEN_FILTER = By.cssSelector(".task-filter.active h4.name");
    private static final By LOADED_LIST = By.cssSelector("[cam-tasks] > div[ng-if]");
    /** The list's pages: always there (hidden for one page), not reloaded with the list. */
    private static final By ACTIVE_PAGE = By.cssSelector("[cam-tasks] > .pagination li.pagination-page.active a");
    private static final By NEXT_PAGE_ITEM = By.cssSelector("[cam-tasks] > .pagination li.pagination-next");
    private static final By NEXT_PAGE = By.cssSelector("[cam-tasks] > .pagination li.pagination-next a");
    /** The value of the variable a filter labels "工单号 Ticket" on each task of the list. */
    private static final By TICKET_NUMBERS = By.xpath(".//ol[contains(@class,'tasks-list')]/li"
            + "//div[contains(@class,'variable-item')][.//strong[normalize-space()='工单号 Ticket:']]"
            + "//span[contains(@class,'variable-value')]");

    private final ChromeDriver browser;
    private final WebDriverWait wait;
    private final String webapps;
    private final String tasklist;
    private final Path profile;
    private final Path screenshots;

    TasklistInChromium(int port, Path screenshots) throws IOException {
        this(port, screenshots, "en-US");
    }

    /** A browser whose user's language is {@code language} (e.g. {@code zh-CN}): what the pages ask it for. */
    public TasklistInChromium(int port, Path screenshots, String language) throws IOException {
        this.webapps = "http://localhost:" + port + "/camunda/app/";
        this.tasklist = webapps + "tasklist/default/";
        this.screenshots = Files.createDirectories(screenshots);
        this.profile = Files.createTempDirectory("flowdesk-chromium-");
        this.browser = start(options(profile, language).addArguments("--window-size=1600,1000"));
        this.wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
    }

    /**
     * Debian's headless Chromium with a profile of its own (a fresh directory) for a user whose language is
     * {@code language}; a test adds its window (or phone) to these.
     */
    public static ChromeOptions options(Path profile, String language) {
        if (!installed()) {
            // without them Selenium would look for a browser to download
            throw new IllegalStateException("Needs Debian's Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get install chromium chromium-driver fonts-noto-cjk");
        }
        return new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--lang=" + language)
                .setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    }

    /** The browser, driven through Debian's chromedriver (never one Selenium would download). */
    public static ChromeDriver start(ChromeOptions options) {
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Whether a browser test runs: when the browser is installed, or when {@code FLOWDESK_REQUIRE_BROWSER=true} (CI)
     * wants a missing one to fail the test rather than skip it. For {@code @EnabledIf}.
     */
    public static boolean installedOrRequired() {
        return installed() || Boolean.parseBoolean(System.getenv("FLOWDESK_REQUIRE_BROWSER"));
    }

    /** Fills in and sends Tasklist's login form. */
    void logIn(String user, String password) {
        logIn("tasklist", user, password);
    }

    /** Fills in and sends the login form of that webapp ({@code tasklist}, {@code cockpit}, {@code admin}, ...). */
    public void logIn(String webapp, String user, String password) {
        browser.get(webapps + webapp + "/default/#/login");
        // typed again until both fields hold what was typed: on a busy machine the login page may give the user
        // name field the focus back (its autofocus) while the password is typed, which then lands there
        WebElement form = wait.until(driver -> {
            WebElement shown = browser.findElement(By.cssSelector("form[name=signinForm]"));
            return typedInto(shown, "input[type=text]", user) & typedInto(shown, "input[type=password]", password)
                    ? shown : null;
        });
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** Whether the form's field holds the text; if not, it is typed afresh (and looked at again next time). */
    private static boolean typedInto(WebElement form, String field, String text) {
        WebElement input = form.findElement(By.cssSelector(field));
        if (!input.isDisplayed() || text.equals(input.getDomProperty("value"))) {
            return input.isDisplayed();
        }
        input.clear();
        input.sendKeys(text);
        return false;
    }

    /** Focuses the filter of that name and waits for the first page of its list. */
    void openFilter(String name) {
        WebElement shown = loadedList();
        if (!isOpen(name)) {
            // the list of the filter shown before is taken away while the new filter's tasks load
            clickUntilShown(() -> clickFilter(name), () -> isOpen(name), shown);
        }
        loadedList();
    }

    /** Clicks the filter of that name in the list of filters. */
    private void clickFilter(String name) {
        wait.until(driver -> browser.findElements(FILTER_NAMES).stream()
                .filter(link -> link.getText().contains(name)).findFirst().orElse(null)).click();
    }

    private boolean isOpen(String filter) {
        return browser.findElements(OPEN_FILTER).stream().anyMatch(name -> name.getText().contains(filter));
    }

    /**
     * The ticket numbers of the tasks the open filter lists, page by page (other tests' tasks may fill more than a
     * page); this leaves its last page shown.
     */
    List<String> ticketNumbersListed() {
        List<String> numbers = new ArrayList<>();
        for (int page = 1; ; page++) {
            int expected = page;
            ListPage shown = wait.until(driver -> listPage(expected));
            numbers.addAll(shown.ticketNumbers());
            if (shown.last()) {
                return numbers;
            }
            clickUntilShown(this::clickNextPage, () -> activePage() == expected + 1, shown.list());
        }
    }

    /**
     * Clicks, and waits until the click has taken effect and the list shown before it is gone. A click that met
     * Tasklist's refresh of the list (every 10 seconds) may be lost: without effect after {@link #RECLICK_AFTER}, it
     * is made again.
     */
    private void clickUntilShown(Runnable click, BooleanSupplier tookEffect, WebElement listBefore) {
        click.run();
        long[] clicked = {System.nanoTime()};
        wait.until(driver -> {
            if (!tookEffect.getAsBoolean()) {
                if (System.nanoTime() - clicked[0] > RECLICK_AFTER.toNanos()) {
                    click.run();
                    clicked[0] = System.nanoTime();
                }
                return false;
            }
            return ExpectedConditions.stalenessOf(listBefore).apply(driver);
        });
    }

    /** Clicks the list's "next page". */
    private void clickNextPage() {
        WebElement next = browser.findElement(NEXT_PAGE);
        // below the list, under the page's fixed footer until scrolled up
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", next);
        next.click();
    }

    /** The number of the list's page shown (1 when there is only one). */
    private int activePage() {
        List<WebElement> active = browser.findElements(ACTIVE_PAGE);
        return active.isEmpty() ? 1 : Integer.parseInt(active.get(0).getDomProperty("textContent").strip());
    }

    /** A page of the list as shown: the element that holds it, its ticket numbers, whether it is the last. */
    private record ListPage(WebElement list, List<String> ticketNumbers, boolean last) {
    }

    /**
     * That page of the list, or null while it is not (yet) shown. Tasklist refreshes the list every 10 seconds
     * (the filters' auto-refresh): an element read across a refresh is stale, and the wait reads the page again.
     */
    private ListPage listPage(int page) {
        WebElement list = browser.findElement(LOADED_LIST);
        if (page != activePage()) {
            return null;
        }
        List<String> numbers = list.findElements(TICKET_NUMBERS).stream()
                .map(number -> number.getDomProperty("textContent").strip()).toList();
        List<WebElement> next = browser.findElements(NEXT_PAGE_ITEM);
        return new ListPage(list, numbers,
                next.isEmpty() || next.get(0).getDomAttribute("class").contains("disabled"));
    }

    /** The names of the processes Tasklist's "Start process" dialogue offers (it opens the dialogue). */
    public List<String> startableProcesses() {
        click(".start-process-action a", "");
        By names = By.cssSelector(".modal a[ng-click^='selectProcessDefinition']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(names));
        return browser.findElements(names).stream().map(name -> name.getText().strip()).toList();
    }

    /** Opens Tasklist's "Start process" dialogue and the start form of the process of that name. */
    public void startProcess(String processName) {
        if (!shows(".modal a[ng-click^='selectProcessDefinition']")) {
            click(".start-process-action a", "");
        }
        click(".modal a[ng-click^='selectProcessDefinition']", processName);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal .fjs-form")));
    }

    /** Sends the start form (the dialogue's "Start" button) and waits until the dialogue is gone. */
    public void submitStartForm() {
        WebElement start = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[ng-click='startProcessInstance()']")));
        start.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal .fjs-form")));
    }

    /** Opens the task in Tasklist (the link an agent follows) and waits for its form. */
    public void openTask(String taskId) {
        browser.get(tasklist + "#/?task=" + taskId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-task] .fjs-form")));
    }

    /** Claims the open task with the task view's "Claim" button, if the task waits in the queue. */
    public void claimIfUnassigned() {
        List<WebElement> claim = browser.findElements(By.cssSelector("button.claim"));
        if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
            claim.get(0).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.unclaim")));
        }
    }

    /** Types into the text field, text area or number field of the shown Camunda Form whose key is {@code key}. */
    public void type(String key, String text) {
        WebElement field = formField(key);
        field.clear();
        field.sendKeys(text);
    }

    /** The value shown in the form's field of that key. */
    public String valueOf(String key) {
        return formField(key).getDomProperty("value");
    }

    /** Picks an option, by its label, of the form's drop-down list (select) whose key is {@code key}. */
    public void choose(String key, String option) {
        // a drop-down list's input is hidden; its parent opens the list
        WebElement list = wait.until(driver -> browser.findElements(By.cssSelector(".fjs-form [id$='_" + key + "']"))
                .stream().map(input -> input.findElement(By.xpath(".."))).filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", list);
        list.click();
        click(".fjs-dropdownlist-item", option);
    }

    /**
     * Checks the radio button, by its label, of the form's radio group whose key is {@code key}; again until it is
     * checked (Tasklist may render the form afresh while its variables arrive).
     */
    public void check(String key, String option) {
        wait.until(driver -> {
            WebElement label = browser.findElements(By.cssSelector(
                            "label.fjs-form-field-label[for*='_" + key + "-']")).stream()
                    .filter(WebElement::isDisplayed).filter(found -> found.getText().contains(option)).findFirst()
                    .orElse(null);
            if (label == null) {
                return false;
            }
            WebElement radio = label.findElement(By.cssSelector("input[type=radio]"));
            if (!radio.isSelected()) {
                browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
                radio.click();
            }
            return radio.isSelected();
        });
    }

    /** Completes the open task with the form's "Complete" button and waits until Tasklist has closed it. */
    public void completeTask() {
        WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[cam-tasklist-task] button[ng-click='complete()']")));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
        complete.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[cam-tasklist-task] .fjs-form")));
    }

    /** The shown field of the Camunda Form (start or task form) whose component key is {@code key}. */
    private WebElement formField(String key) {
        return wait.until(driver -> browser.findElements(By.cssSelector(".fjs-form [id$='_" + key + "']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** The message on the login page after a refused login. */
    String loginRefusal() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[notifications-panel] .alert")))
                .getText();
    }

    /** Opens a page of a webapp, e.g. {@code ("cockpit", "#/processes")}. */
    public void open(String webapp, String page) {
        browser.get(webapps + webapp + "/default/" + page);
    }

    /** The visible text of the first element of that selector, once one is shown and has text. */
    public String textOf(String cssSelector) {
        return wait.until(driver -> browser.findElements(By.cssSelector(cssSelector)).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).filter(text -> !text.isBlank())
                .findFirst().orElse(null));
    }

    /** Waits until the page's visible text contains that text; the whole visible text then. */
    public String waitForText(String text) {
        return wait.until(driver -> {
            String shown = browser.findElement(By.tagName("body")).getText();
            return shown.contains(text) ? shown : null;
        });
    }

    /** Clicks the first shown element of that selector whose text contains that text. */
    public void click(String cssSelector, String text) {
        WebElement element = wait.until(driver -> browser.findElements(By.cssSelector(cssSelector)).stream()
                .filter(WebElement::isDisplayed).filter(found -> found.getText().contains(text)).findFirst()
                .orElse(null));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Whether any element of that selector is shown (present and visible). */
    public boolean shows(String cssSelector) {
        return browser.findElements(By.cssSelector(cssSelector)).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Whether the page has any element of that selector, shown or not. */
    public boolean has(String cssSelector) {
        return !browser.findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    boolean showsFilters() {
        return !browser.findElements(By.cssSelector(".task-filter")).isEmpty();
    }

    /** The task list (or its "no task" note) once loaded. */
    private WebElement loadedList() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(LOADED_LIST));
    }

    /** Dumps what the page is now, for a person to read when a wait ran out. */
    public void dump(String name) {
        try {
            Files.writeString(screenshots.resolve(name + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        screenshot(name);
    }

    public void screenshot(String name) {
        try {
            Files.write(screenshots.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the session: no cookie (the login) and nothing Tasklist stored (the last filter) is left for the next. */
    public void logOut() {
        if (browser.getCurrentUrl().startsWith(webapps)) {
            browser.manage().deleteAllCookies();
            browser.executeScript("localStorage.clear(); sessionStorage.clear();");
        }
        browser.get("about:blank");
    }

    @Override
    public void close() throws IOException {
        quit(browser, profile);
    }

    /** Ends the browser and removes its profile. */
    public static void quit(ChromeDriver browser, Path profile) throws IOException {
        try {
            browser.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile);
        }
    }
}
