"""Browser test of the back office: signs in as the owner, uploads a picture and describes it,
writes an article with that picture as its feature image, publishes it, and finds it at the top
of the home page. Fails on any console error.

Usage: python3 admin_test.py http://127.0.0.1:PORT OWNER_EMAIL OWNER_PASSWORD
"""
import os
import struct
import sys
import tempfile
import traceback
import time
import zlib

from accessibility import serious_violations
from chromium import browser

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, EMAIL, PASSWORD = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
TITLE = "Browser test: lock gates reopen after repairs"


def png(width, height):
    """A valid PNG of a diagonal gradient, written without any imaging library."""
    rows = b"".join(
        b"\x00" + bytes(v for x in range(width) for v in ((x * 255) // width, (y * 255) // height, 120))
        for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b"")


failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def errors(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


driver = browser(1366)
picture = tempfile.NamedTemporaryFile(suffix=".png", delete=False)
picture.write(png(1200, 675))
picture.close()
try:
    driver.get(BASE + "/admin")
    check("/admin/sign-in" in driver.current_url, "the back office did not ask to sign in")
    for scheme in ("light", "dark"):
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        found = serious_violations(driver)
        check(not found, f"accessibility of the sign-in page, {scheme}: {found}")
    driver.find_element(By.NAME, "email").send_keys(EMAIL)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form.auth__form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "h1") and "Dashboard" in d.find_element(By.CSS_SELECTOR, "h1").text)

    # Upload a picture, then describe it (alt text is required before use).
    driver.get(BASE + "/admin/media")
    driver.find_element(By.ID, "f-file").send_keys(picture.name)
    driver.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "f-alt"))
    driver.find_element(By.ID, "f-alt").send_keys("Lock gates on the canal, freshly painted")
    driver.find_element(By.CSS_SELECTOR, "form.panel button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "Description saved." in d.page_source)

    # Write and publish the article.
    driver.get(BASE + "/admin/articles/new")
    for scheme in ("light", "dark"):
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        found = serious_violations(driver)
        check(not found, f"accessibility of the editor, {scheme}: {found}")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    driver.find_element(By.ID, "f-title").send_keys(TITLE)
    driver.find_element(By.ID, "f-standfirst").send_keys("The canal is open to boats again after six weeks of work.")
    body = driver.find_element(By.ID, "f-body")
    body.send_keys("The **lock gates** at Mill Street reopened on Monday.\n\nBoats queued from dawn.")
    frame = driver.find_element(By.CSS_SELECTOR, "iframe[data-preview-frame]")
    WebDriverWait(driver, 10).until(lambda d: "<strong>lock gates</strong>" in (frame.get_attribute("srcdoc") or ""))
    check(frame.get_attribute("sandbox") == "", "the preview frame is not fully sandboxed")
    check(not frame.find_elements(By.XPATH, "./ancestor::form"), "the preview frame sits inside a form")
    driver.switch_to.frame(frame)
    check(driver.find_element(By.CSS_SELECTOR, ".prose strong").text == "lock gates", "the preview frame does not show the body")
    check(driver.execute_script("return getComputedStyle(document.querySelector('.prose')).fontFamily").find("serif") >= 0,
          "the preview frame did not get the site's styles")
    driver.switch_to.default_content()
    Select(driver.find_element(By.ID, "f-section")).select_by_visible_text("News")
    # The byline: add two writers from the list, move the second above the first.
    adder = Select(driver.find_element(By.ID, "f-author-add"))
    adder.select_by_index(1)
    adder.select_by_index(2)
    names = lambda: [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".byline__item .byline__name")]
    added = names()
    check(len(added) >= 2, f"the byline list did not grow: {added}")
    last = added[-1]
    driver.find_element(By.CSS_SELECTOR, f"button[aria-label='Move {last} up']").click()
    byline = names()
    check(byline[-2] == last, f"moving {last} up gave {byline}")

    # The feature image, through the picker: search the library and choose.
    def pick(search):
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, "[data-picker-dialog]").get_attribute("open") is not None)
        field = driver.find_element(By.ID, "picker-search")
        field.clear()
        field.send_keys(search)
        query = "q=" + search.replace(" ", "%20")
        WebDriverWait(driver, 10).until(
            lambda d: (d.find_element(By.CSS_SELECTOR, "[data-picker-grid]").get_attribute("data-shown") or "").endswith(query))
        items = driver.find_elements(By.CSS_SELECTOR, ".picker__item")
        check(len(items) == 1 and search.lower() in items[0].text.lower(), f"searching {search!r} found {[i.text for i in items]}")
        items[0].click()
    driver.find_element(By.XPATH, "//button[normalize-space()='Choose an image…']").click()
    pick("Lock gates")
    check("Lock gates on the canal" in driver.find_element(By.CSS_SELECTOR, "[data-image-current]").text,
          "the chosen image is not shown beside the picker")
    # And the same picture inside the body, at the cursor.
    body.send_keys("\n")
    driver.find_element(By.CSS_SELECTOR, "[data-insert-image-button]").click()
    pick("canal")
    check("![Lock gates on the canal, freshly painted](/media/" in body.get_attribute("value"), "the image was not written into the body")
    driver.find_element(By.ID, "f-image_caption").send_keys("The new gates. Photo: Gazette")
    Select(driver.find_element(By.ID, "f-status")).select_by_value("published")
    driver.find_element(By.CSS_SELECTOR, ".editor__side button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "Published." in d.page_source)
    check(not errors(driver), f"console errors in the back office: {errors(driver)}")

    # It leads the home page, with its picture.
    driver.get(BASE + "/")
    lead = driver.find_element(By.CSS_SELECTOR, ".home__lead .card__title a")
    check(lead.text == TITLE, f"the home page leads with {lead.text!r}")
    image = driver.find_element(By.CSS_SELECTOR, ".home__lead img")
    check("960w" in (image.get_attribute("srcset") or ""), "the feature image has no resized copies")
    lead.click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".article__figure img"))
    check(driver.find_element(By.CSS_SELECTOR, ".article__figure img").get_attribute("alt") == "Lock gates on the canal, freshly painted",
          "the article's image lost its alt text")
    inline = driver.find_element(By.CSS_SELECTOR, ".article__body img")
    check("960w" in (inline.get_attribute("srcset") or "") and inline.get_dom_attribute("width") == "1200"
          and inline.get_dom_attribute("height") == "675", "the image in the body has no size or resized copies")
    shown = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".article__byline a[rel=author]")]
    check(shown == byline, f"the byline reads {shown}, the editor had {byline}")
    check(not errors(driver), f"console errors on the public site: {errors(driver)}")
