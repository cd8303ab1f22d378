"""The wheel must carry every subpackage and the resources (presets, translations, icons)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_pyproject_lists_every_package():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(conf["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "nnviz").rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages"
    assert "nnviz.resources" in listed
    assert conf["tool"]["setuptools"]["package-dir"]["nnviz.resources"] == "resources"


def test_installed_or_checkout_resources_are_found():
    from nnviz.core.assets import resource_dir

    d = resource_dir()
    assert (d / "presets" / "mnist-course.json").is_file()
