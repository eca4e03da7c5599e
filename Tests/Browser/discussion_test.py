"""Browser test of the discussion: a moderator turns on post-moderation, then a reader posts a
comment and a reply in place (no reload), votes, sorts (and the choice is remembered), expands
"Read more »", and a second reader on the same article sees the new comment announced live.

Usage: python3 discussion_test.py http://127.0.0.1:PORT OWNER_EMAIL OWNER_PASSWORD
Only the given loopback address is contacted: every other host name resolves to nothing.
"""
import sys

from accessibility import serious_violations
from chromium import browser

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE, EMAIL, PASSWORD = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
failures = []
LONG = ("This is a long comment about the council's plan for the riverside, written to be cut after "
        "twenty words so that the rest waits behind Read more, which a reader opens in place.")


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def errors(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def wait(driver, condition, seconds=10):
    WebDriverWait(driver, seconds).until(condition)


def discussion_settings(driver):
    """Signs in and sets post-moderation without the first-comment hold, cutting at 20 words."""
    driver.get(BASE + "/admin")
    driver.find_element(By.NAME, "email").send_keys(EMAIL)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form.auth__form button[type=submit]").click()
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "h1") and "Dashboard" in d.find_element(By.CSS_SELECTOR, "h1").text)
    driver.get(BASE + "/admin/settings")
    for name in ("premoderate", "hold_first_comment"):
        box = driver.find_element(By.ID, "f-" + name)
        if box.is_selected():
            driver.execute_script("arguments[0].click()", box)
    words = driver.find_element(By.ID, "f-comment_excerpt_words")
    words.clear()
    words.send_keys("20")
    driver.execute_script("arguments[0].closest('form').submit()", words)
    wait(driver, lambda d: "done=saved" in d.current_url)


def post(driver, body, name="Rosa Reader", email="rosa@example.org"):
    form = driver.find_element(By.CSS_SELECTOR, "[data-comment-form]")
    form.find_element(By.NAME, "body").send_keys(body)
    if form.find_element(By.NAME, "name").is_displayed():
        form.find_element(By.NAME, "name").clear()
        form.find_element(By.NAME, "name").send_keys(name)
        form.find_element(By.NAME, "email").clear()
        form.find_element(By.NAME, "email").send_keys(email)
    click(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))


def click(driver, element):
    """Clicks as a person would, after scrolling the control to the middle of the window."""
    driver.set_script_timeout(10)
    driver.execute_async_script(
        "var el = arguments[0], done = arguments[1], last = null, same = 0;"
        "el.scrollIntoView({block: 'center'});"
        "function tick() { var top = el.getBoundingClientRect().top;"
        "  if (top === last) { if (++same > 5) return done(); } else { same = 0; last = top; }"
        "  requestAnimationFrame(tick); }"
        "tick();", element)
    try:
        element.click()
    except Exception:
        print("covering:", driver.execute_script(
            "var r = arguments[0].getBoundingClientRect(); var e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
            "return e ? e.outerHTML.slice(0, 200) : null;", element))
        raise


def comment_ids(driver):
    """The threads of the article's own discussion (Continue Reading may add others below)."""
    return driver.execute_script(
        "return Array.from(document.querySelector('[data-threads]').children).map(function (li) {"
        " var c = li.querySelector(':scope > .comment'); return c ? c.id : ''; });")


