"""Browser test: opens the home page and an article in headless Chromium at phone and desktop
widths, fails on any console error (CSP violations included), and scrolls to the end of the
article to check that "Continue Reading" appends the next one and the address and title follow.

Usage: python3 browser_test.py http://127.0.0.1:PORT
Only the given loopback address is contacted: every other host name resolves to nothing.
"""
import sys
import time

from accessibility import serious_violations
from chromium import browser

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE = sys.argv[1].rstrip("/")
WIDTHS = {"phone": (390, 844), "desktop": (1366, 900)}
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def state(driver):
    """What the page looked like when a step failed, so that a CI log says why."""
    try:
        facts = driver.execute_script(
            "var nav = document.querySelector('.continue-reading');"
            "return {path: location.pathname, title: document.title, articles: document.querySelectorAll('.article').length,"
            " scrollY: window.scrollY, innerHeight: window.innerHeight, scrollHeight: document.documentElement.scrollHeight,"
            " nav: nav ? {href: nav.getAttribute('data-next-href'), loading: nav.dataset.loading || '',"
            " attempts: nav.dataset.attempts || '', top: nav.getBoundingClientRect().top} : null};")
        return f"{facts}; console: {driver.get_log('browser')}"
    except Exception as error:  # the page itself may be gone
        return f"(no page state: {error})"


def run(label, width, height):
    driver = browser(width, height)
    step = "opening the home page"
    try:
        driver.get(BASE + "/")
        check("Gazette" in driver.title, f"{label}: home title is {driver.title!r}")
        check(driver.find_element(By.CSS_SELECTOR, "main#main") is not None, f"{label}: no main landmark")
        lead = driver.find_element(By.CSS_SELECTOR, ".home__lead .card__title a")
        article_url = lead.get_attribute("href")
        errors = console_errors(driver)
        check(not errors, f"{label}: console errors on home: {errors}")
        overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        check(not overflow, f"{label}: home page scrolls sideways")

        step = "opening the lead article"
        driver.get(article_url)
        first = driver.find_element(By.CSS_SELECTOR, ".article")
        first_title = driver.title
        check(first.get_attribute("data-article-id"), f"{label}: article has no id for the view beacon")
        next_nav = driver.find_elements(By.CSS_SELECTOR, ".continue-reading a")
        check(len(next_nav) == 1, f"{label}: no Continue Reading link")
        errors = console_errors(driver)
        check(not errors, f"{label}: console errors on article: {errors}")
        overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        check(not overflow, f"{label}: article page scrolls sideways")
        if not next_nav:
            return
        next_href = next_nav[0].get_attribute("href")

        # Scroll towards the end until the next article has been appended.
        step = "scrolling until the next article is appended"
        def appended(d):
            d.execute_script("window.scrollTo(0, document.body.scrollHeight)")
            return len(d.find_elements(By.CSS_SELECTOR, ".article")) >= 2

        WebDriverWait(driver, 30, poll_frequency=0.3).until(appended)
        second = driver.find_elements(By.CSS_SELECTOR, ".article")[1]
        check(next_href.endswith(second.get_attribute("data-href")), f"{label}: appended {second.get_attribute('data-href')}, expected {next_href}")

        # Bring the second article's header to the top: the address and the title follow it.
        step = "waiting for the address to follow the second article"
        driver.execute_script("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", second.find_element(By.CSS_SELECTOR, ".article__header"))
        driver.execute_script("window.scrollBy(0, 5)")
        WebDriverWait(driver, 20, poll_frequency=0.2).until(
            lambda d: d.execute_script("return location.pathname") == second.get_attribute("data-href"))
        check(driver.title != first_title and driver.title == second.get_attribute("data-title"),
              f"{label}: title did not follow ({driver.title!r})")
        errors = console_errors(driver)
        check(not errors, f"{label}: console errors after scrolling: {errors}")
        time.sleep(0.2)
    except Exception as error:  # a timeout or a missing element is a failure, reported with its context
        message = f"{label}: {type(error).__name__} while {step}: {str(error).strip()} {state(driver)}"
        failures.append(message)
        print("FAIL:", message)
    finally:
        driver.quit()


def accessibility():
    """axe-core on the public pages readers use most, at both widths and in both colour schemes:
    no serious or critical violation (contrast, names, labels, landmarks, ARIA)."""
    for width in (390, 1280):
        driver = browser(width)
        try:
            driver.get(BASE + "/")
            article = driver.find_element(By.CSS_SELECTOR, ".home__lead .card__title a").get_attribute("href")
            section = driver.find_element(By.CSS_SELECTOR, ".site-nav a[href^='/section/']").get_attribute("href")
            for name, url in [("home", BASE + "/"), ("article", article), ("section", section),
                              ("search", BASE + "/search?q=council"), ("newsletter", BASE + "/newsletter")]:
                driver.get(url)
                for scheme in ("light", "dark"):
                    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                    found = serious_violations(driver)
                    check(not found, f"accessibility of {name} at {width} px, {scheme}: {found}")
        except Exception as error:
            failures.append(f"accessibility check: {type(error).__name__}: {error}")
            print("FAIL: accessibility check:", error)
        finally:
            driver.quit()


for name, (w, h) in WIDTHS.items():
    run(name, w, h)
accessibility()

if failures:
    print(f"browser test: {len(failures)} failure(s)")
    sys.exit(1)
print("browser test: home and article at phone and desktop widths, Continue Reading, accessibility of five public pages: passed")
