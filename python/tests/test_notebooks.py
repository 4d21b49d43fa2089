"""The notebooks of notebooks/: committed without outputs, and each executed end to end (nbclient, a real
Jupyter kernel) against the small lakehouse's SQL endpoint once its day is published to gold; an error in
any cell fails the test."""

import json
from pathlib import Path

import pytest
from conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
# the plots each notebook must draw over the small lakehouse (the rest need jobs it does not run)
FIGURES = {"commerce": 3, "logs": 3, "finance": 3, "operations": 3}


def test_the_notebooks_are_the_four_promised_and_committed_without_outputs():
    assert [path.stem for path in NOTEBOOKS] == ["commerce", "finance", "logs", "operations"]
    for path in NOTEBOOKS:
        cells = json.loads(path.read_text())["cells"]
        with_outputs = [i for i, cell in enumerate(cells)
                        if cell["cell_type"] == "code" and (cell["outputs"] or cell["execution_count"] is not None)]
        assert not with_outputs, f"{path.name} was committed with outputs in cells {with_outputs}: clear them"


@pytest.mark.live
@pytest.mark.spark
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_a_notebook_runs_end_to_end_against_the_sql_endpoint(notebook: Path, published, sql_endpoint, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    # the kernel inherits the environment: where the endpoint is and its token
    monkeypatch.setenv("LAKEHOUSE_SQL_HOST", "127.0.0.1")
    monkeypatch.setenv("LAKEHOUSE_SQL_PORT", str(sql_endpoint.port))
    monkeypatch.setenv("LAKEHOUSE_SERVE_TOKEN", sql_endpoint.token)
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    document = nbformat.read(notebook, as_version=4)

    NotebookClient(document, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(notebook.parent)}}).execute()

    outputs = [output for cell in document.cells if cell.cell_type == "code" for output in cell.outputs]
    figures = [output for output in outputs if "image/png" in output.get("data", {})]
    assert len(figures) >= FIGURES[notebook.stem], f"{notebook.name} drew {len(figures)} figures"
    printed = "".join(output.get("text", "") for output in outputs)
    assert "Day: " + published.day in printed or notebook.stem == "operations", printed[:2000]
