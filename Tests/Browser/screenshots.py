"""Screenshots of every public and back-office page at phone and desktop widths, in light and dark,
for looking at what we built as its readers and staff see it. Not part of the test run.

Usage: python3 screenshots.py http://127.0.0.1:PORT OWNER_EMAIL OWNER_PASSWORD OUT_DIR [NAME_FILTER]
"""
import os
import re
import sys

from chromium import browser

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE, EMAIL, PASSWORD, OUT = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4]
ONLY = sys.argv[5] if len(sys.argv) > 5 else ""
os.makedirs(OUT, exist_ok=True)

PUBLIC = [
    ("home", "/"),
    ("article", None),  # the newest article, found on the home page
    ("section", "/section/news/"),
    ("search", "/search?q=council"),
    ("newsletter", "/newsletter"),
    ("about", "/about/"),
    ("not-found", "/no-such-page/"),
]
ADMIN = [
    ("sign-in", "/admin/sign-in"),
    ("dashboard", "/admin"),
    ("articles", "/admin/articles"),
    ("editor-new", "/admin/articles/new"),
    ("editor-edit", None),
    ("media", "/admin/media"),
    ("comments", "/admin/comments"),
    ("settings", "/admin/settings"),
    ("sections", "/admin/sections"),
    ("newsletter-admin", "/admin/newsletter"),
    ("subscribers", "/admin/newsletter/subscribers"),
    ("edition-new", "/admin/newsletter/editions/new"),
    ("staff", "/admin/staff"),
    ("account", "/admin/account"),
]


def shoot(driver, name, width, scheme):
    if ONLY and ONLY not in name:
        return
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 4000)")
    driver.set_window_size(width, max(800, height + 120))
    driver.save_screenshot(f"{OUT}/{name}-{width}-{scheme}.png")


def sign_in(driver):
    driver.get(BASE + "/admin/sign-in")
    driver.find_element(By.NAME, "email").send_keys(EMAIL)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form.auth__form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "/admin/sign-in" not in d.current_url)


for width in (390, 1280):
    driver = browser(width)
    try:
        driver.get(BASE + "/")
        article = driver.find_element(By.CSS_SELECTOR, ".home__lead .card__title a").get_attribute("href")
        for name, path in PUBLIC:
            driver.get(path and BASE + path or article)
            for scheme in ("light", "dark"):
                shoot(driver, name, width, scheme)
        for name, path in ADMIN[:1]:
            driver.get(BASE + path)
            for scheme in ("light", "dark"):
                shoot(driver, name, width, scheme)
        sign_in(driver)
        driver.get(BASE + "/admin/articles")
        edit = driver.find_element(By.CSS_SELECTOR, ".data-table a[href$='/edit']").get_attribute("href")
        for name, path in ADMIN[1:]:
            driver.get(path and BASE + path or edit)
            for scheme in ("light", "dark"):
                shoot(driver, name, width, scheme)
    finally:
        driver.quit()
print("screenshots in", OUT)
