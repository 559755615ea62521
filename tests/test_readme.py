"""The README's Python examples run: each ```python block is executed in order in one
namespace (with ``records`` bound to two sample articles, as the text around it says, and
an ``export.csv`` to read);
the expected values in its comments are checked."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"


def blocks():
    text = README.read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, re.S)


def test_readme_python_examples_run(nlp, tmp_path, monkeypatch):
    # The file the example reads, in the folder it runs in.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "export.csv").write_text('body,date\n"“Yes,” she said.",2024-03-07\n', encoding="utf-8")
    found = blocks()
    assert found, "the README has Python examples"
    namespace = {"records": ["Tom Reyes praised the plan.", {"id": "x", "text": "“Yes,” she said."}]}
    main = found[0]
    lines = main.splitlines()
    # Statement by statement; after "expr  # 'value'" the value is what expr gives.
    for stmt in ast.parse(main).body:
        source = "\n".join(lines[stmt.lineno - 1 : stmt.end_lineno])
        if isinstance(stmt, ast.Expr):
            value = eval(compile(ast.Expression(stmt.value), "README.md", "eval"), namespace)
            m = re.search(r"# ('.*')$", lines[stmt.end_lineno - 1])
            if m:
                assert repr(value) == m.group(1), source
        else:
            exec(compile(ast.Module([stmt], []), "README.md", "exec"), namespace)


def test_readme_engine_recipes_name_real_functions():
    import byline.tables

    recipes = "\n".join(blocks()[1:])
    for name in re.findall(r"byline\.tables\.(\w+)", recipes):
        assert hasattr(byline.tables, name), name
    if not recipes:
        pytest.skip("no recipes in the README")
