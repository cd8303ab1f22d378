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
    from nnviz.core.lessons.assets import resource_dir

    d = resource_dir()
    assert (d / "presets" / "mnist-course.json").is_file()


def test_the_bundle_launcher_runs_precompile(tmp_path):
    # the installers run `nnviz precompile --system DIR` through the bundle's entry script
    import subprocess
    import sys

    out = subprocess.run([sys.executable, str(ROOT / "packaging" / "nnviz-launcher.py"),
                          "precompile", "--help"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "--system" in out.stdout and "nnviz precompile" in out.stdout


def test_the_deb_scripts_fill_and_remove_the_cache_the_app_reads(monkeypatch):
    import subprocess

    from nnviz.core import kernel_cache

    monkeypatch.delenv(kernel_cache.SYSTEM_ENV, raising=False)
    system = kernel_cache.system_cache_dir()
    linux = ROOT / "packaging" / "linux"
    for name in ("postinst", "postrm"):
        assert subprocess.run(["sh", "-n", str(linux / name)]).returncode == 0
    postinst = (linux / "postinst").read_text()
    if system is not None and str(system).startswith("/var/"):  # the Linux default
        assert f"CACHE={system}\n" in postinst
    assert '/opt/nnviz/nnviz precompile --system "$CACHE"' in postinst
    assert "rm -rf /var/cache/nnviz\n" in (linux / "postrm").read_text()
    build = (ROOT / "packaging" / "build-deb").read_text()
    assert '"$HERE/linux/postinst" "$STAGE/DEBIAN/postinst"' in build
    assert '"$HERE/linux/postrm" "$STAGE/DEBIAN/postrm"' in build


def test_the_windows_installer_compiles_and_removes_the_kernels():
    iss = (ROOT / "packaging" / "windows" / "nnviz.iss").read_text(encoding="utf-8-sig")
    run = iss.split("\n[Run]\n")[1].split("\n[")[0]
    assert 'precompile --system ""{commonappdata}\\nnviz\\numba""' in run  # all users
    assert 'Parameters: "precompile --quiet"' in run  # one user: the user's own cache
    gone = iss.split("\n[UninstallDelete]\n")[1]
    assert 'Name: "{commonappdata}\\nnviz\\numba"' in gone
    assert 'Name: "{localappdata}\\nnviz\\Cache\\numba"' in gone
