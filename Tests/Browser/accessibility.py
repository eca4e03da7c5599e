"""The axe-core accessibility check (PyPI axe-selenium-python, which ships axe.min.js: nothing is
fetched), reduced to what must not happen: serious or critical violations."""
from axe_selenium_python import Axe


def serious_violations(driver, exclude=None):
    """The serious and critical violations on the page now open, as readable lines."""
    axe = Axe(driver)
    axe.inject()
    context = {"exclude": exclude} if exclude else None
    results = axe.run(context=context)
    lines = []
    for violation in results["violations"]:
        if violation.get("impact") not in ("serious", "critical"):
            continue
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['impact']}: {violation['id']} ({violation['help']}) at {targets}")
    return lines
