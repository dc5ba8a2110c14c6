"""The review page (`score --format html`) in a real headless browser: Debian's Chromium driven by
Selenium through Debian's chromedriver (nothing downloaded). Skips cleanly where either is missing;
`.ci/run` installs both, so in CI it runs. A screenshot goes to $RELIABILITY_SCREENSHOTS (CI keeps it)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reliability.cli import main
from reliability.models import RelatedSpan

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def _page(tmp_path, capsys) -> Path:
    assert main(["score", "--semantic", "off", "--format", "html", str(EXAMPLES)]) == 0
    path = tmp_path / "review.html"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    return path


def test_page_is_one_self_contained_document_with_an_index(tmp_path, capsys):
    html = _page(tmp_path, capsys).read_text()
    assert html.count("<html") == 1 and html.count("<article class='report'") == 6
    assert "http://" not in html.replace("http://www.w3.org", "") and "<script src" not in html  # no CDN, no network
    assert "id='articles'" in html and "id='filter-label'" in html and "id='filter-code'" in html
    assert "why this score" in html and "Legend" in html


def test_article_text_cannot_inject_markup_or_control_characters():
    from reliability import Engine
    from reliability.render.html import page

    text = "<script>alert(1)</script> The council met on Monday.\x1b[31m It voted \u202egnorw\u202c.\n"
    report = Engine(checks=["integrity"], load_entrypoints=False).score(text)
    html = page([(report, text)])
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\x1b" not in html and "\u202e" not in html and "␛[31m" in html


def test_related_spans_are_marked_in_this_and_in_the_other_article():
    from reliability import Article, Engine
    from reliability.render.html import page

    engine = Engine(checks=["duplication"], load_entrypoints=False)
    para = "The harbour bridge will close for repairs from Monday, the council said in a statement.\n\n"
    first_text = para + "A second paragraph about other matters entirely.\n\n" + para
    second_text = "Another outlet: " + para
    first = engine.score(Article(id="one", text=first_text))
    second = engine.score(Article(id="two", text=second_text))
    finding = first.findings[0]
    assert finding.related, "duplication points at the first copy"
    html = page([(first, first_text), (second, second_text)])
    assert "id='a1-f0-r0'" in html and "class='rel'" in html  # the first copy, in the same article

    # story mode points into another article of the batch with RelatedSpan.article
    cross = finding.model_copy(update={"related": [RelatedSpan(start=16, end=len(second_text) - 2, article="two")]})
    checks = [c.model_copy(update={"findings": [cross]}) if c.name == "duplication" else c for c in first.checks]
    html = page([(first.model_copy(update={"checks": checks}), first_text), (second, second_text)])
    other = html[html.index("<article class='report' id='a2'") :]
    assert "id='a1-f0-r0'" in other and "data-r='a1-f0'" in other, "the other side is marked in the other article"
    assert "in <a href='#a2'>two</a>" in html


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("Debian's chromium and chromium-driver are not installed (.ci/run installs them)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def _in_view(driver, element) -> bool:
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", element
    )


def test_page_loads_clean_and_a_finding_scrolls_to_its_highlight(browser, tmp_path, capsys):
    from selenium.webdriver.common.by import By

    browser.get(_page(tmp_path, capsys).as_uri())
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [], errors
    assert browser.find_element(By.ID, "shown").text == "6 of 6 articles shown"

    # the duplication error of the article printed twice: its highlight starts far below the top of the page
    report = next(
        a for a in browser.find_elements(By.CSS_SELECTOR, "article.report") if "budget-printed-twice.txt" in a.text
    )
    jump = report.find_element(By.CSS_SELECTOR, ".finding.sev-error a.jump")
    finding_id = jump.get_attribute("data-finding")
    highlight = browser.find_element(By.ID, f"{finding_id}-h")
    assert not _in_view(browser, highlight)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", jump)
    jump.click()
    assert _in_view(browser, highlight)
    marked = browser.find_elements(By.CSS_SELECTOR, f"[data-f~='{finding_id}'].active")
    assert marked and all("hl" in m.get_attribute("class") for m in marked)
    first_copy = browser.find_elements(By.CSS_SELECTOR, f"[data-r~='{finding_id}']")
    assert first_copy, "the first copy of the repeated paragraphs is marked"
    screenshots = Path(os.environ.get("RELIABILITY_SCREENSHOTS", tmp_path))
    screenshots.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(screenshots / "review-page-finding.png"))

    # and back: a click on the highlighted text brings its finding into view and marks it
    browser.execute_script("window.scrollTo(0, 0)")
    item = browser.find_element(By.ID, finding_id)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", marked[-1])
    marked[-1].click()
    assert _in_view(browser, item) and "active" in item.get_attribute("class")


def test_index_sorts_and_filters(browser, tmp_path, capsys):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(_page(tmp_path, capsys).as_uri())
    browser.execute_script("window.scrollTo(0, 0)")
    screenshots = Path(os.environ.get("RELIABILITY_SCREENSHOTS", tmp_path))
    screenshots.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(screenshots / "review-page-index.png"))
    header = next(th for th in browser.find_elements(By.CSS_SELECTOR, "#articles th") if th.text == "score")
    header.click()
    scores = [
        float(td.get_attribute("data-value"))
        for td in browser.find_elements(By.CSS_SELECTOR, "#articles tbody tr td:nth-child(3)")
    ]
    assert scores == sorted(scores) and len(scores) == 6
    header.click()
    scores = [
        float(td.get_attribute("data-value"))
        for td in browser.find_elements(By.CSS_SELECTOR, "#articles tbody tr td:nth-child(3)")
    ]
    assert scores == sorted(scores, reverse=True)

    Select(browser.find_element(By.ID, "filter-label")).select_by_value("low")
    visible = [r for r in browser.find_elements(By.CSS_SELECTOR, "#articles tbody tr") if r.is_displayed()]
    assert visible and all(r.get_attribute("data-label") == "low" for r in visible)
    reports = [a for a in browser.find_elements(By.CSS_SELECTOR, "article.report") if a.is_displayed()]
    assert len(reports) == len(visible)
    Select(browser.find_element(By.ID, "filter-label")).select_by_value("")
    Select(browser.find_element(By.ID, "filter-code")).select_by_value("off_topic.boilerplate")
    visible = [r for r in browser.find_elements(By.CSS_SELECTOR, "#articles tbody tr") if r.is_displayed()]
    assert visible and all("off_topic.boilerplate" in r.get_attribute("data-codes").split() for r in visible)
    assert len(visible) < 6
