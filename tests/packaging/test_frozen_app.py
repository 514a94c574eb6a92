"""The PyInstaller one-folder app works with no Python: CLI, Chinese search, the window.

Builds dist/reader/ once per session (a few minutes); skipped when PyInstaller is absent.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

pytest.importorskip("PyInstaller")
pytestmark = pytest.mark.slow


def run(app: Path, tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the frozen app from an empty folder with no Python on PATH or in the environment."""
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV"))
    }
    clean_env["PATH"] = "/usr/bin:/bin"
    clean_env.update(env)
    return subprocess.run(
        [str(app), *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=clean_env,
        timeout=300,
    )


def sample_archive(app: Path, tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """The samples imported by the frozen app into a fresh archive, and a runner of commands
    on that archive (each must succeed)."""
    archive = tmp_path / "archive"
    sample = tmp_path / "in"
    shutil.copytree(PROJECT_ROOT / "resources" / "samples", sample)

    def reader(*args: str) -> subprocess.CompletedProcess[str]:
        done = run(app, tmp_path, "--archive", str(archive), *args)
        assert done.returncode == 0, (args, done.stdout + done.stderr)
        return done

    reader("import", str(sample))
    return reader


def test_the_frozen_app_runs_the_command_line(frozen_app: Path, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    samples = PROJECT_ROOT / "resources" / "samples"
    sample = tmp_path / "in"
    shutil.copytree(samples, sample)

    version = run(frozen_app, tmp_path, "--version")
    imported = run(frozen_app, tmp_path, "--archive", str(archive), "import", str(sample))
    listed = json.loads(
        run(frozen_app, tmp_path, "--archive", str(archive), "list", "--json").stdout
    )
    word = listed[0]["articles"][0]["title"][:4]
    found = run(frozen_app, tmp_path, "--archive", str(archive), "search", word, "--json")

    assert version.returncode == 0 and version.stdout.startswith("reader ")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert len(listed) >= 3
    hits = json.loads(found.stdout)["hits"]
    assert found.returncode == 0 and hits, found.stderr
    assert any(word in hit["title"] for hit in hits)
    # The marks the window paints, from the folded texts the index holds.
    marked = [hit["title"][s:e] for hit in hits for s, e in hit["title_matches"]]
    assert word in marked
    # jieba's cache goes to the app's cache folder, never the working directory.
    assert not list(tmp_path.glob("jieba*"))


def test_the_frozen_app_derives_keywords_and_regions_at_import(
    frozen_app: Path, tmp_path: Path
) -> None:
    """Keywords, regions and reprint links are derived together at import: a data file left
    out of the bundle (jieba's IDF table once was) loses all three without a word."""
    reader = sample_archive(frozen_app, tmp_path)
    first = json.loads(reader("list", "--json").stdout)[0]["articles"][0]
    shown = json.loads(reader("show", "--json", str(first["id"])).stdout)
    by_keyword = reader("search", f"keyword:{shown['keywords'][0]}", "--json")
    # The samples are about Inner Mongolia: its articles are tagged with the region.
    by_region = reader("search", "region:内蒙古", "--json")

    assert first["id"] in [hit["article_id"] for hit in json.loads(by_keyword.stdout)["hits"]]
    assert json.loads(by_region.stdout)["total"] >= 5


def test_the_frozen_app_opens_its_window(frozen_app: Path, tmp_path: Path) -> None:
    started = run(
        frozen_app,
        tmp_path,
        "--archive",
        str(tmp_path / "archive"),
        QT_QPA_PLATFORM="offscreen",
        READER_EXIT_AFTER_SHOW="1",
    )

    assert started.returncode == 0, started.stderr
    assert "window shown in" in started.stderr


SIZE_LIMIT = 150 * 1000 * 1000


def _size(folder: Path) -> int:
    return sum(f.lstat().st_size for f in folder.rglob("*") if not f.is_dir())


def test_the_frozen_app_stays_under_150_mb(frozen_app: Path) -> None:
    size = _size(frozen_app.parent)
    print(f"dist/reader: {size / 1e6:.1f} MB")
    assert size <= SIZE_LIMIT
    bundled = {p.name for p in frozen_app.parent.rglob("*")}
    assert not any(name.startswith(("libgtk", "libpango", "libcairo")) for name in bundled)
    assert "cryptography" not in bundled


def test_the_frozen_app_exports_every_format_and_the_files_open(
    frozen_app: Path, tmp_path: Path
) -> None:
    import docx
    from pdfminer.high_level import extract_text

    archive = tmp_path / "archive"
    sample = tmp_path / "in"
    shutil.copytree(PROJECT_ROOT / "resources" / "samples", sample)
    imported = run(frozen_app, tmp_path, "--archive", str(archive), "import", str(sample))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    listed = json.loads(
        run(frozen_app, tmp_path, "--archive", str(archive), "list", "--json").stdout
    )
    articles = [a for issue in listed for a in issue["articles"]]
    ids = [str(a["id"]) for a in articles]
    titles = ["".join(a["title"].split()) for a in articles]

    texts = {}
    for fmt in ("docx", "pdf", "html", "md"):
        out = tmp_path / f"brief.{fmt}"
        done = run(
            frozen_app, tmp_path, "--archive", str(archive), "export", *ids,
            "--title", "冻结测试汇编", "--compiler", "某中心", "-o", str(out),
        )  # fmt: skip
        assert done.returncode == 0, (fmt, done.stdout + done.stderr)
        assert out.is_file() and out.stat().st_size > 0
        if fmt == "docx":
            document = docx.Document(str(out))
            text = "\n".join(p.text for p in document.paragraphs)
            assert document.core_properties.title == "冻结测试汇编"
        elif fmt == "pdf":
            text = extract_text(str(out))
        else:
            text = out.read_text(encoding="utf-8")
        texts[fmt] = "".join(text.split())
    for fmt, text in texts.items():
        assert "冻结测试汇编" in text, fmt
        for title in titles:
            assert title in text, (fmt, title)


def test_the_frozen_app_exports_an_excerpt_with_its_source_line(
    frozen_app: Path, tmp_path: Path
) -> None:
    import docx
    from pdfminer.high_level import extract_text

    reader = sample_archive(frozen_app, tmp_path)
    article = json.loads(reader("list", "--json").stdout)[0]["articles"][0]
    paragraphs = json.loads(reader("show", str(article["id"]), "--json").stdout)["text"].split("\n")
    kept, left_out = paragraphs[0], paragraphs[-1]
    reader("brief", "create", "摘编")
    reader("brief", "set", "摘编", "--title", "摘编测试")
    reader("brief", "add-excerpt", "摘编", str(article["id"]), "--quote", kept)

    for fmt in ("docx", "pdf"):
        out = tmp_path / f"excerpt.{fmt}"
        reader("export", "--brief", "摘编", "--format", fmt, "-o", str(out))
        if fmt == "docx":
            text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        else:
            text = extract_text(str(out))
        text = "".join(text.split())
        assert "摘编自" in text, fmt
        assert "".join(kept.split()) in text, fmt
        assert "".join(left_out.split()) not in text, fmt


def test_the_frozen_app_imports_a_large_folder_on_worker_processes(
    frozen_app: Path, tmp_path: Path
) -> None:
    """A folder of 2,000 articles is indexed and derived by spawned worker processes: each
    one starts the bundle again, so freezing must let it start and find its data files."""
    from reader.search.folding import fold
    from reader.search.pipeline import POOL_THRESHOLD
    from tests.bench.generate import write_bulletins
    from tests.support.issues import random_issues

    issues = random_issues(POOL_THRESHOLD)
    sources = tmp_path / "in"
    write_bulletins(issues, sources)
    articles = [a for issue in issues for a in issue.articles]
    term = "发展"
    holding = sum(term in fold(a.title) or term in fold(a.text) for a in articles)
    archive = str(tmp_path / "archive")

    imported = run(frozen_app, tmp_path, "--archive", archive, "import", str(sources))
    found = run(frozen_app, tmp_path, "--archive", archive, "search", term, "--json")
    listed = json.loads(run(frozen_app, tmp_path, "--archive", archive, "list", "--json").stdout)
    last = listed[-1]["articles"][-1] if listed else {"id": 0}
    shown = run(frozen_app, tmp_path, "--archive", archive, "show", "--json", str(last["id"]))

    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "warning" not in imported.stderr, imported.stderr  # derived data failed
    assert sum(len(issue["articles"]) for issue in listed) == len(articles)
    assert json.loads(found.stdout)["total"] == holding, found.stderr
    assert json.loads(shown.stdout)["keywords"], shown.stderr