admin = browser(1366)
reader = browser(1366)
other = browser(390, 844)
try:
    discussion_settings(admin)
    admin.get(BASE + "/")
    article = admin.find_element(By.CSS_SELECTOR, ".home__lead .card__title a").get_attribute("href")

    reader.get(article)
    other.get(article)
    for driver in (reader, other):
        wait(driver, lambda d: d.execute_script("var f = document.querySelector('[data-comment-form]'); return f && f.elements.token.value"))
    # The form refuses robots that post within three seconds of the page loading; a person takes longer.
    wait(reader, lambda d: d.execute_script("return performance.now() > 3500"), 8)
    reader.execute_script("window.noReload = true")

    # Post in place: the comment appears without a reload, cut with Read more.
    post(reader, LONG)
    wait(reader, lambda d: "Your comment is published." in d.find_element(By.CSS_SELECTOR, ".comment-form__status").text)
    check(reader.execute_script("return window.noReload === true"), "posting reloaded the page")
    mine = reader.find_element(By.CSS_SELECTOR, ".comment-item--new")
    mine_id = mine.get_attribute("data-comment")
    more = mine.find_element(By.CSS_SELECTOR, "details.comment__more")
    check(not more.get_attribute("open"), "the long comment is not cut")
    click(reader, more.find_element(By.TAG_NAME, "summary"))
    check(more.get_attribute("open") is not None and "opens in place" in more.text, "Read more did not expand in place")

    # Reply to it: the form moves under the comment and the reply lands in its thread.
    click(reader, mine.find_element(By.CSS_SELECTOR, ".comment__reply"))
    check(reader.find_element(By.CSS_SELECTOR, ".comment-form__replying").is_displayed(), "the reply form does not say whom it answers")
    post(reader, "And a short reply to myself.")
    wait(reader, lambda d: d.find_elements(By.CSS_SELECTOR, f'[data-comment="{mine_id}"] .comment-replies .comment'))
    check(reader.execute_script("return window.noReload === true"), "replying reloaded the page")

    # Vote: the score changes in place; voting the same way again takes it back.
    score = lambda: reader.find_element(By.CSS_SELECTOR, f'#comment-{mine_id} .vote__score').text
    click(reader, reader.find_element(By.CSS_SELECTOR, f'#comment-{mine_id} .vote__up'))
    wait(reader, lambda d: score() == "1")
    click(reader, reader.find_element(By.CSS_SELECTOR, f'#comment-{mine_id} .vote__up'))
    wait(reader, lambda d: score() == "0")
    click(reader, reader.find_element(By.CSS_SELECTOR, f'#comment-{mine_id} .vote__up'))
    wait(reader, lambda d: score() == "1")

    # The author's own browser may edit the comment, and delete the reply, for a while.
    click(reader, reader.find_element(By.CSS_SELECTOR, f'#comment-{mine_id} .comment__own button'))
    area = reader.find_element(By.CSS_SELECTOR, f'#comment-{mine_id} .comment__body textarea')
    check(area.get_attribute("value") == LONG, "the edit box does not hold what was written")
    area.clear()
    area.send_keys("Edited: **shorter** now.")
    click(reader, reader.find_element(By.XPATH, f'//*[@id="comment-{mine_id}"]//button[text()="Save"]'))
    wait(reader, lambda d: d.find_elements(By.CSS_SELECTOR, f'#comment-{mine_id} .comment__body strong'))
    reply = reader.find_element(By.CSS_SELECTOR, f'[data-comment="{mine_id}"] .comment-replies .comment')
    reply_id = reply.get_attribute("id")
    reader.execute_script("window.confirm = function () { return true; }")
    click(reader, reply.find_elements(By.CSS_SELECTOR, ".comment__own button")[1])
    wait(reader, lambda d: not d.find_elements(By.ID, reply_id))

    # The second reader hears of a new comment live, and shows it.
    wait(other, lambda d: d.execute_script("return !!document.querySelector('.discussion__live')"))
    post(reader, "A third comment, for the reader on a phone.")
    wait(other, lambda d: d.find_element(By.CSS_SELECTOR, ".discussion__live").is_displayed(), 5)
    label = other.find_element(By.CSS_SELECTOR, ".discussion__show-new").text
    check("new comment" in label and "show" in label, f"the live notice says {label!r}")

    def shown(driver):
        """Shows what arrived; the earlier comments' events may come first, the third one after."""
        if "A third comment, for the reader on a phone." in driver.find_element(By.CSS_SELECTOR, "[data-threads]").text:
            return True
        if driver.find_element(By.CSS_SELECTOR, ".discussion__live").is_displayed():
            click(driver, driver.find_element(By.CSS_SELECTOR, ".discussion__show-new"))
        return False

    wait(other, shown, 5)

    # Sort by oldest: the order changes, and the choice is remembered on the next visit. (The
    # article's own discussion is the first on the page; Continue Reading may add others.)
    reader.get(article)
    first = lambda d: d.find_element(By.CSS_SELECTOR, ".discussion")
    newest = comment_ids(reader)
    check(len(newest) >= 2, f"the discussion shows {newest}")
    click(reader, first(reader).find_element(By.CSS_SELECTOR, '.discussion__sort a[data-sort="oldest"]'))
    wait(reader, lambda d: comment_ids(d) and comment_ids(d) != newest)
    check(comment_ids(reader)[0] != newest[0], "sorting by oldest did not change the first thread")
    reader.get(article)
    wait(reader, lambda d: first(d).find_element(By.CSS_SELECTOR, '.discussion__sort a[data-sort="oldest"]').get_attribute("aria-current") == "true")
    click(reader, first(reader).find_element(By.CSS_SELECTOR, '.discussion__sort a[data-sort="votes"]'))
    wait(reader, lambda d: first(d).find_element(By.CSS_SELECTOR, '.discussion__sort a[data-sort="votes"]').get_attribute("aria-current") == "true")
    scores = reader.execute_script(
        "return Array.from(document.querySelector('[data-threads]').children).map(function (li) {"
        " return Number(li.querySelector(':scope > .comment .vote__score').textContent); });")
    check(scores == sorted(scores, reverse=True) and scores[0] > 0, f"most voted is not in order: {scores}")

    found = serious_violations(reader)
    check(not found, f"accessibility of the discussion: {found}")
    for driver, who in ((reader, "reader"), (other, "phone reader"), (admin, "moderator")):
        problems = errors(driver)
        check(not problems, f"console errors for the {who}: {problems}")
except Exception as error:
    import traceback
    traceback.print_exc(limit=3)
    failures.append(f"{type(error).__name__}: {error}")
    print("FAIL:", failures[-1])
    try:
        print("reader at", reader.current_url, "console:", reader.get_log("browser"))
    except Exception:
        pass
finally:
    for driver in (admin, reader, other):
        driver.quit()

if failures:
    print(f"{len(failures)} discussion check(s) failed")
    sys.exit(1)
print("discussion: all checks passed")
