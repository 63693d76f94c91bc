"""The Typer application that every command module registers itself on."""

import inspect
import re
from importlib.metadata import version

import typer

app = typer.Typer(
    name="okg",
    help="Turn Chinese government and party news into a knowledge graph of officials, "
    "bodies and meetings, and ask it questions.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def _show_version(wanted: bool) -> None:
    if not wanted:
        return
    from officials_kg.extraction import is_compiled

    build = "compiled by mypyc" if is_compiled() else "Python source"
    typer.echo(f"okg {version('officials-kg')} (extractor: {build})")
    raise typer.Exit


@app.callback()
def main(
    show_version: bool = typer.Option(
        False,
        "--version",
        callback=_show_version,
        is_eager=True,
        help="Print the version, and whether the extractor runs compiled (pip install .) "
        "or as source (pip install -e .), and exit.",
    ),
) -> None:
    """okg: a knowledge graph of officials, bodies and meetings."""


_KEPT_BREAK = re.compile(r"\n(?=\s|okg )")  # before an indented line or a command line


def reflow_help(typer_app: typer.Typer) -> None:
    """Each command's help with the line breaks of its docstring's paragraphs taken out
    (but those before an indented line or an example command), so that the terminal
    wraps a paragraph at its own width: Typer keeps them, and a sentence broke where the
    source line ended. To be called once every command is registered."""
    for info in typer_app.registered_commands:
        text = info.help or inspect.getdoc(info.callback) or ""
        paragraphs = (_KEPT_BREAK.sub("\0", p).replace("\n", " ") for p in text.split("\n\n"))
        info.help = "\n\n".join(p.replace("\0", "\n") for p in paragraphs)
