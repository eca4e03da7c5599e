"""Browser test of giving: a reader donates once and then monthly by card through the real
pages, Stripe.js being localstripe's localstripe-v3.js, both gifts are confirmed by
localstripe's signed webhooks, the owner finds both in the back office, and both receipts
arrive at the SMTP server.

Usage: python3 donation_test.py http://127.0.0.1:PORT OWNER_EMAIL OWNER_PASSWORD MAIL_DIR
Only loopback addresses are contacted: every other host name resolves to nothing.
"""
import email
import email.policy
import glob
import re
import sys
import time

from accessibility import serious_violations
from chromium import browser

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE, EMAIL, PASSWORD, MAIL = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4]
DONOR = "dana.donor@example.org"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def wait(driver, condition, seconds=15):
    WebDriverWait(driver, seconds).until(condition)


def errors(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def donate(driver, frequency, preset):
    driver.get(BASE + "/donate/")
    form = driver.find_element(By.ID, "donate-form")
    driver.execute_script("arguments[0].click()", form.find_element(By.ID, "donate-preset-" + preset))
    driver.execute_script("arguments[0].click()", form.find_element(By.ID, "donate-frequency-" + frequency))
    driver.execute_script("arguments[0].click()", form.find_element(By.ID, "donate-provider-stripe"))
    driver.execute_script("arguments[0].click()", form.find_element(By.ID, "donate-cover"))
    fee = form.find_element(By.ID, "donate-fee").text
    check(re.match(r"^\$\d+\.\d\d$", fee), f"the fee to cover is shown as an amount, got {fee!r}")
    form.find_element(By.ID, "donate-email").send_keys(DONOR)
    form.find_element(By.ID, "donate-name").send_keys("Dana Donor")
    driver.execute_script("arguments[0].click()", form.find_element(By.CSS_SELECTOR, "button.donate-submit"))
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#card-element input"))
    summary = driver.find_element(By.CSS_SELECTOR, ".donate-summary").text
    check(fee in summary, f"the card step names the fee {fee} before paying: {summary!r}")
    scripts = [s.get_attribute("src") for s in driver.find_elements(By.CSS_SELECTOR, "script[src]")]
    check(any("js.stripe.com/v3/" in s for s in scripts), f"Stripe.js is loaded on the card step: {scripts}")
    inputs = {i.get_attribute("placeholder"): i for i in driver.find_elements(By.CSS_SELECTOR, "#card-element input")}
    for field, value in [("number", "4242424242424242"), ("exp_month", "12"), ("exp_year", "31"), ("cvc", "123"), ("postal_code", "12345")]:
        inputs[field].send_keys(value)
    driver.execute_script("arguments[0].click()", driver.find_element(By.ID, "donate-card-submit"))
    wait(driver, lambda d: "/donate/thanks/" in d.current_url, 20)
    deadline = time.time() + 15
    while "Your payment is confirmed" not in driver.page_source and time.time() < deadline:
        time.sleep(0.5)
        driver.refresh()
    check("Your payment is confirmed" in driver.page_source, f"{frequency}: the thank-you page confirms the payment")
    reference = re.search(r"Reference (GZ-[A-Z0-9]+)", driver.page_source)
    check(reference is not None, f"{frequency}: the thank-you page names the reference")
    check(not errors(driver), f"{frequency}: no script errors: {errors(driver)}")
    return reference.group(1) if reference else ""


def main():
    driver = browser(1280)
    try:
        # No page but the card step loads a script from another origin.
        driver.get(BASE + "/")
        home_scripts = [s.get_attribute("src") for s in driver.find_elements(By.CSS_SELECTOR, "script[src]")]
        check(all(s.startswith(BASE) for s in home_scripts), f"the home page loads only our scripts: {home_scripts}")
        driver.get(BASE + "/donate/")
        problems = serious_violations(driver)
        check(not problems, "the donate page has no serious accessibility problems: " + "; ".join(problems))
        once = donate(driver, "once", "25")
        monthly = donate(driver, "monthly", "10")

        driver.get(BASE + "/admin")
        driver.find_element(By.NAME, "email").send_keys(EMAIL)
        driver.find_element(By.NAME, "password").send_keys(PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "form.auth__form button[type=submit]").click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "h1") and "Dashboard" in d.find_element(By.CSS_SELECTOR, "h1").text)
        driver.get(BASE + "/admin/donations")
        page = driver.page_source
        for reference in (once, monthly):
            check(reference and reference in page, f"{reference} is in the back office's list")
        check("Monthly recurring revenue:</strong> $10.61" in page, "the monthly gift counts in the recurring revenue")
        check(driver.find_elements(By.CSS_SELECTOR, "figure.chart svg rect"), "the chart draws this month's money")

        deadline = time.time() + 15
        receipts = []
        while time.time() < deadline:
            receipts = []
            for name in glob.glob(MAIL + "/*.eml"):
                with open(name, "rb") as handle:
                    message = email.message_from_binary_file(handle, policy=email.policy.default)
                if DONOR in str(message["To"]) and "receipt" in str(message["Subject"]).lower():
                    receipts.append(message.get_body(("plain",)).get_content())
            if len(receipts) >= 2:
                break
            time.sleep(0.5)
        check(len(receipts) == 2, f"two receipts reached the SMTP server, found {len(receipts)}")
        for reference in (once, monthly):
            check(any(reference in r for r in receipts), f"a receipt names {reference}")
    finally:
        driver.quit()
    if failures:
        print(f"{len(failures)} donation check(s) failed")
        sys.exit(1)
    print("donations: all checks passed")


main()