except Exception as error:
    failures.append(f"{type(error).__name__}: {error}")
    # Selenium's timeouts carry no message: the stack says which step it was.
    print("FAIL:", f"{type(error).__name__}: {error}")
    traceback.print_exc()
finally:
    driver.quit()
    os.unlink(picture.name)

# The editor is usable on a phone: nothing scrolls sideways.
phone = browser(390)
try:
    phone.get(BASE + "/admin/sign-in")
    phone.find_element(By.NAME, "email").send_keys(EMAIL)
    phone.find_element(By.NAME, "password").send_keys(PASSWORD)
    phone.find_element(By.CSS_SELECTOR, "form.auth__form button[type=submit]").click()
    WebDriverWait(phone, 10).until(lambda d: "/admin/sign-in" not in d.current_url)
    for path in ["/admin", "/admin/articles", "/admin/articles/new", "/admin/media", "/admin/settings"]:
        phone.get(BASE + path)
        overflow = phone.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        check(not overflow, f"{path} scrolls sideways on a phone")
    check(not errors(phone), f"console errors on the phone: {errors(phone)}")
finally:
    phone.quit()

if failures:
    print(f"admin browser test: {len(failures)} failure(s)")
    sys.exit(1)
print("admin browser test: sign in, upload and describe an image, publish an article with it, find it on the home page: passed")
